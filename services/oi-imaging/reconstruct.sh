#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs meridian-reconstruct, which `dotnet run --project src/Meridian.Server` builds beside the server (the server's
# project references it), with the arguments given, unchanged: the newest of the Release and Debug builds.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
dll=""
for candidate in "$root"/src/Meridian.Reconstruction/bin/Release/net10.0/meridian-reconstruct.dll \
                 "$root"/src/Meridian.Reconstruction/bin/Debug/net10.0/meridian-reconstruct.dll; do
    if [ -f "$candidate" ] && { [ -z "$dll" ] || [ "$candidate" -nt "$dll" ]; }; then
        dll=$candidate
    fi
done
if [ -z "$dll" ]; then
    echo "reconstruct.sh: meridian-reconstruct is not built (dotnet build src/Meridian.Reconstruction)" >&2
    exit 127
fi
exec dotnet "$dll" "$@"
