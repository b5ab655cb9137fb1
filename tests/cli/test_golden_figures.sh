# The sample-corpus golden test of figures, places and dates
# (tests/eval/golden_figures.py): codes the articles that have
# tests/golden/corpus/NNN.figures and fails when figure recall or precision,
# place or date accuracy falls below tests/eval/golden_figures.ratchet.
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || { echo "skipped: python3 not found"; exit 77; }
python3 "$ROOT/tests/eval/golden_figures.py" --vigil "$VIGIL" \
	--json "$TMP/totals.json" >"$TMP/out" 2>&1 || fail "below the ratchet or error: $(cat "$TMP/out")"
grep -q '"place_accuracy_pct"' "$TMP/totals.json" || fail "no totals written"
exit 0
