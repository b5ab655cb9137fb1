# The places of ../shared/seed/EXPECTED.md from the seed article coded with
# the default dictionaries: "captured in Russia's Kursk region" (event 5 and
# the 2-soldiers figure), "deployed ... in the Kursk region" (the 11,000
# figure) and "which Ukraine had briefly seized" (event 6-2, the Kursk region
# of its sentence) are in RU-KRS; the treaty "signed during Putin's visit to
# Pyongyang" and the visit are in Pyongyang (EXPECTED.md, event 10); sentences
# without a place give none.
. "$(dirname "$0")/lib.sh"
need_shared seed
command -v python3 >/dev/null || { echo "skipped: python3 not found"; exit 77; }
"$VIGIL" code --date 2025-02-15 "$SHARED/seed/000_9bb96f86e2a42407.txt" \
	>"$TMP/out" 2>"$TMP/err" || fail "exit $?: $(cat "$TMP/err")"

# id-suffix|name|country|admin1|lat|lon|precision, or id-suffix|null
python3 - "$TMP/out" >"$TMP/lines" <<'PY' || fail "bad JSON"
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    if r["type"] not in ("event", "figure"):
        continue
    loc, key = r["event_loc"], r["id"].split("-", 1)[1]
    if loc is None:
        print(key + "|null")
    else:
        print("|".join(str(x) for x in (key, loc["name"], loc["country"],
              loc["admin1"], loc["lat"], loc["lon"], loc["precision"])))
PY

has() { grep -Fqx "$1" "$TMP/lines" || fail "expected $1: $(cat "$TMP/lines")"; }
kursk='Kursk Oblast|RUS|RU-KRS|51.7|36.2|admin1'
has "5-1|$kursk"
has "5-f1|$kursk"
has "6-f1|$kursk"
has "6-2|$kursk"
has '10-1|Pyongyang|PRK|KP-01|39.03|125.75|city'
has '10-2|Pyongyang|PRK|KP-01|39.03|125.75|city'
# Sentence 1 names no place ("concerns over North Korea's plans" is none),
# sentence 7 none at all ("Kyiv estimates"), nor does 8 or 9.
has '1-1|null'
has '7-f1|null'
expect_eq "placed records" "$(grep -vc '|null$' "$TMP/lines")" 7
exit 0
