# SPDX-License-Identifier: MIT
"""Checks a PNG with the standard library (signature, chunk CRCs, zlib data) and prints its size and pixels as JSON."""
import json
import struct
import sys
import zlib

data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "bad signature"
pos, chunks = 8, []
while pos < len(data):
    (length,) = struct.unpack(">I", data[pos:pos + 4])
    kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
    (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
    assert zlib.crc32(kind + body) == crc, f"bad CRC in {kind}"
    chunks.append((kind.decode(), body))
    pos += 12 + length
assert [k for k, _ in chunks][0] == "IHDR" and chunks[-1][0] == "IEND"
width, height, depth, colour = struct.unpack(">IIBB", chunks[0][1][:10])
raw = zlib.decompress(b"".join(body for kind, body in chunks if kind == "IDAT"))
rows = [list(raw[y * (width + 1) + 1:(y + 1) * (width + 1)]) for y in range(height)]
print(json.dumps({"width": width, "height": height, "depth": depth, "colour": colour, "rows": rows}))
