#!/bin/sh
# SPDX-License-Identifier: MIT
# table_stats: per-column statistics of a delimited text table.
# Usage: table_stats.sh [--delimiter auto|comma|tab|whitespace] --table FILE
# Writes stats.csv (column,count,min,max,mean,stddev) in the current directory.
# Exit codes: 1 bad arguments or I/O error, 2 empty file or no numeric column.
set -u
LC_ALL=C; export LC_ALL

die() { printf 'table_stats: %s\n' "$2" >&2; exit "$1"; }

table='' delimiter=auto
while [ $# -gt 0 ]; do
    case $1 in
        --table)     [ $# -ge 2 ] || die 1 "--table needs a value"; table=$2; shift 2 ;;
        --delimiter) [ $# -ge 2 ] || die 1 "--delimiter needs a value"; delimiter=$2; shift 2 ;;
        *) die 1 "unknown argument: $1" ;;
    esac
done
case $delimiter in
    auto|comma|tab|whitespace) ;;
    *) die 1 "delimiter must be auto, comma, tab or whitespace, got: $delimiter" ;;
esac
[ -n "$table" ] || die 1 "--table is required"
[ -f "$table" ] && [ -r "$table" ] || die 1 "cannot read table file: $table"
[ -s "$table" ] || die 2 "the table file is empty"

export delimiter
# The file is read on stdin: awk would treat a file operand containing '='
# as a variable assignment.
awk '
function fail(code, msg) { printf "table_stats: %s\n", msg > "/dev/stderr"; status = code; exit code }
function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }
# Split a CSV line honouring double quotes ("" is a literal quote).
function csv_split(line, out,   n, i, c, f, q) {
    if (index(line, "\"") == 0) return split(line, out, ",")   # fast path
    n = 1; f = ""; q = 0
    for (i = 1; i <= length(line); i++) {
        c = substr(line, i, 1)
        if (q) {
            if (c == "\"") {
                if (substr(line, i + 1, 1) == "\"") { f = f c; i++ } else q = 0
            } else f = f c
        } else if (c == "\"") q = 1
        else if (c == ",") { out[n++] = f; f = "" }
        else f = f c
    }
    out[n] = f
    return n
}
function split_line(line, out,   n, i) {
    if (mode == "comma") n = csv_split(line, out)
    else if (mode == "tab") n = split(line, out, "\t")
    else n = split(line, out)                 # runs of blanks
    for (i = 1; i <= n; i++) out[i] = trim(out[i])
    return n
}
# Quote a CSV output field when needed.
function csv_field(s) {
    if (s ~ /[",\r\n]/ || s ~ /^[ \t]|[ \t]$/) { gsub(/"/, "\"\"", s); s = "\"" s "\"" }
    return s
}
BEGIN { mode = ENVIRON["delimiter"]; ncols = 0; nrows = 0 }
{ sub(/\r$/, "") }                            # CRLF files
NR == 1 { sub(/^\357\273\277/, "") }           # UTF-8 byte order mark
/^[ \t]*$/ { next }                           # blank lines
!have_header {                                # first non-blank line
    have_header = 1
    if (mode == "auto")
        mode = (index($0, "\t") ? "tab" : index($0, ",") ? "comma" : "whitespace")
    ncols = split_line($0, name)
    next
}
{
    nrows++
    n = split_line($0, cell)
    if (n > ncols) ncols = n
    for (i = 1; i <= n; i++) {
        v = cell[i]
        if (v !~ /^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$/) continue
        v += 0
        if (v > 1e308 || v < -1e308) continue  # overflow to inf, e.g. 1e999
        # Welford running mean and sum of squared deviations (stable).
        k = ++cnt[i]
        if (k == 1 || v < lo[i]) lo[i] = v
        if (k == 1 || v > hi[i]) hi[i] = v
        d = v - mean[i]; mean[i] += d / k; m2[i] += d * (v - mean[i])
    }
}
END {
    if (status) exit status
    if (!have_header || ncols == 0) fail(2, "the table file is empty (no header line)")
    out = "stats.csv"; found = 0
    for (i = 1; i <= ncols; i++) {
        if (!(i in cnt)) continue
        if (!found++) print "column,count,min,max,mean,stddev" > out
        col = (i in name && name[i] != "") ? name[i] : "column_" i
        sd = (cnt[i] > 1) ? sprintf("%.10g", sqrt(m2[i] / (cnt[i] - 1))) : ""
        printf "%s,%d,%.10g,%.10g,%.10g,%s\n", csv_field(col), cnt[i], lo[i], hi[i], mean[i], sd > out
    }
    if (!found) fail(2, "no numeric column found (" nrows " data rows, " ncols " columns, delimiter " mode ")")
    close(out)
    printf "table_stats: %d data rows, %d columns, %d numeric, delimiter %s\n", nrows, ncols, found, mode
}' < "$table"
