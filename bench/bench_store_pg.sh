#!/bin/sh
# The store benchmark on PostgreSQL: starts a throwaway server on loopback
# (scripts/pg-test-server.sh, fsync on), runs bench_store against a new
# database on it with EVENTS events (default 200000), then stops it.
# Usage: bench_store_pg.sh BENCH_STORE_BINARY [EVENTS]
# SPDX-License-Identifier: MIT
set -eu
bin=$1
events=${2:-200000}
dir=$(mktemp -d /tmp/vigil-pgbench.XXXXXX)
chmod 755 "$dir"
trap 'sh scripts/pg-test-server.sh stop "$dir/server"; rm -rf "$dir"' EXIT
url=$(PG_FSYNC=on sh scripts/pg-test-server.sh start "$dir/server")
echo "PostgreSQL $(psql "$url" -qAtX -c 'SHOW server_version'), loopback TCP, fsync on"
"$bin" "$url" "$events"
echo "store size: $(psql "$url" -qAtX -c 'SELECT pg_size_pretty(pg_database_size(current_database()))')"
