#!/bin/sh
# SPDX-License-Identifier: MIT
# hello: write "Hello, <name>!" <times> times into greeting.txt.
# Usage: hello.sh --name NAME --times N
# The name is only ever used as data (printf '%s'), never evaluated.
set -u
LC_ALL=C; export LC_ALL

die() { printf 'hello: %s\n' "$1" >&2; exit 1; }

name=world
times=1
while [ $# -gt 0 ]; do
    case $1 in
        --name)  [ $# -ge 2 ] || die "--name needs a value"; name=$2; shift 2 ;;
        --times) [ $# -ge 2 ] || die "--times needs a value"; times=$2; shift 2 ;;
        *) die "unknown argument: $1" ;;
    esac
done

[ -n "$name" ] || die "name must not be empty"
[ "${#name}" -le 200 ] || die "name is too long (max 200 characters)"
# times: 1 to 3 decimal digits (guards the numeric test against huge values)
case $times in
    ''|*[!0-9]*) die "times must be an integer, got: $times" ;;
esac
[ "${#times}" -le 3 ] && [ "$times" -ge 1 ] && [ "$times" -le 100 ] ||
    die "times must be between 1 and 100, got: $times"
while case $times in 0?*) ;; *) false ;; esac; do times=${times#0}; done

i=0
while [ "$i" -lt "$times" ]; do
    printf 'Hello, %s!\n' "$name"
    i=$((i + 1))
done > greeting.txt || die "cannot write greeting.txt"
printf 'hello: wrote %s greeting(s) to greeting.txt\n' "$times"
