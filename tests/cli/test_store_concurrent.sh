# Two ingesters at once on one store (overlapping halves of a batch) lose
# nothing: both succeed and every document is stored whole, once.
. "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || { echo "skipped: no sqlite3"; exit 77; }
python3 "$ROOT/tests/cli/store_batch.py" "$TMP/batch.jsonl" 300
head -n 200 "$TMP/batch.jsonl" >"$TMP/a.jsonl"
tail -n 200 "$TMP/batch.jsonl" >"$TMP/b.jsonl"
DB=$TMP/c.db
"$VIGIL" ingest --db "$DB" "$TMP/a.jsonl" 2>"$TMP/ea" &
a=$!
"$VIGIL" ingest --db "$DB" -j 2 "$TMP/b.jsonl" 2>"$TMP/eb" &
b=$!
wait $a || fail "ingester A: $(cat "$TMP/ea")"
wait $b || fail "ingester B: $(cat "$TMP/eb")"
"$VIGIL" code "$TMP/batch.jsonl" >"$TMP/code"
expect_eq "documents" "$(sqlite3 "$DB" 'SELECT count(*) FROM documents')" 300
expect_eq "events" "$(sqlite3 "$DB" 'SELECT count(*) FROM events')" "$(count_records "$TMP/code" event)"
expect_eq "figures" "$(sqlite3 "$DB" 'SELECT count(*) FROM figures')" "$(count_records "$TMP/code" figure)"
expect_eq "integrity" "$(sqlite3 "$DB" 'PRAGMA integrity_check')" "ok"
exit 0
