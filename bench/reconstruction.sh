#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Time and peak memory of meridian-reconstruct on the 64x64 FKV1137 file at 200 iterations (Release build).
# Run from the repository root on an otherwise idle machine: bench/reconstruction.sh [ITERATIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
iterations=${1:-200}
input=../shared/data/oifits/2004-FKV1137-L1L2-example.fits
dotnet build src/Meridian.Reconstruction -c Release -v q --nologo >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dll=src/Meridian.Reconstruction/bin/Release/net10.0/meridian-reconstruct.dll
/usr/bin/time -f '%e %M' -o "$work/time" dotnet "$dll" --maxiter "$iterations" --threshold 0 --progress "$work/progress" \
    --history "$work/chi2.csv" --preview "$work/preview.png" "$input" "$work/out.fits" >"$work/log"
read -r seconds kib <"$work/time"
echo "meridian-reconstruct, FKV1137 64x64, $(grep -c . "$work/chi2.csv") history rows (max $iterations iterations), $(nproc) cores"
tail -1 "$work/log"
echo "wall time: ${seconds} s"
echo "peak resident memory: $((kib / 1024)) MiB"
