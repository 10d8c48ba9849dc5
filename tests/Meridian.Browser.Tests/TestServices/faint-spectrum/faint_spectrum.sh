#!/bin/sh
# SPDX-License-Identifier: MIT
# faint_spectrum: N wavelengths from 0.5 to 50 um (logarithmically spaced), fluxes near 1.066e-5, and a summary.
set -eu
LC_ALL=C; export LC_ALL
awk -v n="$1" 'BEGIN {
  print "wavelength,flux"
  for (i = 0; i < n; i++) {
    w = 0.5 * 100 ^ (i / (n - 1))
    printf "%.6g,%.8f\n", w, 0.00001066 + 0.00000002 * i
  }
}' > spectrum.csv
printf 'statistic,wavelength,flux\nmin,0.5,0.00001066\nmax,50,0.0000110\nmean,12.1,0.0000108\n' > summary.csv
