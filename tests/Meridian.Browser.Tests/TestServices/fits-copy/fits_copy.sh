#!/bin/sh
# Copies its input file to image.fits in the working directory.
cp -- "$1" image.fits
