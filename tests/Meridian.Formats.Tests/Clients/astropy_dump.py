# SPDX-License-Identifier: MIT
"""Prints, as JSON, what astropy reads in a FITS file: every HDU's name, kind, header values and data."""
import json
import math
import sys

import numpy as np
from astropy.io import fits


def plain(value):
    if isinstance(value, (bytes, np.bytes_)):
        return value.decode("ascii").rstrip()
    if isinstance(value, np.ndarray):
        return [plain(v) for v in value.tolist()] if value.dtype.kind != "O" else [plain(v) for v in value]
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (complex, np.complexfloating)):
        return [plain(value.real), plain(value.imag)]
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return None if math.isnan(value) else float(value)
    if isinstance(value, fits.card.Undefined):
        return None
    return value


hdus = []
with fits.open(sys.argv[1]) as hdul:
    for hdu in hdul:
        entry = {"name": hdu.name, "kind": type(hdu).__name__,
                 "header": {k: plain(v) for k, v in hdu.header.items() if k not in ("COMMENT", "HISTORY", "")}}
        if isinstance(hdu, fits.BinTableHDU):
            entry["columns"] = {}
            for column in hdu.columns:
                values = hdu.data[column.name] if hdu.data is not None else []
                entry["columns"][column.name] = [plain(np.asarray(v).ravel()) if np.ndim(v) else [plain(v)] for v in values]
        elif hdu.data is not None:
            entry["data"] = plain(np.asarray(hdu.data, dtype=float).ravel())
            entry["shape"] = list(hdu.data.shape)
        hdus.append(entry)
print(json.dumps(hdus))
