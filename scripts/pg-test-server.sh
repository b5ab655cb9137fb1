#!/bin/sh
# A throwaway PostgreSQL server for the tests, on loopback only:
#   pg-test-server.sh start DIR   initdb into DIR (a new empty folder), start
#                                 postgres on 127.0.0.1 at a free port with its
#                                 socket in DIR, create database vigil_test, and
#                                 print its URL (postgresql://vigil:PW@...).
#   pg-test-server.sh stop DIR    stop that server and remove DIR.
# Assumes the Debian postgresql package (binaries in /usr/lib/postgresql/N/bin,
# or PG_BIN). initdb refuses root: as root the server runs as the `postgres`
# system user the package creates (runuser). fsync is off (a test server)
# unless PG_FSYNC=on.
# SPDX-License-Identifier: MIT
set -eu
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
cmd=${1:-}
dir=${2:-}
[ -n "$dir" ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ -x "$PG_BIN/postgres" ] || { echo "$0: no PostgreSQL server binaries (PG_BIN)" >&2; exit 3; }

as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

case $cmd in
start)
	mkdir -p "$dir"
	[ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
	chmod 700 "$dir"
	pw=$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
	printf '%s\n' "$pw" >"$dir/pw"
	[ "$(id -u)" -eq 0 ] && chown postgres: "$dir/pw"
	as_owner "$PG_BIN/initdb" -D "$dir/data" -U vigil --pwfile="$dir/pw" \
		--auth-local=trust --auth-host=scram-sha-256 -E UTF8 \
		--locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; exit 1; }
	port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
		-o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=${PG_FSYNC:-off} -c full_page_writes=${PG_FSYNC:-off}" \
		start >/dev/null 2>&1 || { cat "$dir/server.log" >&2; exit 1; }
	as_owner "$PG_BIN/createdb" -h "$dir" -p "$port" -U vigil vigil_test
	echo "$port" >"$dir/port"
	echo "postgresql://vigil:$pw@127.0.0.1:$port/vigil_test"
	;;
stop)
	[ -d "$dir/data" ] && as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate \
		-w stop >/dev/null 2>&1 || true
	rm -rf "$dir"
	;;
*)
	echo "usage: $0 start|stop DIR" >&2
	exit 2
	;;
esac
