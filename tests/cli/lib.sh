# lib.sh: shared by the command-line tests (sourced). $VIGIL is the binary
# under test and $SHARED the ../shared folder (may be empty); tests/run.sh
# sets both. A test exits 0 to pass, 77 to skip, anything else to fail.
set -u
: "${VIGIL:?VIGIL must name the vigil binary}"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TMP=$(mktemp -d)
cleanup() {
	if [ -f "$TMP/pg_dbs" ]; then
		while read -r d; do
			psql "$VIGIL_TEST_PG" -qXc "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1
		done <"$TMP/pg_dbs"
	fi
	rm -rf "$TMP"
}
trap cleanup EXIT

fail() { echo "FAIL: $*"; exit 1; }

need_shared() {
	[ -n "${SHARED:-}" ] && [ -d "$SHARED/$1" ] || { echo "skipped: ../shared/$1 not found"; exit 77; }
}

# expect_eq WHAT GOT WANT
expect_eq() { [ "$2" = "$3" ] || fail "$1: got '$2', want '$3'"; }

# count_records FILE TYPE: number of records of a type in JSON Lines
count_records() { grep -c "^{\"type\":\"$2\"" "$1" || true; }

# The store tests run on each backend: STORE_BACKEND=sqlite (a file, the
# default) or pg (tests/run.sh runs them again so, with VIGIL_TEST_PG the URL
# postgresql://USER:PW@HOST:PORT/DB of a server where USER creates databases).
# new_store NAME prints the --db of a new empty store: a file in $TMP, or a
# new database on that server, dropped at exit. Use: DB=$(new_store x) || exit $?
new_store() {
	if [ "${STORE_BACKEND:-sqlite}" = sqlite ]; then
		command -v sqlite3 >/dev/null || { echo "skipped: no sqlite3" >&2; exit 77; }
		echo "$TMP/$1.db"
		return
	fi
	[ -n "${VIGIL_TEST_PG:-}" ] || { echo "skipped: no PostgreSQL test server (VIGIL_TEST_PG unset)" >&2; exit 77; }
	command -v psql >/dev/null || { echo "skipped: no psql" >&2; exit 77; }
	name="vt_$$_$1"
	psql "$VIGIL_TEST_PG" -qXc "CREATE DATABASE $name" >/dev/null || fail "cannot create database $name"
	echo "$name" >>"$TMP/pg_dbs"
	echo "${VIGIL_TEST_PG%/*}/$name"
}

# db_sql DB SQL: runs SQL on a store (rows as a|b|c lines).
db_sql() {
	case $1 in
	postgres*) psql "$1" -qAtX -c "$2" ;;
	*) sqlite3 "$1" "$2" ;;
	esac
}

# db_exists DB: the store has its tables (a killed first ingest may leave none).
db_exists() {
	case $1 in
	postgres*) [ "$(psql "$1" -qAtX -c "SELECT to_regclass('documents') IS NOT NULL")" = t ] ;;
	*) [ -f "$1" ] ;;
	esac
}

# db_integrity DB: "ok" when the store is sound: SQLite's integrity_check; on
# PostgreSQL no row without its document and every document with its sentences.
db_integrity() {
	case $1 in
	postgres*) psql "$1" -qAtX -c "SELECT CASE WHEN
		(SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = e.doc_id)) +
		(SELECT count(*) FROM figures f WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = f.doc_id)) +
		(SELECT count(*) FROM sentences s WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = s.doc_id)) +
		(SELECT count(*) FROM documents d WHERE d.sentences <> (SELECT count(*) FROM sentences s WHERE s.doc_id = d.id))
		= 0 THEN 'ok' ELSE 'rows without their document, or documents without their sentences' END" ;;
	*) sqlite3 "$1" 'PRAGMA integrity_check' ;;
	esac
}

# `vigil CMD... --db $DB` writes $DATA/NAME.out byte for byte (a migrated
# store reads back what the version that made it wrote).
check_migrated() { # name, then the command and its arguments
	name=$1
	shift
	"$VIGIL" "$@" --db "$DB" >"$TMP/out" 2>"$TMP/err" || fail "$name: $(cat "$TMP/err")"
	cmp -s "$TMP/out" "$DATA/$name.out" || fail "$name differs after the migration"
}
