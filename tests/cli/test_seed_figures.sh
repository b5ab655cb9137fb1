# The figures and dates of ../shared/seed/EXPECTED.md from the seed article
# coded with the default dictionaries: exactly the three figures with their
# claimants, and the event dates ("on Friday" -> 2025-02-14, "in June 2024",
# "last year", the publication date elsewhere).
. "$(dirname "$0")/lib.sh"
need_shared seed
command -v python3 >/dev/null || { echo "skipped: python3 not found"; exit 77; }
"$VIGIL" code --date 2025-02-15 "$SHARED/seed/000_9bb96f86e2a42407.txt" \
	>"$TMP/out" 2>"$TMP/err" || fail "exit $?: $(cat "$TMP/err")"

# figure: sentence|value|low|high|qualifier|unit|category|subject|said_by code|said_by text|date
# event:  id-suffix|cameo|date|precision
python3 - "$TMP/out" >"$TMP/lines" <<'PY' || fail "bad JSON"
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    if r["type"] == "figure":
        s, b = r["subject"] or {}, r["said_by"] or {}
        print("F|" + "|".join(str(x) for x in (r["sentence"], r["value"], r["low"],
              r["high"], r["qualifier"], r["unit"], r["category"], s.get("code"),
              b.get("code"), b.get("text"), r["date"])))
    elif r["type"] == "event":
        print("E|" + "|".join((r["id"].split("-", 1)[1], r["cameo"], r["date"],
              r["date_precision"])))
PY

expect_eq "figures" "$(grep -c '^F|' "$TMP/lines")" 3
has() { grep -Fqx "$1" "$TMP/lines" || fail "expected $1: $(cat "$TMP/lines")"; }
has 'F|6|11000|None|None|approximately|troops|deployed|PRKMIL|UKR|Ukrainian and Western assessments|2025-02-15'
has 'F|7|3000|None|None|over|soldiers|killed_or_wounded|PRKMIL|UKRGOV|Kyiv|2025-02-15'
has 'F|5|2|None|None|exact|soldiers|captured|PRKMIL|UKRGOV|Ukrainian President Volodymyr Zelenskiy|2025-02-15'
# Event 2: the additional dispatch, reported by the JCS "on Friday".
has 'E|2-1|072|2025-02-14|day'
# Event 3: "four months after North Korea initially deployed soldiers".
has 'E|3-1|154|2024-10-01|month'
# Event 6: "Ukraine had briefly seized ... last year".
has 'E|6-2|192|2024-01-01|year'
# Events 10 and 11: "in June 2024".
has 'E|10-1|057|2024-06-01|month'
has 'E|10-2|042|2024-06-01|month'
# Undated clauses take the publication date.
has 'E|5-1|173|2025-02-15|day'
# Must not: figures from the byline, the footer, or "the two nations".
if grep -E '^F\|(10|11|12)\|' "$TMP/lines"; then fail "figure from sentence 10-12"; fi
exit 0
