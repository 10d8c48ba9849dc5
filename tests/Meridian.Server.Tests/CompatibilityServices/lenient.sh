#!/bin/sh
echo "on stdout"
echo "on stderr" >&2
echo "exit code $1" > log.txt
exit "$1"
