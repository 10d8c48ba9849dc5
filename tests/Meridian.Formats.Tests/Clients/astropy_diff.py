# SPDX-License-Identifier: MIT
"""Exits 0 when astropy finds the two FITS files identical in data and header values (comments aside), else prints the report."""
import sys

from astropy.io import fits

diff = fits.FITSDiff(sys.argv[1], sys.argv[2], ignore_comments=["*"], ignore_blank_cards=True)
if not diff.identical:
    print(diff.report())
    sys.exit(1)
