#!/bin/sh
# Writes $1 KiB to stderr; a full disk must stop it and end the job in ERROR, not leave it EXECUTING.
line=$(printf '%01023d' 0)
i=0
while [ "$i" -lt "$1" ]; do
    printf '%s\n' "$line" >&2
    i=$((i + 1))
done
echo done > done.txt
