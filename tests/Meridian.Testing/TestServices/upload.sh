#!/bin/sh
# Counts the lines of the upload, copies it twice under copies/, and plants a link that points outside.
wc -l < "$1" | tr -d ' ' > count.txt
mkdir -p copies
cp "$1" copies/a.dat
cp "$1" copies/b.dat
ln -s /etc/passwd escape.txt
