# SPDX-License-Identifier: MIT
"""Writes one table as VOTables in TABLEDATA, BINARY and BINARY2 with astropy (an independent writer)."""
import sys

import numpy as np
from astropy.io.votable.tree import VOTableFile, Resource, Table, Field


def write(path, serialization):
    votable = VOTableFile()
    resource = Resource()
    votable.resources.append(resource)
    table = Table(votable, name="stars")
    resource.tables.append(table)
    table.fields.extend([
        Field(votable, name="name", datatype="char", arraysize="*"),
        Field(votable, name="ra", datatype="double", unit="deg", ucd="pos.eq.ra;meta.main"),
        Field(votable, name="vmag", datatype="float", unit="mag", ucd="phot.mag;em.opt.V"),
        Field(votable, name="hip", datatype="int", ucd="meta.id"),
    ])
    rows = [("Vega", 279.2347, 0.03, 91262), ("Sirius", 101.2872, -1.46, 32349), ("Deneb", 310.358, 1.25, 102098), ("Altair", 297.6958, 0.76, 97649)]
    table.create_arrays(len(rows))
    for i, row in enumerate(rows):
        table.array[i] = row
    votable.to_xml(path, tabledata_format=serialization)


if __name__ == "__main__":
    for serialization in ("tabledata", "binary", "binary2"):
        write(f"{sys.argv[1]}/stars-{serialization}.vot", serialization)
