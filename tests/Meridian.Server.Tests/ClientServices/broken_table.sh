#!/bin/sh
# Fails as a legacy table code does: a line on stdout, the reason (with markup-like text) on stderr, exit code $1.
echo "reading catalogue"
echo "column <RA> & <DEC> missing in input" >&2
exit "$1"
