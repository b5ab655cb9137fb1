# The store's readers, golden-style: the cluster articles of
# tests/data/clusters are ingested, then each query below must write exactly
# tests/data/clusters/expected/<name>.out (UPDATE_GOLDEN=1 rewrites them).
# Also checks the clusters themselves and the near-duplicate by their fields.
. "$(dirname "$0")/lib.sh"
DATA=$ROOT/tests/data/clusters
DB=$(new_store c) || exit $?
"$VIGIL" ingest --db "$DB" "$DATA"/*.txt 2>"$TMP/err" || fail "ingest: $(cat "$TMP/err")"

bad=0
check() {
	name=$1
	shift
	"$VIGIL" "$@" --db "$DB" >"$TMP/out" 2>"$TMP/err" || fail "$name: $* failed: $(cat "$TMP/err")"
	if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
		cp "$TMP/out" "$DATA/expected/$name.out"
	elif ! cmp -s "$TMP/out" "$DATA/expected/$name.out"; then
		echo "$name differs:"; diff "$DATA/expected/$name.out" "$TMP/out" | head -20
		bad=1
	fi
}
check all_events query
check clusters query --clusters
check launches query --actor PRK --event MOBILIZE
check later_csv query --since 2025-01-10 --format csv
check jan6_gdelt query --until 2025-01-06 --recipient PRKMIL --format gdelt
check text query --text "ballistic missiles"
check said_by query --said-by KORMIL --limit 2
check cameo query --cameo 06 --aux-mode asserted
check place query --place KR-11 --clusters
check place_name query --place "kursk oblast"
check ledger figures
check ledger_jsonl figures --subject PRK --category killed_or_wounded --format jsonl
[ $bad -eq 0 ] || fail "store outputs differ (UPDATE_GOLDEN=1 after review)"

# --place by any name or code the gazetteer knows for the place gives what
# its canonical name gives; a name it does not know gives nothing
for name in "Kursk region" "Kursk Oblast" "Kursk province" "RU-KRS" "ru-krs"; do
	"$VIGIL" query --db "$DB" --place "$name" >"$TMP/out" 2>"$TMP/err" ||
		fail "--place '$name': $(cat "$TMP/err")"
	cmp -s "$TMP/out" "$DATA/expected/place_name.out" ||
		fail "--place '$name' differs from --place 'kursk oblast'"
done
"$VIGIL" query --db "$DB" --place "Seoul" --clusters >"$TMP/out" || fail "--place Seoul"
cmp -s "$TMP/out" "$DATA/expected/place.out" || fail "--place Seoul differs from --place KR-11"
expect_eq "unknown place" "$("$VIGIL" query --db "$DB" --place "Atlantis" | wc -l)" 0

# The launch of Monday 6 January: three outlets, the syndicated copy counted
# once; the launch a week later: two outlets.
"$VIGIL" query --db "$DB" --clusters --event MOBILIZE >"$TMP/cl"
python3 - "$TMP/cl" <<'PY' || fail "clusters are not the expected ones"
import json, sys
got = [json.loads(l) for l in open(sys.argv[1])]
want = [("2025-01-06", 3, 3, 3, 4), ("2025-01-14", 2, 2, 2, 2)]
have = [(c["date"], c["mentions"], c["documents"], c["sources"], len(c["events"])) for c in got]
assert have == want, have
assert all(c["actor"] == {"code": "PRK"} for c in got)
PY
dup=$(db_sql "$DB" "SELECT d.source, o.source FROM documents d JOIN documents o ON o.doc = d.duplicate_of")
expect_eq "near-duplicate" "$dup" "Lakeside Post|Eastport Wire"
exit 0
