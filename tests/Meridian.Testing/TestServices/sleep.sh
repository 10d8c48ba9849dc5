#!/bin/sh
# Starts a child that sleeps, records both pids, then waits: aborting must kill the whole tree.
echo "started" > partial.txt
sleep "$1" &
echo "$$ $!" > pids.txt
wait
echo "done"
