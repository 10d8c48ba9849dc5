#!/bin/sh
# Writes the same small catalogue as CSV (RFC 4180 quoting) and as TSV.
cat > stars.csv <<'CSV'
name,hip,ra,dec,vmag,variable,note
Vega,91262,279.2347,38.7837,0.03,false,"A0V, photometric standard"
Sirius,32349,101.2872,-16.7161,-1.46,false,
"Betelgeuse",27989,88.7929,7.4071,0.42,true,"semi-regular ""SRc"""
Deneb,102098,310.3580,45.2803,1.25,,
CSV
printf 'name\thip\tvmag\nVega\t91262\t0.03\nAltair\t97649\t0.76\n' > stars.tsv
