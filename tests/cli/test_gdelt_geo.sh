# --format gdelt: ActionGeo_Type is the precision of the coordinates (1
# country, 4 world city, 5 world state), so a region placed at its
# country's point (precision=country in the gazetteer: Malta's Attard) is
# 1; columns 52-55: Type, FullName, CountryCode, ADM1Code.
. "$(dirname "$0")/lib.sh"
cat >"$TMP/in.txt" <<'TXT'
Russian forces attacked Maltese troops in Attard.

Russian forces attacked Ukrainian troops near Kharkiv.

Russian forces attacked Ukrainian troops in the Kursk region.

Russian forces attacked Ukrainian troops in Ukraine.
TXT
"$VIGIL" code --date 2025-02-15 --format gdelt "$TMP/in.txt" >"$TMP/out" 2>"$TMP/err" ||
	fail "exit $?: $(cat "$TMP/err")"
got=$(awk -F'\t' '{print $52 "|" $53 "|" $54 "|" $55}' "$TMP/out" | tr '\n' ';')
expect_eq "ActionGeo" "$got" "1|Attard|MLT|MT-01;4|Kharkiv|UKR|UA-63;5|Kursk Oblast|RUS|RU-KRS;1|Ukraine|UKR|;"
exit 0
