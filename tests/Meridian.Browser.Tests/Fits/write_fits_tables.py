# SPDX-License-Identifier: MIT
"""Writes, with astropy, a FITS binary table of every kind of column (scaled integers, unsigned integers by
TZERO, fixed arrays with TDIM, strings, logicals, variable-length arrays) and a cube too large to read whole,
and prints as JSON the physical values astropy reads: the table's rows and the spectrum of the cube at a pixel."""
import json
import sys

import numpy as np
from astropy.io import fits

folder = sys.argv[1]
rows = 120
columns = fits.ColDefs([
    # Stored values; TSCAL and TZERO are set on the written file (astropy 5.2 cannot scale a float column back).
    fits.Column(name="FLUX", format="I", unit="mJy", array=np.arange(rows, dtype=np.int16) - 120),
    fits.Column(name="COUNTS", format="I", bzero=32768, array=np.arange(rows, dtype=np.uint16) * 500 + 1000),
    fits.Column(name="POSITION", format="6E", dim="(3,2)", unit="m", array=np.arange(rows * 6, dtype=np.float32).reshape(rows, 2, 3) / 4),
    fits.Column(name="STATION", format="8A", array=np.array([f"S{i % 7}" for i in range(rows)])),
    fits.Column(name="VALID", format="L", array=np.arange(rows) % 3 != 0),
    fits.Column(name="MJD", format="D", unit="d", array=60000.5 + np.arange(rows) / 1000.0),
    fits.Column(name="SAMPLES", format="PJ()", array=np.array([np.arange(i % 5 + 1, dtype=np.int32) * (i + 1) for i in range(rows)], dtype=object)),
])
table = fits.BinTableHDU.from_columns(columns, name="MEASUREMENTS")
fits.HDUList([fits.PrimaryHDU(), table]).writeto(f"{folder}/table.fits", overwrite=True, output_verify="exception")
fits.setval(f"{folder}/table.fits", "TSCAL1", value=0.25, ext=1, after="TUNIT1")
fits.setval(f"{folder}/table.fits", "TZERO1", value=10.0, ext=1, after="TSCAL1")

# A 256 × 256 × 64 float32 cube (16 MiB) with a spectral axis, and a table after it.
z, y, x = np.mgrid[0:64, 0:256, 0:256].astype(np.float32)
cube = np.exp(-((z - 20 - x / 32) ** 2) / 18.0) * (1 + y / 256) + 0.01 * z
hdu = fits.PrimaryHDU(cube.astype(np.float32))
hdu.header.update({"CTYPE3": "FREQ", "CUNIT3": "Hz", "CRPIX3": 1.0, "CRVAL3": 1.42e9, "CDELT3": 2.5e5, "BUNIT": "Jy/beam"})
fits.HDUList([hdu, fits.BinTableHDU.from_columns(columns, name="AFTER")]).writeto(f"{folder}/large-cube.fits", overwrite=True, output_verify="exception")

with fits.open(f"{folder}/table.fits") as hdus:
    data = hdus["MEASUREMENTS"].data
    shown = [{
        "FLUX": float(data["FLUX"][i]), "COUNTS": int(data["COUNTS"][i]), "POSITION": [float(v) for v in data["POSITION"][i].ravel()],
        "STATION": str(data["STATION"][i]), "VALID": bool(data["VALID"][i]), "MJD": float(data["MJD"][i]),
        "SAMPLES": [int(v) for v in data["SAMPLES"][i]],
    } for i in (0, 1, 2, 49, 50, 119)]
with fits.open(f"{folder}/large-cube.fits") as hdus:
    spectrum = [float(v) for v in hdus[0].data[:, 99, 199]]
    header_bytes = hdus[0]._data_offset
print(json.dumps({"rows": {str(i): r for i, r in zip((0, 1, 2, 49, 50, 119), shown)}, "spectrum": {"x": 200, "y": 100, "values": spectrum},
                  "cube": {"width": 256, "height": 256, "depth": 64, "data_offset": header_bytes}}))
