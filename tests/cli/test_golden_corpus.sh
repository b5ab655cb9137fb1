# The sample-corpus golden test (tests/eval/golden_corpus.py): codes the articles
# that have analyst expectations in tests/golden/corpus/ and fails when recall or
# precision falls below tests/eval/golden_corpus.ratchet, or when more events
# are asserted that the text only plans, denies or speculates about.
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || { echo "skipped: python3 not found"; exit 77; }
python3 "$ROOT/tests/eval/golden_corpus.py" --vigil "$VIGIL" \
	--json "$TMP/figures.json" >"$TMP/out" 2>&1 || fail "below the ratchet or error: $(cat "$TMP/out")"
grep -q '"recall_pct"' "$TMP/figures.json" || fail "no figures written"
