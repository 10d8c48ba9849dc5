# SPDX-License-Identifier: MIT
"""Reads a UWS job list and a job as astronomers' scripts do (pyvo.io.uws), and prints what pyvo understood as JSON."""
import io
import json
import sys
import urllib.request

from pyvo.io.uws import parse_job, parse_job_list


def fetch(url):
    with urllib.request.urlopen(url) as response:
        return io.BytesIO(response.read())


def when(value):
    # pyvo gives astropy Time objects, in UTC.
    return None if value is None else value.isot


def main(list_url, job_url):
    job_list = parse_job_list(fetch(list_url), pedantic=True)
    job = parse_job(fetch(job_url), pedantic=True)
    error = job.errorsummary
    print(json.dumps({
        "list": [{"id": ref.jobid, "phase": ref.phase, "runId": ref.runid,
                  "creationTime": when(ref.creationtime)} for ref in job_list.jobs],
        "job": {
            "jobId": job.jobid,
            "runId": job.runid,
            "ownerId": job.ownerid,
            "phase": job.phase,
            "creationTime": when(job.creationtime),
            "startTime": when(job.starttime),
            "endTime": when(job.endtime),
            "executionDuration": None if job.executionduration is None else float(job.executionduration.sec),
            "destruction": when(job.destruction),
            "parameters": [{"id": p.id_, "value": p.content, "byReference": p.byreference} for p in job.parameters],
            "results": [{"id": r.id_, "href": r.href, "size": r.size, "mimeType": r.mimetype} for r in job.results],
            "error": None if error is None else {"type": error.type_, "message": getattr(error.message, "content", error.message), "hasDetail": error.has_detail},
            "version": job.version,
        },
    }))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
