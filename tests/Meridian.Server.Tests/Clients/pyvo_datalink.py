# SPDX-License-Identifier: MIT
"""Reads a job's DataLink document with pyvo's DataLink parser, as a VO client does, and prints its rows as JSON."""
import json
import sys

from pyvo.dal.adhoc import DatalinkResults


def main(url):
    links = DatalinkResults.from_result_url(url)
    rows = []
    for row in links:
        length = row["content_length"]
        rows.append({
            "id": str(row["ID"]),
            "access_url": row.access_url,
            "semantics": row.semantics,
            "content_type": str(row.content_type),
            "content_length": None if length is None or str(length) in ("--", "") else int(length),
            "local_semantics": str(row["local_semantics"]),
            "description": str(row.description),
        })
    print(json.dumps({"rows": rows, "by_semantics": {s: [r["access_url"] for r in rows if r["semantics"] == s] for s in set(r["semantics"] for r in rows)}}))


if __name__ == "__main__":
    main(sys.argv[1])
