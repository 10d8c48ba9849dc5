#!/bin/sh
# The last thing the program does: write the wall-clock instant (seconds since the epoch, nanoseconds).
date +%s.%N > ended.txt
