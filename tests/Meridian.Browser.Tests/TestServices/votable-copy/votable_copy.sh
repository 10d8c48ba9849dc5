#!/bin/sh
# Copies its input file to table.vot in the working directory.
cp -- "$1" table.vot
