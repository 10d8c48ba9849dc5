# SPDX-License-Identifier: MIT
"""Writes with astropy a TABLEDATA VOTable whose cells need XML's escapes (<, &, quotes) and hold empty and
masked values (written <TD/>), and prints as JSON the cells astropy reads back."""
import json
import sys

import numpy as np
from astropy.table import MaskedColumn, Table

path = sys.argv[1]
names = ["a<b", "R&D", "", "x \"y\" 'z'", "plain"]
Table({"name": names, "n": MaskedColumn([1, 2, 3, 4, 5], mask=[False, True, False, False, False], dtype=np.int32)}) \
    .write(path, format="votable", overwrite=True)
back = Table.read(path, format="votable")
print(json.dumps({"name": [str(v) for v in back["name"].filled("")], "n": ["" if m else str(v) for v, m in zip(back["n"].data, back["n"].mask)]}))
