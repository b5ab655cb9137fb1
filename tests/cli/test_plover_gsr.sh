# The PLOVER gold-standard measurement (tests/eval/plover_gsr.py) on
# ../shared/plover/PLOVER_GSR_CAMEO.json: fails when the share of records that
# get an event of the gold type, or of the gold type and source country, falls
# below tests/eval/plover_gsr.ratchet.
. "$(dirname "$0")/lib.sh"
need_shared plover
command -v python3 >/dev/null || { echo "skipped: python3 not found"; exit 77; }
python3 "$ROOT/tests/eval/plover_gsr.py" --vigil "$VIGIL" \
	--json "$TMP/figures.json" "$SHARED/plover/PLOVER_GSR_CAMEO.json" \
	>"$TMP/out" 2>&1 || fail "below the ratchet or error: $(cat "$TMP/out")"
grep -q '"type_pct"' "$TMP/figures.json" || fail "no figures written"
