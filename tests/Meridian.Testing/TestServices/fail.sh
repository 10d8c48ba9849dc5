#!/bin/sh
# Fails the way legacy codes do: some output, a reason on stderr, a non-zero exit code.
echo "reading input"
i=1
while [ "$i" -le 30 ]; do echo "noise line $i" >&2; i=$((i + 1)); done
echo "<script>alert(1)</script> input file is corrupt" >&2
exit "$1"
