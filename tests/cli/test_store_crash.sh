# Crash safety: vigil ingest is killed with SIGKILL at several random
# moments of a large input (the default batch, then --batch 8: many
# transactions); after each kill the store passes PRAGMA
# integrity_check and every stored document has all of its records (the
# events and figures vigil code gives it), no more, no less. Then the
# batch is ingested to the end.
. "$(dirname "$0")/lib.sh"
python3 "$ROOT/tests/cli/store_batch.py" "$TMP/batch.jsonl" 600
DB=$(new_store k) || exit $?
"$VIGIL" code "$TMP/batch.jsonl" | python3 -c '
import json, sys, collections
n = collections.Counter()
docs = []
for line in sys.stdin:
    r = json.loads(line)
    if r["type"] == "document":
        docs.append(r["doc"])
    elif r["type"] in ("event", "figure"):
        n[(r["doc"], r["type"])] += 1
for d in docs:
    print("%s|%d|%d" % (d, n[(d, "event")], n[(d, "figure")]))
' | sort >"$TMP/want"
[ "$(wc -l <"$TMP/want")" -eq 600 ] || fail "expected 600 coded documents"

stored() {
	db_sql "$DB" "SELECT d.doc, (SELECT count(*) FROM events e WHERE e.doc_id = d.id), (SELECT count(*) FROM figures f WHERE f.doc_id = d.id) FROM documents d" | sort
}

for round in 1 2 3 4 5; do
	delay=$(awk -v seed="$$$round" 'BEGIN { srand(seed); printf "%.2f", 0.02 + rand() * 0.5 }')
	# the default first (one transaction for the 600: all or nothing),
	# then small transactions (many commits to be killed between)
	batch=8
	[ "$round" -gt 1 ] || batch=5000
	"$VIGIL" ingest --batch "$batch" --db "$DB" "$TMP/batch.jsonl" 2>/dev/null &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	db_exists "$DB" || continue
	expect_eq "integrity after kill at ${delay}s" "$(db_integrity "$DB")" "ok"
	stored >"$TMP/got"
	# every stored document complete: its line is one of the wanted lines
	missing=$(comm -23 "$TMP/got" "$TMP/want" | head -3)
	[ -z "$missing" ] || fail "kill at ${delay}s left incomplete documents: $missing"
	echo "kill at ${delay}s: $(wc -l <"$TMP/got") documents stored whole"
done
"$VIGIL" ingest --db "$DB" "$TMP/batch.jsonl" 2>"$TMP/err" || fail "final ingest: $(cat "$TMP/err")"
stored >"$TMP/got"
cmp -s "$TMP/got" "$TMP/want" || fail "after the final ingest the store differs from vigil code"
exit 0
