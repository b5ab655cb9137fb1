# vigil conform on a small validation file of its own (no shared data): a
# multi-code actor (TABARI's [FRO/BIL]) counts one triple per code, and
# without require_dyad an event without target counts only when its verb
# has a noun phrase after it ("said on Saturday", not "said today"); a
# comma between adjectives ("evil, awful hobbit leaders") delimits no
# clause that the comma settings cut; another comma does.
. "$(dirname "$0")/lib.sh"
export VIGIL_CACHE_DIR=$TMP/cache
cat >"$TMP/d.vd" <<'X'
[actors]
the shire = FRO/BIL
gondor = GON type=country
[verbs]
+warn = 160 pos=verb-only
+say = 023 pos=verb-only
X
cat >"$TMP/v.xml" <<'X'
<Validation><Environment></Environment><Sentences>
<Sentence date="20240101" id="M-1" category="MULTI" sentence="true">
<EventCoding sourcecode="FRO" targetcode="GON" eventcode="160"></EventCoding>
<EventCoding sourcecode="BIL" targetcode="GON" eventcode="160"></EventCoding>
<Text>The Shire warned Gondor.</Text>
</Sentence>
<Sentence date="20240101" id="M-2" category="MULTI" sentence="true">
<EventCoding sourcecode="FRO" targetcode="GON" eventcode="160"></EventCoding>
<Text>The Shire warned Gondor.</Text>
</Sentence>
<Config option="require_dyad" value="false"></Config>
<Sentence date="20240101" id="N-1" category="NP" sentence="true">
<EventCoding sourcecode="GON" targetcode="---" eventcode="023"></EventCoding>
<Text>Gondor said on Saturday.</Text>
</Sentence>
<Sentence date="20240101" id="N-2" category="NP" sentence="true">
<EventCoding noevents="True"></EventCoding>
<Text>Gondor said today.</Text>
</Sentence>
<Config option="comma_bmin" value="3"></Config>
<Config option="comma_bmax" value="6"></Config>
<Config option="comma_max" value="0"></Config>
<Config option="comma_emax" value="0"></Config>
<Sentence date="20240101" id="C-1" category="COMMA" sentence="true">
<EventCoding sourcecode="GON" targetcode="FRO" eventcode="160"></EventCoding>
<EventCoding sourcecode="GON" targetcode="BIL" eventcode="160"></EventCoding>
<Text>Gondor warned the Shire about evil, awful hobbit leaders.</Text>
</Sentence>
<Sentence date="20240101" id="C-2" category="COMMA" sentence="true">
<EventCoding sourcecode="FRO" targetcode="---" eventcode="023"></EventCoding>
<EventCoding sourcecode="BIL" targetcode="---" eventcode="023"></EventCoding>
<Text>Gondor warned them, and the Shire said nothing.</Text>
</Sentence>
</Sentences></Validation>
X
"$VIGIL" conform --verbose --dict "$TMP/d.vd" "$TMP/v.xml" >"$TMP/out" 2>"$TMP/err"
expect_eq "exit status" "$?" 1
expect_eq "last line" "$(tail -n 1 "$TMP/out")" "5 passed, 1 failed"
grep -q '^FAIL M-2 ' "$TMP/out" || fail "M-2 (one code of two) passed: $(cat "$TMP/out")"
grep -q 'coded   : FRO GON 160; BIL GON 160$' "$TMP/out" ||
	fail "multi-code triples: $(cat "$TMP/out")"
exit 0
