# A store of schema version 3 (tests/data/store_v3) is migrated to version 4
# on first open, even by a query, and reads back byte for byte what the
# vigil of version 3 wrote (events with their clusters' counts, clusters,
# full-text search, the figures ledger), now counting clusters from their
# events (no per-source counts, no near-duplicate index kept); its
# clusters are keyed by (date, id), its recipient index leaves
# out events without a recipient, and the records hashes are
# kept: ingesting the same articles again changes nothing.
. "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || { echo "skipped: no sqlite3"; exit 77; }
DATA=$ROOT/tests/data/store_v3
DB=$TMP/v3.db
cp "$DATA/clusters.db" "$DB"
check_migrated all_events query
expect_eq "schema version" "$(sqlite3 "$DB" 'PRAGMA user_version')" 4
check_migrated clusters query --clusters
check_migrated gdelt query --format gdelt
check_migrated text query --text soldiers
check_migrated figures figures
expect_eq "integrity" "$(sqlite3 "$DB" 'PRAGMA integrity_check')" ok
expect_eq "no kept counts nor signature index" "$(sqlite3 "$DB" "SELECT count(*) FROM sqlite_master WHERE name IN ('cluster_sources', 'minhash_keys')")" 0
expect_eq "clusters' key" "$(sqlite3 "$DB" "SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_info('clusters') WHERE pk > 0 ORDER BY pk)")" date,id
expect_eq "partial recipient index" "$(sqlite3 "$DB" "SELECT count(*) FROM pragma_index_list('events') WHERE name = 'events_recipient' AND partial")" 1
expect_eq "recipient index entries" "$(sqlite3 "$DB" "SELECT count(*) FROM events INDEXED BY events_recipient WHERE recipient_code IS NOT NULL")" \
	"$(sqlite3 "$DATA/clusters.db" "SELECT count(recipient_code) FROM events")"
expect_eq "clusters kept" "$(sqlite3 "$DB" "SELECT count(*), count(base), sum(regions) FROM clusters")" \
	"$(sqlite3 "$DATA/clusters.db" "SELECT count(*), count(base), sum(regions) FROM clusters")"
# the same records again: nothing to do (the records hash is unchanged)
"$VIGIL" ingest --db "$DB" "$ROOT"/tests/data/clusters/*.txt >"$TMP/out" 2>"$TMP/err" || fail "ingest: $(cat "$TMP/err")"
grep -q "6 documents (0 added, 0 replaced, 6 unchanged)" "$TMP/err" || fail "re-ingest changed the store: $(cat "$TMP/err")"
check_migrated all_events query
check_migrated clusters query --clusters
exit 0
