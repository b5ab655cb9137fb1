# vigil dict import and --dict with TABARI/PETRARCH dictionaries written here
# (fictional): the converted .vd file, the skipped lines with file:line, the
# same dictionaries used directly and from a directory, and vigil conform on
# a two-record validation file.
. "$(dirname "$0")/lib.sh"
export VIGIL_CACHE_DIR=$TMP/cache
mkdir "$TMP/d"
cat >"$TMP/d/test.actors.txt" <<'X'
<!-- actors -->
NORLAND_  [NOR]
+NORLANDER_
KING_ARVID_
	[NORGOV 950101-991231]
	[NORELI >991231]
SUDMARK_ [SUD] # comment
BADLAND [B/D/]
X
cat >"$TMP/d/test.agents.txt" <<'X'
!OFF! = OFFICIAL, OFFICIALS
SECURITY_!OFF! {} [~GOV]
SOLDIER [~MIL]
RELIEF_WORKERS {} [NGO~]
X
cat >"$TMP/d/test.verbs.txt" <<'X'
&AID_
+FOOD
+MEDICINE
--- PRAISE [051] ---
PRAISE
- * HIGHLY [052]
- * (FOR &AID) [053]
--- SEND [---] ---
SEND {SENDS SENT SENDING}
- * TROOPS (TO +) [150]
- * [xx]
~ a (a b ATTACK) SAY = a b 015
--- ATTACK [190] ---
ATTACK
--- VISIT [042:043] ---
VISIT
--- LEAVE [012] ---
LEAVE
--- LEFT [032] ---
LEFT
X
cat >"$TMP/d/test.discards.txt" <<'X'
FOOTBALL_
+HOROSCOPE
X
"$VIGIL" dict import "$TMP"/d/*.txt -o "$TMP/out.vd" 2>"$TMP/err" ||
	fail "import failed: $(cat "$TMP/err")"
cat >"$TMP/want.err" <<X
$TMP/d/test.actors.txt:8: skipped: a code has only letters, digits, - and / between codes
$TMP/d/test.verbs.txt:11: skipped: bad event code
$TMP/d/test.verbs.txt:12: skipped: transformation rules (~) are not supported
X
diff "$TMP/want.err" "$TMP/err" >&2 || fail "skipped lines differ"
# dict check reports the same lines and counts them
"$VIGIL" dict check "$TMP"/d/*.txt >"$TMP/check" 2>"$TMP/err" ||
	fail "dict check failed: $(cat "$TMP/err")"
diff "$TMP/want.err" "$TMP/err" >&2 || fail "dict check: skipped lines differ"
expect_eq "dict check summary" "$(cat "$TMP/check")" \
	"ok: 4 sources, no errors, 3 lines skipped"
cat >"$TMP/want.vd" <<'X'
# imported from test.actors.txt
[actors]
norland = NOR type=country
norlander = NOR type=country
king arvid = NORGOV from=1995-01-01 until=1999-12-31
king arvid = NORELI from=2000-01-01
sudmark = SUD type=country
# imported from test.agents.txt
[agents]
security official = GOV
security officials = GOV
soldier | soldiers = MIL
relief workers = NGO~
# imported from test.discards.txt
[discards]
football = sentence
horoscope = story
# imported from test.verbs.txt
[synsets]
food | foods = &aid
medicine | medicines = &aid
[verbs]
+praise = 051 pos=verb-only
+praise = 052 pos=verb-only pattern=*,highly
+praise = 053 pos=verb-only pattern=*,for,&aid
send | sends | sent | sending = --- pos=verb-only
send | sends | sent | sending = 150 pos=verb-only pattern=*,troops,to,+
+attack = 190 pos=verb-only
+visit = 042 pos=verb-only
+visit = 043 pos=verb-reverse
+leave = 012 pos=verb-only
leaved = 012 pos=verb-only
+left = 032 pos=verb-only
X
diff "$TMP/want.vd" "$TMP/out.vd" >&2 || fail "converted file differs"
"$VIGIL" dict check "$TMP/out.vd" >/dev/null || fail "converted file has errors"

cat >"$TMP/v.xml" <<'X'
<Validation><Sentences>
<Sentence date="19970301" id="T-01" category="PAT" sentence="true">
<EventCoding sourcecode="NORGOV" targetcode="SUD" eventcode="053"></EventCoding>
<Text>King Arvid praised Sudmark for medicines.</Text>
</Sentence>
<Config option="require_dyad" value="True"></Config>
<Sentence date="20010301" id="T-02" category="DATE" sentence="true">
<EventCoding sourcecode="NORELI" targetcode="SUD" eventcode="150"></EventCoding>
<Text>King Arvid sent troops to Sudmark.</Text>
</Sentence>
<Sentence date="19970301" id="T-04" category="PAT" sentence="true">
<EventCoding sourcecode="NOR" targetcode="SUD" eventcode="052"></EventCoding>
<Text>Norland praised highly the envoys at Sudmark.</Text>
</Sentence>
<Sentence date="19970301" id="T-05" category="PAT" sentence="true">
<EventCoding noevents="True"></EventCoding>
<Text>Norland gave a high praise to Sudmark.</Text>
</Sentence>
<Sentence date="19970301" id="T-09" category="PAT" sentence="true">
<EventCoding sourcecode="NOR" targetcode="SUD" eventcode="051"></EventCoding>
<Text>Norland praised the sending of troops to Sudmark.</Text>
</Sentence>
<Sentence date="19970301" id="T-10" category="VERB" sentence="true">
<EventCoding sourcecode="NOR" targetcode="SUD" eventcode="042"></EventCoding>
<EventCoding sourcecode="SUD" targetcode="NOR" eventcode="043"></EventCoding>
<Text>Norland visited Sudmark.</Text>
</Sentence>
<Sentence date="19970301" id="T-11" category="VERB" sentence="true">
<EventCoding sourcecode="NOR" targetcode="SUD" eventcode="032"></EventCoding>
<Text>Norland left for Sudmark.</Text>
</Sentence>
<Sentence date="19970301" id="T-12" category="VERB" sentence="true">
<EventCoding sourcecode="NORGOV" targetcode="NOR" eventcode="051"></EventCoding>
<EventCoding sourcecode="NORGOV" targetcode="SUD" eventcode="150"></EventCoding>
<Text>King Arvid praised Norland and sent troops to Sudmark.</Text>
</Sentence>
<Sentence date="19970301" id="T-13" category="AGENT" sentence="true">
<EventCoding sourcecode="SUD" targetcode="NORGOV" eventcode="051"></EventCoding>
<EventCoding sourcecode="NOR" targetcode="NORGOV" eventcode="051"></EventCoding>
<Text>Sudmark and the proud Norland praised King Arvid.</Text>
</Sentence>
<Sentence date="19970301" id="T-06" category="OBJ" sentence="true">
<EventCoding sourcecode="NOR" targetcode="SUDMIL" eventcode="051"></EventCoding>
<Text>Norland praised an attack by Sudmark soldiers.</Text>
</Sentence>
<Sentence date="19970301" id="T-07" category="OBJ" sentence="true">
<EventCoding noevents="True"></EventCoding>
<Text>Norland praised the raids in which Sudmark soldiers marched.</Text>
</Sentence>
<Sentence date="19970301" id="T-08" category="AGENT" sentence="true">
<EventCoding sourcecode="NGONOR" targetcode="SUD" eventcode="051"></EventCoding>
<Text>Norland relief workers praised Sudmark.</Text>
</Sentence>
<Sentence date="20010301" id="T-03" category="DISCARD" sentence="true">
<EventCoding noevents="True"></EventCoding>
<Text>Norland praised Sudmark after the football match.</Text>
</Sentence>
</Sentences></Validation>
X
"$VIGIL" conform --dict "$TMP/d" "$TMP/v.xml" >"$TMP/conf" 2>"$TMP/err"
status=$?
cat >"$TMP/want.conf" <<'X'
category     records  passed  failed
PAT                4       4       0
DATE               1       1       0
VERB               3       3       0
AGENT              2       2       0
OBJ                2       2       0
DISCARD            1       1       0
13 passed, 0 failed
X
diff "$TMP/want.conf" "$TMP/conf" >&2 || fail "conform report differs"
expect_eq "conform exit status" "$status" 0
# the verbose report of a failure, and its exit status
sed 's/eventcode="053"/eventcode="052"/' "$TMP/v.xml" >"$TMP/v2.xml"
"$VIGIL" conform --verbose --dict "$TMP/out.vd" "$TMP/v2.xml" >"$TMP/conf2" 2>/dev/null
expect_eq "exit status with a failure" "$?" 1
grep -qx '    expected: NORGOV SUD 052' "$TMP/conf2" || fail "no expected line: $(cat "$TMP/conf2")"
grep -qx '    coded   : NORGOV SUD 053' "$TMP/conf2" || fail "no coded line: $(cat "$TMP/conf2")"
"$VIGIL" conform "$TMP/v.xml" 2>/dev/null
expect_eq "conform without dictionaries" "$?" 2
exit 0
