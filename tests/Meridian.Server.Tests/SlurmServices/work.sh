#!/bin/sh
# work.sh SECONDS TEXT CODE: waits, writes TEXT to out.txt, then exits with CODE (saying so on stderr).
sleep "$1"
printf '%s\n' "$2" > out.txt
echo "job $MERIDIAN_JOB_ID ran as SLURM job $SLURM_JOB_ID"
if [ "$3" -ne 0 ]; then
    echo "work.sh: failing on purpose with code $3" >&2
    exit "$3"
fi
