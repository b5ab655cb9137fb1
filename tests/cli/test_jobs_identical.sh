# Output is identical for any -j, in input order.
. "$(dirname "$0")/lib.sh"
set -- "$ROOT"/data/samples/*.txt
[ -f "$1" ] || { echo "skipped: no sample corpus"; exit 77; }
"$VIGIL" code --mentions --date 2025-02-15 "$@" >"$TMP/j1" 2>"$TMP/e1" || fail "-j1: $(cat "$TMP/e1")"
"$VIGIL" code --mentions --date 2025-02-15 -j 2 "$@" >"$TMP/j2" 2>"$TMP/e2" || fail "-j2: $(cat "$TMP/e2")"
"$VIGIL" code --mentions --date 2025-02-15 -j 7 "$@" >"$TMP/j7" 2>"$TMP/e7" || fail "-j7: $(cat "$TMP/e7")"
cmp -s "$TMP/j1" "$TMP/j2" || fail "-j1 and -j2 differ"
cmp -s "$TMP/j1" "$TMP/j7" || fail "-j1 and -j7 differ"
expect_eq "documents" "$(count_records "$TMP/j1" document)" "$#"
exit 0
