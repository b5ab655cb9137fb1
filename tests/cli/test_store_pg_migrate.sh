# A PostgreSQL store of schema version 2 (one made now, less what version 3
# adds: the index documents_originals) is brought to version 3 by its first
# reader, which then reads what it read before, byte for byte; a
# near-duplicate ingested afterwards is still recognized. Needs VIGIL_TEST_PG.
. "$(dirname "$0")/lib.sh"
STORE_BACKEND=pg
DB=$(new_store v2) || exit $?
DATA=$ROOT/tests/data/clusters
for n in 01_eastport_wire 02_harbor_daily 03_northern_times; do
	"$VIGIL" ingest --db "$DB" "$DATA/$n.txt" 2>"$TMP/err" || fail "ingest $n: $(cat "$TMP/err")"
done
"$VIGIL" query --db "$DB" --clusters >"$TMP/before" || fail "query before"
db_sql "$DB" "DROP INDEX documents_originals; UPDATE vigil_meta SET schema_version = 2"

"$VIGIL" query --db "$DB" --clusters >"$TMP/after" 2>"$TMP/err" || fail "query of version 2: $(cat "$TMP/err")"
cmp -s "$TMP/before" "$TMP/after" || fail "the migrated store reads differently"
expect_eq "schema version" "$(db_sql "$DB" "SELECT schema_version FROM vigil_meta")" 3
expect_eq "index" "$(db_sql "$DB" "SELECT indexdef LIKE '%(date) INCLUDE (id, doc, minhash) WHERE ((duplicate_of IS NULL) AND (minhash IS NOT NULL))' FROM pg_indexes WHERE indexname = 'documents_originals'")" t

# the syndicated copy of an original is its near-duplicate
"$VIGIL" ingest --db "$DB" "$DATA/04_lakeside_post_syndicated.txt" 2>"$TMP/err" || fail "ingest 04: $(cat "$TMP/err")"
expect_eq "near-duplicate" "$(db_sql "$DB" "SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL")" 1
exit 0
