# SPDX-License-Identifier: MIT
"""Copies a real OIFITS reconstruction result, flags some of its measurements and makes its LAST_IMG name the
second image, and gives every third row to a second target, then prints (as JSON) what astropy counts there: non-flagged V² and closure phases per target,
and the value of chosen pixels of the image LAST_IMG names."""
import json
import sys

import numpy as np
from astropy.io import fits

source, target = sys.argv[1], sys.argv[2]
with fits.open(source) as hdus:
    # Flag every seventh V² and every fifth closure-phase measurement (a reduction pipeline's rejections).
    vis2 = hdus["OI_VIS2"].data
    vis2["FLAG"].flat[::7] = True
    t3 = hdus["OI_T3"].data
    t3["FLAG"].flat[::5] = True
    hdus["IMAGE-OI OUTPUT PARAM"].header["LAST_IMG"] = "IMAGE-OI INITIAL IMAGE"
    old = hdus["OI_TARGET"]
    targets = fits.BinTableHDU.from_columns(old.columns, nrows=2, header=old.header)
    targets.data[1] = targets.data[0]
    targets.data["TARGET_ID"][1] = int(targets.data["TARGET_ID"][0]) + 1
    targets.data["TARGET"][1] = "Companion"
    hdus[hdus.index_of("OI_TARGET")] = targets
    for extension in ("OI_VIS2", "OI_T3"):
        hdus[extension].data["TARGET_ID"][::3] = targets.data["TARGET_ID"][1]
    hdus.writeto(target, overwrite=True, output_verify="exception")

with fits.open(target) as hdus:
    names = {int(i): str(n) for i, n in zip(hdus["OI_TARGET"].data["TARGET_ID"], hdus["OI_TARGET"].data["TARGET"])}
    counts = {}
    for extension, column in (("OI_VIS2", "VIS2DATA"), ("OI_T3", "T3PHI")):
        data = hdus[extension].data
        keep = ~data["FLAG"] & np.isfinite(data[column])
        ids = np.broadcast_to(data["TARGET_ID"].reshape(-1, *([1] * (keep.ndim - 1))), keep.shape)
        for target_id in np.unique(data["TARGET_ID"]):
            counts.setdefault(names[int(target_id)], {})[extension] = int(keep[ids == target_id].sum())
    image = hdus["IMAGE-OI INITIAL IMAGE"]
    height, width = image.data.shape
    pixels = [{"x": x, "y": y, "value": float(image.data[y - 1, x - 1])} for x, y in ((1, 1), (width // 2, height // 2), (width, 3))]
    print(json.dumps({"counts": counts, "image": {"name": image.name, "width": width, "height": height, "pixels": pixels},
                      "eff_wave": [float(v) for v in hdus["OI_WAVELENGTH"].data["EFF_WAVE"]]}))
