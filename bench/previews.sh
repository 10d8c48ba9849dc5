#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Time to first picture and page memory of the job page's FITS (4096x4096 float32) and VOTable (100,000 rows)
# previews in Debian's Chromium, each with its ratio to a floor measured in the same run. Release build.
# Run from anywhere on an otherwise idle machine: bench/previews.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Meridian.PreviewBench -c Release -v q --nologo >/dev/null
dotnet bench/Meridian.PreviewBench/bin/Release/net10.0/Meridian.PreviewBench.dll
