# SPDX-License-Identifier: MIT
"""Writes FITS test files with astropy (an independent writer) and prints, as JSON, the physical value and
world coordinates astropy reads at chosen 1-based pixels."""
import json
import sys

import numpy as np
from astropy.io import fits
from astropy.wcs import WCS


def scaled_int16(path):
    y, x = np.mgrid[0:48, 0:64]
    data = (x * 7 + y * 3).astype(np.int16)
    data[5, 9] = -32768
    hdu = fits.PrimaryHDU(data)
    hdu.header["BSCALE"] = 0.5
    hdu.header["BZERO"] = 100.0
    hdu.header["BLANK"] = -32768
    hdu.header["BUNIT"] = "Jy/beam"
    for key, value in {"CTYPE1": "RA---TAN", "CTYPE2": "DEC--TAN", "CRPIX1": 32.0, "CRPIX2": 24.0,
                       "CRVAL1": 83.63308, "CRVAL2": 22.0145, "CDELT1": -0.0001, "CDELT2": 0.0001,
                       "CUNIT1": "deg", "CUNIT2": "deg"}.items():
        hdu.header[key] = value
    hdu.writeto(path, overwrite=True, output_verify="exception")


def float_cube(path):
    z, y, x = np.mgrid[0:3, 0:20, 0:30]
    data = (np.sin(x / 5.0) * (z + 1) + y / 10.0).astype(np.float32)
    data[1, 2, 3] = np.nan
    fits.HDUList([fits.PrimaryHDU(), fits.ImageHDU(data, name="MODEL CUBE")]).writeto(path, overwrite=True, output_verify="exception")


def read(path, hdu_index, pixels):
    with fits.open(path) as hdus:
        hdu = hdus[hdu_index]
        data = hdu.data
        answers = []
        for plane, x, y in pixels:
            value = float(data[y - 1, x - 1] if data.ndim == 2 else data[plane, y - 1, x - 1])
            entry = {"x": x, "y": y, "plane": plane, "value": None if np.isnan(value) else value}
            if "CTYPE1" in hdu.header:
                ra, dec = WCS(hdu.header).wcs_pix2world([[x, y]], 1)[0]
                entry["world"] = [float(ra), float(dec)]
            answers.append(entry)
        return answers


if __name__ == "__main__":
    folder = sys.argv[1]
    scaled_int16(f"{folder}/scaled.fits")
    float_cube(f"{folder}/cube.fits")
    print(json.dumps({
        "scaled": read(f"{folder}/scaled.fits", 0, [(0, 10, 20), (0, 1, 1), (0, 64, 48), (0, 10, 6), (0, 33, 25)]),
        "cube": read(f"{folder}/cube.fits", 1, [(0, 4, 3), (1, 4, 3), (2, 30, 20)]),
    }))
