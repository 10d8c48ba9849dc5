#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The server's load while 8 OImaging-style clients poll their reconstructions' phase at 5 Hz for 30 s (Release build):
# server CPU, requests/s, p50/p99 of the phase poll and memory, each with its ratio to a floor of the same run.
# Run from the repository root on an otherwise idle machine: bench/oimaging-polling.sh
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run --project bench/Meridian.Bench -c Release -- oimaging
