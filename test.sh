#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs Meridian's whole test suite: installs what the tests use on a fresh Debian machine (as root),
# starts a private PostgreSQL for the PostgreSQL store's tests, then builds and runs every test project.
# Prints "N passed, N failed" at the end.
set -euo pipefail
cd "$(dirname "$0")"

# A real UWS client (pyvo) reads what the server emits.
if ! /usr/bin/python3 -c 'import pyvo, lxml' 2>/dev/null; then
    if [ "$(id -u)" -eq 0 ]; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pyvo python3-lxml >/dev/null
    else
        echo "test.sh: python3-pyvo and python3-lxml are needed (apt-get install python3-pyvo python3-lxml)" >&2
        exit 1
    fi
fi

# Real VO clients and servers the tests drive: STILTS (tapresume, and starjava's UwsJob through jshell from the
# JDK), nginx as the reverse proxy in front of Meridian.
if ! command -v stilts >/dev/null || ! command -v jshell >/dev/null || [ ! -x /usr/sbin/nginx ]; then
    if [ "$(id -u)" -eq 0 ]; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq stilts openjdk-17-jdk-headless nginx >/dev/null
    else
        echo "test.sh: stilts, openjdk-17-jdk-headless and nginx are needed (apt-get install stilts openjdk-17-jdk-headless nginx)" >&2
        exit 1
    fi
fi

# Debian's python3-astropy reads and writes the FITS files the formats' tests compare with.
if ! /usr/bin/python3 -c 'import astropy.io.fits' 2>/dev/null; then
    if [ "$(id -u)" -eq 0 ]; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-astropy >/dev/null
    else
        echo "test.sh: python3-astropy is needed (apt-get install python3-astropy)" >&2
        exit 1
    fi
fi

# Debian's Chromium for the browser client's tests (Playwright drives it; it downloads no browser of its own).
if [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" -eq 0 ]; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
        echo "test.sh: Chromium is needed for the browser tests (apt-get install chromium)" >&2
        exit 1
    fi
fi

# PostgreSQL 15 for the PostgreSQL store's tests: a private cluster in a temporary folder, never one that
# may already run on this machine.
pg_bin=/usr/lib/postgresql/15/bin
if [ ! -x "$pg_bin/initdb" ]; then
    if [ "$(id -u)" -eq 0 ]; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    else
        echo "test.sh: PostgreSQL 15 is needed (apt-get install postgresql)" >&2
        exit 1
    fi
fi

# The server refuses to run as root: as root it runs as the postgres user.
as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

log=""
pg_dir=""
cleanup() {
    if [ -n "$pg_dir" ]; then
        as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1 || true
        rm -rf "$pg_dir"
    fi
    if [ -n "$log" ]; then rm -f "$log"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

pg_dir=$(mktemp -d /tmp/meridian-pg.XXXXXX)
pg_password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
printf '%s\n' "$pg_password" >"$pg_dir/pw"   # a real file: --pwfile=<(...) fails under runuser
if [ "$(id -u)" -eq 0 ]; then chown -R postgres "$pg_dir"; fi
as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -A scram-sha-256 --pwfile="$pg_dir/pw" -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
rm -f "$pg_dir/pw"
# Settings in postgresql.conf rather than on pg_ctl's command line, so that tests may stop and start the
# server again with a plain `pg_ctl -D "$MERIDIAN_TEST_PG_DATA" start`. No durability needed: a test cluster.
cat >>"$pg_dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$pg_dir'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

# The first free port from 55432 up; another cluster may take it between the look and the start, so a
# failed start moves on to the next port.
port_in_use() {
    if command -v ss >/dev/null; then
        ss -Hltn "sport = :$1" | grep -q .
    else
        "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$1" || [ $? -ne 2 ]   # 2: nothing answered
    fi
}
pg_port=""
for port in $(seq 55432 55531); do
    if port_in_use "$port"; then continue; fi
    echo "port = $port" >>"$pg_dir/data/postgresql.conf"   # the last setting wins
    if as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w -t 30 start >/dev/null; then
        pg_port=$port
        break
    fi
done
if [ -z "$pg_port" ]; then
    echo "test.sh: PostgreSQL did not start (see below)" >&2
    cat "$pg_dir/log" >&2 || true
    exit 1
fi
PGPASSWORD=$pg_password "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qc "CREATE DATABASE meridian_test" >/dev/null

export MERIDIAN_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$pg_password;Database=meridian_test"
export MERIDIAN_TEST_PG_BIN=$pg_bin
export MERIDIAN_TEST_PG_DATA=$pg_dir/data
export MERIDIAN_TEST_PG_PORT=$pg_port
echo "test.sh: PostgreSQL 15 on 127.0.0.1:$pg_port (data in $pg_dir/data)"

log=$(mktemp)
status=0
# Arguments, if any, replace the solution: ./test.sh tests/Meridian.Server.Tests --filter "FullyQualifiedName~Wait"
if [ $# -gt 0 ]; then targets=("$@"); else targets=(Meridian.slnx); fi
dotnet test "${targets[@]}" 2>&1 | tee "$log" || status=$?

passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
echo
echo "tests: $passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
    exit 1
fi
