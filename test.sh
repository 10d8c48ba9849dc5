#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs Meridian's whole test suite: installs what the tests use on a fresh Debian machine (as root),
# then builds and runs every test project. Prints "N passed, N failed" at the end.
set -euo pipefail
cd "$(dirname "$0")"

# A real UWS client (pyvo) reads what the server emits.
if ! /usr/bin/python3 -c 'import pyvo, lxml' 2>/dev/null; then
    if [ "$(id -u)" -eq 0 ]; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pyvo python3-lxml >/dev/null
    else
        echo "test.sh: python3-pyvo and python3-lxml are needed (apt-get install python3-pyvo python3-lxml)" >&2
        exit 1
    fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Meridian.slnx 2>&1 | tee "$log" || status=$?

passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
echo
echo "tests: $passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
    exit 1
fi
