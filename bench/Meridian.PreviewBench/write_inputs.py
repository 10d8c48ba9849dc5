# SPDX-License-Identifier: MIT
"""Writes the benchmark's inputs with astropy: a 4096 x 4096 float32 FITS image and a 100,000-row VOTable
(TABLEDATA, astropy's default serialization)."""
import sys

import numpy as np
from astropy.io import fits
from astropy.table import Table

folder = sys.argv[1]
y, x = np.mgrid[0:4096, 0:4096].astype(np.float32)
rng = np.random.default_rng(15)
image = np.exp(-((x - 2048) ** 2 + (y - 2048) ** 2) / 4.0e5) + rng.normal(0, 0.01, (4096, 4096)).astype(np.float32)
fits.PrimaryHDU(image.astype(np.float32)).writeto(f"{folder}/image-4096.fits", overwrite=True)
rows = 100_000
table = Table({
    "id": np.arange(rows, dtype=np.int32),
    "ra": rng.uniform(0, 360, rows),
    "dec": rng.uniform(-90, 90, rows),
    "vmag": rng.normal(12, 2, rows).astype(np.float32),
})
table["ra"].unit = "deg"
table["dec"].unit = "deg"
table["vmag"].unit = "mag"
table.write(f"{folder}/table-100k.vot", format="votable", overwrite=True)
