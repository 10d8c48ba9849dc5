# SPDX-License-Identifier: MIT
"""Reads a VOTable with astropy (an independent reader) and prints its columns, types and cells as JSON."""
import io
import json
import sys
import urllib.request

from astropy.io.votable import parse


def main(url):
    with urllib.request.urlopen(url) as response:
        table = parse(io.BytesIO(response.read()), verify="exception").get_first_table()
    fields = [{"name": f.name, "datatype": f.datatype, "unit": None if f.unit is None else str(f.unit),
               "ucd": f.ucd, "description": f.description} for f in table.fields]
    data = table.to_table()
    rows, masks = [], []
    for i in range(len(data)):
        cells, mask = [], []
        for column in data.columns.values():
            value = column[i]
            masked = bool(getattr(column, "mask", None) is not None and column.mask[i])
            mask.append(masked)
            if masked:
                cells.append(None)
            elif isinstance(value, bytes):
                cells.append(value.decode())
            else:
                cells.append(value.item() if hasattr(value, "item") else value)
        rows.append(cells)
        masks.append(mask)
    print(json.dumps({"fields": fields, "rows": rows, "masked": masks}, default=str))


if __name__ == "__main__":
    main(sys.argv[1])
