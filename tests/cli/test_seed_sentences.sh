# The seed article gives one document record with exactly 12 sentences: the
# byline and the footer are not sentences, and the byline is kept as metadata.
. "$(dirname "$0")/lib.sh"
need_shared seed
"$VIGIL" code --no-default-dict --date 2025-02-15 "$SHARED/seed/000_9bb96f86e2a42407.txt" >"$TMP/out" 2>"$TMP/err" || fail "exit $?: $(cat "$TMP/err")"
expect_eq "records" "$(wc -l <"$TMP/out")" 1
grep -q '"sentences":12,' "$TMP/out" || fail "want 12 sentences: $(cat "$TMP/out")"
grep -q '"date":"2025-02-15"' "$TMP/out" || fail "date: $(cat "$TMP/out")"
grep -q '"byline":"Melissa Enoch"' "$TMP/out" || fail "byline: $(cat "$TMP/out")"
exit 0
