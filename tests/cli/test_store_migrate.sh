# A store of an older schema (tests/data/store_v1: made by vigil of schema
# version 1) is migrated on first open, even by a query, and reads back
# what the older vigil wrote: the same events, the same clusters with the
# same counts (their ids change: placed events' keys have their region),
# full-text search over the rebuilt index.
. "$(dirname "$0")/lib.sh"
DATA=$ROOT/tests/data/store_v1
DB=$TMP/v1.db
cp "$DATA/clusters.db" "$DB"
cp "$DATA"/*.out "$TMP/"
DATA=$TMP
check() { # name, then query arguments
	name=$1
	shift
	"$VIGIL" query --db "$DB" "$@" >"$TMP/out" 2>"$TMP/err" || fail "$name: $(cat "$TMP/err")"
	# cluster ids aside, in any order
	for f in "$TMP/out" "$DATA/$name.out"; do
		sed 's/"cluster":"[0-9a-f]*"/"cluster":"C"/' "$f" | sort >"$f.cmp"
	done
	cmp -s "$TMP/out.cmp" "$DATA/$name.out.cmp" || fail "$name differs after the migration"
}
check all_events
check clusters --clusters
check text --text soldiers
expect_eq "schema version" "$(sqlite3 "$DB" 'PRAGMA user_version')" 4
expect_eq "integrity" "$(sqlite3 "$DB" 'PRAGMA integrity_check')" ok
expect_eq "no signature index nor per-source counts (version 4)" "$(sqlite3 "$DB" "SELECT count(*) FROM sqlite_schema WHERE name IN ('minhash_keys', 'cluster_sources')")" 0
# opening it again changes nothing
check all_events
exit 0
