#!/bin/sh
# Writes every argument on its own line, to stdout and to args.txt.
printf '%s\n' "$@" | tee args.txt
