#!/bin/sh
# SPDX-License-Identifier: MIT
# shout: writes its argument to stderr and fails.
printf '%s\n' "$1" >&2
exit 4
