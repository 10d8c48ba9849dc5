# SPDX-License-Identifier: MIT
"""Writes two reconstruction-like FITS files with astropy: a 16 x 16 image (a ramp up to 100, and up to 200) and an
IMAGE-OI OUTPUT PARAM table whose header reports the run, then prints what astropy reads back from each."""
import json
import sys

import numpy as np
from astropy.io import fits


def write(path, peak, chisq):
    y, x = np.mgrid[0:16, 0:16]
    image = ((x + 16 * y) * (peak / 255.0)).astype(np.float32)
    output = fits.BinTableHDU.from_columns([fits.Column(name="DUMMY", format="E", array=np.zeros(1, dtype=np.float32))],
                                           name="IMAGE-OI OUTPUT PARAM")
    output.header["CHISQ"] = chisq
    output.header["NITER"] = 50
    fits.HDUList([fits.PrimaryHDU(image), output]).writeto(path, overwrite=True, output_verify="exception")


def read(path):
    with fits.open(path) as hdus:
        return {"chisq": hdus["IMAGE-OI OUTPUT PARAM"].header["CHISQ"], "niter": hdus["IMAGE-OI OUTPUT PARAM"].header["NITER"],
                "max": float(np.nanmax(hdus[0].data)), "topRight": float(hdus[0].data[15, 15])}


if __name__ == "__main__":
    folder = sys.argv[1]
    write(f"{folder}/a.fits", 100.0, 1.5)
    write(f"{folder}/b.fits", 200.0, 0.9)
    print(json.dumps({"a": read(f"{folder}/a.fits"), "b": read(f"{folder}/b.fits")}))
