# SPDX-License-Identifier: MIT
"""Writes a FITS file with images of every BITPIX (scaled and unsigned ones too) and a binary table of every type."""
import sys

import numpy as np
from astropy.io import fits

primary = fits.PrimaryHDU(data=(10 + 0.5 * np.arange(12)).reshape(3, 4))
primary.scale("int16", bscale=0.5, bzero=10)
primary.header["OBSERVER"] = ("O'Brien", "a quote inside a string")
primary.header["SEEING"] = (0.75, "arcsec")
primary.header["CALIB"] = (True, "a logical")
primary.header["NFRAMES"] = (42, "an integer")
primary.header["HDUNAME"] = "PRIMARY-I16"
hdus = [primary]
for name, dtype in [("U8", np.uint8), ("U16", np.uint16), ("I32", np.int32), ("I64", np.int64), ("F32", np.float32), ("F64", np.float64)]:
    data = (np.arange(20).reshape(4, 5) * 3 + 1).astype(dtype)
    if name == "U16":
        data = data + np.uint16(40000)
    if name.startswith("F"):
        data = data / 8.0
        data = data.astype(dtype)
    hdus.append(fits.ImageHDU(data=data, name=name))

rows = 3
columns = [
    fits.Column(name="FLAG", format="4L", array=np.array([[True, False, True, False]] * rows)),
    fits.Column(name="BYTE", format="B", array=np.array([1, 2, 255], dtype=np.uint8)),
    fits.Column(name="SHORT", format="I", array=np.array([-3, 0, 32000], dtype=np.int16)),
    fits.Column(name="USHORT", format="I", bzero=32768, array=np.array([0, 40000, 65535], dtype=np.uint16)),
    fits.Column(name="INT", format="J", array=np.array([-70000, 1, 2**31 - 1], dtype=np.int32)),
    fits.Column(name="LONG", format="K", array=np.array([-(2**40), 5, 2**50], dtype=np.int64)),
    fits.Column(name="NAME", format="16A", array=np.array(["FKV1137", "alpha Cen", ""])),
    fits.Column(name="REAL", format="E", unit="m", array=np.array([5.5e-7, -1.25, 3.0e10], dtype=np.float32)),
    fits.Column(name="DOUBLE", format="D", unit="deg", array=np.array([335.684326, -45.94799, 1e-300])),
    fits.Column(name="XYZ", format="3D", array=np.arange(9, dtype=float).reshape(3, 3) - 4.5),
    fits.Column(name="SCALED", format="J", array=np.array([0, 1, -2], dtype=np.int32)),
    fits.Column(name="CPLX", format="C", array=np.array([1 + 2j, -0.5j, 3], dtype=np.complex64)),
    fits.Column(name="DCPLX", format="2M", array=np.array([[1 + 1j, 2 - 2j], [0, 1j], [-1, 5]], dtype=np.complex128)),
    fits.Column(name="VARLEN", format="PD()", array=np.array([np.array([1.5]), np.array([2.5, 3.5, 4.5]), np.array([])], dtype=object)),
]
table = fits.BinTableHDU.from_columns(columns, name="EVERY_TYPE")
table.header["INSNAME"] = "TEST_INS"
# Scaling set on the header of stored integers: astropy 5.2 cannot scale a J column back from reals itself.
scaled = [c.name for c in columns].index("SCALED") + 1
table.header[f"TSCAL{scaled}"] = 0.25
table.header[f"TZERO{scaled}"] = 100
hdus.append(table)
fits.HDUList(hdus).writeto(sys.argv[1], overwrite=True)
