#!/bin/sh
# SPDX-License-Identifier: MIT
# column_density: N = X n(H2) L for each species of a uniform cloud.
# Usage: column_density.sh --species FILE --density CM-3 --depth PC
# FILE is CSV with a header row naming the columns molecule and abundance (in any order).
# Writes column_densities.csv (molecule,abundance,column_density in cm-2) in the current directory.
# Exit codes: 1 bad arguments or I/O error, 2 a row that cannot be read.
set -u
LC_ALL=C; export LC_ALL

die() { printf 'column_density: %s\n' "$2" >&2; exit "$1"; }

species='' density='' depth=''
while [ $# -gt 0 ]; do
    case $1 in
        --species) [ $# -ge 2 ] || die 1 "--species needs a value"; species=$2; shift 2 ;;
        --density) [ $# -ge 2 ] || die 1 "--density needs a value"; density=$2; shift 2 ;;
        --depth)   [ $# -ge 2 ] || die 1 "--depth needs a value"; depth=$2; shift 2 ;;
        *) die 1 "unknown argument: $1" ;;
    esac
done
[ -f "$species" ] && [ -r "$species" ] || die 1 "cannot read the species file: $species"
for value in "$density" "$depth"; do
    case $value in
        ''|*[!0-9.eE+-]*) die 1 "not a number: '$value'" ;;
    esac
done

export density depth
# Values reach awk through ENVIRON and the file on stdin, never as awk code or file operands.
# The server writes the CSV: a molecule never holds a comma or a quote (its pattern), so a plain split is exact.
awk -F, '
    BEGIN { parsec = 3.0857e18; n = ENVIRON["density"] + 0; L = ENVIRON["depth"] * parsec }
    NR == 1 {
        for (i = 1; i <= NF; i++) column[$i] = i
        if (!("molecule" in column) || !("abundance" in column)) { print "column_density: the header must name molecule and abundance" > "/dev/stderr"; exit 2 }
        print "molecule,abundance,column_density" > "column_densities.csv"
        next
    }
    {
        x = $(column["abundance"])
        if (x !~ /^[0-9.eE+-]+$/) { print "column_density: row " NR - 1 ": abundance is not a number" > "/dev/stderr"; exit 2 }
        printf "%s,%s,%.6e\n", $(column["molecule"]), x, x * n * L > "column_densities.csv"
    }
' <"$species"
