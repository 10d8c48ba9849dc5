#!/bin/sh
# Writes the node running it, waits, then appends its id to $MERIDIAN_TEST_TALLY: a job run twice shows twice.
printf '%s\n' "$$" > pid.txt
printf '%s\n' "${MERIDIAN_TEST_NODE:-unknown}" > node.txt
if [ "$2" -gt 0 ]; then sleep "$2"; fi
if [ -n "${MERIDIAN_TEST_TALLY:-}" ]; then printf '%s\n' "$1" >> "$MERIDIAN_TEST_TALLY"; fi
printf '%s\n' "$1"
