# --format tsv|gdelt over the sample corpus: the TSV header comes once per run,
# then one line per event record of JSON Lines (same ids, same order, any -j);
# GDELT rows are the asserted events, 61 fields each; options that only apply
# to JSON Lines are usage errors with another format.
. "$(dirname "$0")/lib.sh"
set -- "$ROOT"/data/samples/*.txt
[ -f "$1" ] || { echo "skipped: no sample corpus"; exit 77; }
"$VIGIL" code --date 2025-02-15 "$@" >"$TMP/jsonl" 2>"$TMP/e" || fail "jsonl: $(cat "$TMP/e")"
"$VIGIL" code --date 2025-02-15 --format tsv "$@" >"$TMP/tsv" 2>"$TMP/e" || fail "tsv: $(cat "$TMP/e")"
"$VIGIL" code --date 2025-02-15 --format tsv -j 3 "$@" >"$TMP/tsv3" 2>"$TMP/e" || fail "tsv -j3: $(cat "$TMP/e")"
"$VIGIL" code --date 2025-02-15 --format gdelt "$@" >"$TMP/gdelt" 2>"$TMP/e" || fail "gdelt: $(cat "$TMP/e")"
cmp -s "$TMP/tsv" "$TMP/tsv3" || fail "tsv differs between -j1 and -j3"

events=$(count_records "$TMP/jsonl" event)
[ "$events" -gt 0 ] || fail "the sample corpus gives no events"
expect_eq "header lines" "$(grep -c '^id	doc	sentence	' "$TMP/tsv")" 1
expect_eq "first line is the header" "$(head -c 3 "$TMP/tsv")" "id	"
expect_eq "tsv lines" "$(($(wc -l <"$TMP/tsv") - 1))" "$events"
sed -n 's/^{"type":"event","id":"\([^"]*\)".*/\1/p' "$TMP/jsonl" >"$TMP/ids_jsonl"
tail -n +2 "$TMP/tsv" | cut -f1 >"$TMP/ids_tsv"
cmp -s "$TMP/ids_jsonl" "$TMP/ids_tsv" || fail "tsv event ids differ from jsonl"
expect_eq "tsv fields" "$(awk -F'\t' '{print NF}' "$TMP/tsv" | sort -u)" 30
asserted=$(grep -c '^{"type":"event",.*"aux_mode":"asserted"' "$TMP/jsonl" || true)
expect_eq "gdelt rows" "$(wc -l <"$TMP/gdelt")" "$asserted"
[ "$asserted" -eq 0 ] || expect_eq "gdelt fields" "$(awk -F'\t' '{print NF}' "$TMP/gdelt" | sort -u)" 61

for bad in "tsv --mentions" "gdelt --sentences" "tsv --explain"; do
	# shellcheck disable=SC2086
	"$VIGIL" code --no-default-dict --format $bad "$1" >"$TMP/o" 2>"$TMP/e"
	expect_eq "--format $bad exit" $? 2
	grep -q "applies to --format jsonl only" "$TMP/e" || fail "--format $bad message: $(cat "$TMP/e")"
	[ ! -s "$TMP/o" ] || fail "--format $bad wrote to stdout"
done
"$VIGIL" code --format csv "$1" 2>"$TMP/e"; expect_eq "unknown format exit" $? 2
grep -q "unknown --format 'csv' (jsonl, tsv or gdelt)" "$TMP/e" || fail "unknown format message: $(cat "$TMP/e")"
exit 0
