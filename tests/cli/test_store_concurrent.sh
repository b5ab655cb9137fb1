# Ingesters at once on one store (overlapping parts of a batch) lose
# nothing: all succeed and every document is stored whole, once. Three at
# once, on a store none of them has created yet (the race of the first open
# included).
. "$(dirname "$0")/lib.sh"
python3 "$ROOT/tests/cli/store_batch.py" "$TMP/batch.jsonl" 300
head -n 200 "$TMP/batch.jsonl" >"$TMP/a.jsonl"
tail -n 200 "$TMP/batch.jsonl" >"$TMP/b.jsonl"
DB=$(new_store c) || exit $?
"$VIGIL" ingest --db "$DB" "$TMP/a.jsonl" 2>"$TMP/ea" &
a=$!
"$VIGIL" ingest --db "$DB" -j 2 "$TMP/b.jsonl" 2>"$TMP/eb" &
b=$!
sed -n '50,250p' "$TMP/batch.jsonl" | "$VIGIL" ingest --db "$DB" - 2>"$TMP/ec" &
c=$!
wait $a || fail "ingester A: $(cat "$TMP/ea")"
wait $b || fail "ingester B: $(cat "$TMP/eb")"
wait $c || fail "ingester C: $(cat "$TMP/ec")"
"$VIGIL" code "$TMP/batch.jsonl" >"$TMP/code"
expect_eq "documents" "$(db_sql "$DB" 'SELECT count(*) FROM documents')" 300
expect_eq "events" "$(db_sql "$DB" 'SELECT count(*) FROM events')" "$(count_records "$TMP/code" event)"
expect_eq "figures" "$(db_sql "$DB" 'SELECT count(*) FROM figures')" "$(count_records "$TMP/code" figure)"
expect_eq "integrity" "$(db_integrity "$DB")" "ok"
exit 0
