# vigil ingest: idempotent (twice gives identical counts and changes
# nothing), a re-coded document replaces its records, and what is stored is
# what vigil code writes: the events read back equal vigil code's event
# records (plus "cluster"), document by document. A new SQLite store has
# 16 KB pages.
. "$(dirname "$0")/lib.sh"
set -- "$ROOT"/data/samples/*.txt
[ -f "$1" ] || { echo "skipped: no sample corpus"; exit 77; }
DB=$(new_store s) || exit $?
counts() { db_sql "$DB" "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), (SELECT count(*) FROM figures), (SELECT count(*) FROM sentences), (SELECT count(DISTINCT cluster) FROM events)"; }

"$VIGIL" ingest --db "$DB" -j 2 "$@" 2>"$TMP/e1" || fail "ingest 1: $(cat "$TMP/e1")"
first=$(counts)
# a new SQLite store has 16 KB pages (sqlite_schema.c)
if [ "${STORE_BACKEND:-sqlite}" = sqlite ]; then
	expect_eq "page size" "$(db_sql "$DB" "PRAGMA page_size")" 16384
fi
"$VIGIL" ingest --db "$DB" "$@" 2>"$TMP/e2" || fail "ingest 2: $(cat "$TMP/e2")"
expect_eq "counts after a second ingest" "$(counts)" "$first"
grep -q "($# unchanged)\|0 added, 0 replaced, $# unchanged" "$TMP/e2" || fail "second ingest summary: $(cat "$TMP/e2")"

# Stored events equal vigil code's, with "cluster" added.
"$VIGIL" code "$@" | grep '^{"type":"event"' | sort >"$TMP/code"
"$VIGIL" query --db "$DB" | sed 's/,"cluster":[^,}]*}$/}/' | sort >"$TMP/query"
cmp -s "$TMP/code" "$TMP/query" || { diff "$TMP/code" "$TMP/query" | head -5; fail "stored events differ from vigil code"; }

# A document re-coded with another publication date replaces its records.
printf 'North Korea fired a ballistic missile on Monday, South Korea said.\n' >"$TMP/undated.txt"
"$VIGIL" ingest --db "$DB" --date 2025-01-07 "$TMP/undated.txt" 2>"$TMP/e3" || fail "ingest undated: $(cat "$TMP/e3")"
"$VIGIL" ingest --db "$DB" --date 2025-01-14 "$TMP/undated.txt" 2>"$TMP/e4" || fail "re-ingest: $(cat "$TMP/e4")"
grep -q "0 added, 1 replaced, 0 unchanged" "$TMP/e4" || fail "re-coded document not replaced: $(cat "$TMP/e4")"
doc=$("$VIGIL" code "$TMP/undated.txt" | sed -n 's/^{"type":"document","doc":"\([0-9a-f]*\)".*/\1/p')
expect_eq "replaced date" "$(db_sql "$DB" "SELECT d.date || ' ' || count(e.id) || ' ' || min(e.date) FROM documents d JOIN events e ON e.doc_id = d.id WHERE d.doc = '$doc' GROUP BY d.date")" "2025-01-14 1 2025-01-13"
exit 0
