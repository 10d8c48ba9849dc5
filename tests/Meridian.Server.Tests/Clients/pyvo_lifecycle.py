# SPDX-License-Identifier: MIT
"""Drives a whole job life cycle with pyvo's generic UWS job class, as the README's walk-through does."""
import datetime
import json
import sys

import requests
from pyvo.dal.tap import AsyncTAPJob


def main(jobs_url):
    created = requests.post(jobs_url, data={"text": "via pyvo", "count": "2"}, allow_redirects=False, timeout=30)
    assert created.status_code == 303, created.text
    job = AsyncTAPJob(created.headers["Location"])
    report = {"created": job.phase}
    job.execution_duration = 45
    job.destruction = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=3)
    report["executionDuration"] = job.execution_duration.sec
    job.run()
    job.wait(timeout=60)
    job.raise_if_error()
    report["finished"] = job.phase
    report["results"] = {result.id_: result.href for result in job.results}
    report["args"] = requests.get(report["results"]["args"], timeout=30).text
    url = job.url
    job.delete()
    report["afterDelete"] = requests.get(url, timeout=30).status_code
    print(json.dumps(report))


if __name__ == "__main__":
    main(sys.argv[1])
