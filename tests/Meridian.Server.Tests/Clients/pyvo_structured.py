# SPDX-License-Identifier: MIT
"""A table parameter from a script: pasted CSV text in a plain form post, followed with pyvo, the result read by astropy."""
import json
import sys

import requests
from astropy.table import Table
from pyvo.dal.tap import AsyncTAPJob

SPECIES = "molecule,abundance\nCO,1e-4\nHCO+,2e-9\n"


def main(jobs_url):
    created = requests.post(jobs_url, data={"species": SPECIES, "cloud": json.dumps({"density": 2e4, "depth": 0.5})},
                            allow_redirects=False, timeout=30)
    assert created.status_code == 303, created.text
    job = AsyncTAPJob(created.headers["Location"])
    job.run()
    job.wait(timeout=60)
    job.raise_if_error()
    results = {result.id_: result.href for result in job.results}
    table = Table.read(requests.get(results["column_densities"], timeout=30).text, format="ascii.csv")
    print(json.dumps({
        "phase": job.phase,
        "rows": [[str(row["molecule"]), float(row["abundance"]), float(row["column_density"])] for row in table],
    }))


if __name__ == "__main__":
    main(sys.argv[1])
