#!/bin/sh
# Copies its input file to the result path given.
cp -- "$1" "$2"
