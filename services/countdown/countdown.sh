#!/bin/sh
# SPDX-License-Identifier: MIT
# countdown: count for N seconds, reporting progress; optionally fail at a
# given second (exit code 3) to demonstrate a failed job.
# Usage: countdown.sh --seconds N [--fail-at K]
# Writes progress (one "fraction message" line per second) and summary.txt.
set -u
LC_ALL=C; export LC_ALL

die() { printf 'countdown: %s\n' "$1" >&2; exit 1; }

# Integer in [1, 3600]; the length check keeps huge values out of test(1).
check_int() {
    case $2 in
        ''|*[!0-9]*) die "$1 must be a positive integer, got: $2" ;;
    esac
    [ "${#2}" -le 4 ] && [ "$2" -ge 1 ] && [ "$2" -le 3600 ] ||
        die "$1 must be between 1 and 3600, got: $2"
}

seconds='' fail_at=''
while [ $# -gt 0 ]; do
    case $1 in
        --seconds) [ $# -ge 2 ] || die "--seconds needs a value"; seconds=$2; shift 2 ;;
        --fail-at) [ $# -ge 2 ] || die "--fail-at needs a value"; fail_at=$2; shift 2 ;;
        *) die "unknown argument: $1" ;;
    esac
done
check_int seconds "$seconds"
[ -z "$fail_at" ] || check_int fail_at "$fail_at"
# Drop leading zeros so that $((...)) never reads "010" as octal.
while case $seconds in 0?*) ;; *) false ;; esac; do seconds=${seconds#0}; done
while case $fail_at in 0?*) ;; *) false ;; esac; do fail_at=${fail_at#0}; done

started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
summary() {   # $1: outcome line
    {
        printf 'countdown of %s s\n' "$seconds"
        printf 'started:  %s\n' "$started"
        printf 'finished: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
        printf '%s\n' "$1"
    } > summary.txt
}
# Progress fraction i/seconds with three decimals, in integer arithmetic.
progress() {  # $1: step, $2: message
    p=$(($1 * 1000 / seconds))
    printf '%d.%03d %s\n' $((p / 1000)) $((p % 1000)) "$2" >> progress
}

i=0
# On abort the server stops the process; say where we were (dash runs the
# trap once the current "sleep 1" returns).
trap 'printf "countdown: stopped by a signal at second %s\n" "$i" >&2; exit 143' HUP INT TERM

progress 0 "starting" || die "cannot write the progress file"
while [ "$i" -lt "$seconds" ]; do
    sleep 1
    i=$((i + 1))
    if [ -n "$fail_at" ] && [ "$i" -eq "$fail_at" ]; then
        printf 'countdown: simulated failure at second %s of %s\n' "$i" "$seconds" >&2
        summary "outcome: failed at second $i (fail_at)"
        exit 3
    fi
    printf 'T-%s s\n' $((seconds - i))
    progress "$i" "second $i of $seconds"
done
summary "outcome: completed" || die "cannot write summary.txt"
printf 'countdown: done\n'
