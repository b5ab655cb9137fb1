# The events of ../shared/seed/EXPECTED.md, one by one, from the seed article
# coded with the default dictionaries, and its "must not" list. A ratchet:
# REACHED lists the expected events that pass now (12 of 12; #6 since the
# gazetteer gives "the Kursk region" -> RUS); each must keep passing.
. "$(dirname "$0")/lib.sh"
need_shared seed
command -v python3 >/dev/null || { echo "skipped: python3 not found"; exit 77; }
"$VIGIL" code --date 2025-02-15 "$SHARED/seed/000_9bb96f86e2a42407.txt" \
	>"$TMP/out" 2>"$TMP/err" || fail "exit $?: $(cat "$TMP/err")"

# One line per event: sentence|actor|actor country|recipient country|cameo|aux|said_by|trigger
python3 - "$TMP/out" >"$TMP/events" <<'PY' || fail "bad JSON"
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    if r["type"] != "event":
        continue
    a, c, s = r["actor"] or {}, r["recipient"] or {}, r["said_by"] or {}
    print("|".join(str(x) for x in (r["sentence"], a.get("code", "-"),
          a.get("country", "-"), c.get("country", "-"), r["cameo"],
          r["aux_mode"], s.get("code", "-"), r["trigger"], a.get("text", "-"))))
PY

# has NAME PATTERN: an event line matches the extended regex PATTERN
has() { grep -Eq "^$2" "$TMP/events" || fail "expected event $1 ($2) not found: $(cat "$TMP/events")"; }
# sentence|actor|actor-country|recipient-country|cameo|aux|said_by|trigger
has 1  '1\|KORMIL\|KOR\|PRK\|11[0-9]\|asserted\|-\|'
has 2  '2\|PRK(MIL)?\|PRK\|RUS\|0(6|7)[0-9]*\|(future|hypothetical)\|KORMIL\|'
has 3  '3\|PRK(MIL)?\|PRK\|RUS\|(06|07|15)[0-9]*\|historical\|-\|'
has 4  '1\|RUS\|RUS\|UKR\|19[0-9]*\|asserted\|-\|'
has 5  '5\|-\|-\|PRK\|17[0-9]*\|asserted\|UKRGOV\|'
has 7a '8\|RUSGOV\|RUS\|-\|016\|asserted\|-\|'
has 7b '8\|PRKGOV\|PRK\|-\|016\|asserted\|-\|'
has 8  '9\|RUSGOV\|RUS\|-\|011\|asserted\|-\|'
has 9  '9\|PRKGOV\|PRK\|-\|01[0-9]\|asserted\|-\|'
has 10 '10\|RUS\|RUS\|PRK\|057\|historical\|-\|'
has 11 '10\|RUSGOV\|RUS\|PRK\|04(2|3)\|historical\|-\|'
has 12 '4\|PRK(GOV|MIL)?\|PRK\|-\|1(3|5)[0-9]*\|future\|KORMIL\|'
has 6  '6\|UKR\|UKR\|RUS\|19[0-9]*\|historical\|-\|'

# Must not: records from the byline or the footer.
if grep -E 'Melissa|Follow us' "$TMP/events"; then fail "event from byline/footer"; fi
# Must not: Kyiv, Moscow, Pyongyang as anything but their governments.
if grep -E '\|(Kyiv|Moscow|Pyongyang|both Moscow)$' "$TMP/events" | grep -Ev '\|(UKRGOV|RUSGOV|PRKGOV)\|'; then
	fail "capital not read as its government"
fi
# Must not: planned, potential or denied actions asserted.
for trig in 'send more troops to' 'an additional dispatch of troops' \
	'launching a spy satellite' 'troop deployments' 'deployment'; do
	if grep -F "|$trig|" "$TMP/events" | grep -F '|asserted|'; then
		fail "planned or denied action asserted: $trig"
	fi
done
exit 0
