# A store of schema version 2 (tests/data/store_v2) is migrated to version 4
# on first open, even by a query, and reads back byte for byte what the
# vigil of version 2 wrote (events, clusters with their ids and counts,
# full-text search, the figures ledger); its sentence rowids follow the new
# layout, it keeps no near-duplicate index (version 4), and the
# records hashes are kept: ingesting the same articles again changes nothing,
# and a near-duplicate of a migrated original is still recognized.
. "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || { echo "skipped: no sqlite3"; exit 77; }
DATA=$ROOT/tests/data/store_v2
DB=$TMP/v2.db
cp "$DATA/clusters.db" "$DB"
check_migrated all_events query
expect_eq "schema version" "$(sqlite3 "$DB" 'PRAGMA user_version')" 4
check_migrated clusters query --clusters
check_migrated text query --text soldiers
check_migrated figures figures
expect_eq "integrity" "$(sqlite3 "$DB" 'PRAGMA integrity_check')" ok
expect_eq "sentence rowids" "$(sqlite3 "$DB" "SELECT count(*) FROM sentences WHERE id <> doc_id * 1048576 + n")" 0
expect_eq "full-text automerge" "$(sqlite3 "$DB" "SELECT v FROM sentence_text_config WHERE k = 'automerge'")" 8
expect_eq "event rowids" "$(sqlite3 "$DB" "SELECT count(*) FROM events WHERE id / 4096 <> sentence_id")" 0
expect_eq "events' sentences" "$(sqlite3 "$DB" "SELECT count(*) FROM events e LEFT JOIN sentences s ON s.id = e.sentence_id WHERE s.doc_id IS NOT e.doc_id OR s.n IS NOT e.sentence")" 0
expect_eq "no signature index nor per-source counts (version 4)" "$(sqlite3 "$DB" "SELECT count(*) FROM sqlite_schema WHERE name IN ('minhash_keys', 'cluster_sources')")" 0
# the same records again: nothing to do (the records hash is unchanged)
"$VIGIL" ingest --db "$DB" "$ROOT"/tests/data/clusters/*.txt >"$TMP/out" 2>"$TMP/err" || fail "ingest: $(cat "$TMP/err")"
grep -q "6 documents (0 added, 0 replaced, 6 unchanged)" "$TMP/err" || fail "re-ingest changed the store: $(cat "$TMP/err")"
# another copy of the syndicated story (one sentence more: another document)
# is recognized as a near-duplicate of the migrated original
{ cat "$ROOT/tests/data/clusters/04_lakeside_post_syndicated.txt"; echo; echo "Officials gave no further details."; } >"$TMP/copy_again.txt"
"$VIGIL" ingest --db "$DB" "$TMP/copy_again.txt" 2>"$TMP/err" >/dev/null || fail "ingest copy: $(cat "$TMP/err")"
expect_eq "documents" "$(sqlite3 "$DB" "SELECT count(*) FROM documents")" 7
expect_eq "near-duplicates" "$(sqlite3 "$DB" "SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL")" 2
exit 0
