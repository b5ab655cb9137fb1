# Help documents every option; bad usage exits 2 with a message.
. "$(dirname "$0")/lib.sh"
"$VIGIL" --help >"$TMP/h" || fail "--help exit"
for cmd in code dict; do grep -q "^  $cmd " "$TMP/h" || fail "--help lacks $cmd"; done
"$VIGIL" code --help >"$TMP/ch" || fail "code --help exit"
for opt in --date --format --mentions --explain --repair --dict --no-default-dict --jobs --stats --help; do
	grep -q -- "$opt" "$TMP/ch" || fail "code --help lacks $opt"
done
# every long option the parser knows is documented
grep -o '{"[a-z-]*", ' "$ROOT/src/cli/cmd_code.c" | tr -d '{", ' | while read -r o; do
	grep -q -- "--$o" "$TMP/ch" || fail "code --help lacks --$o"
done || exit 1
"$VIGIL" --version | grep -q '^vigil [0-9]' || fail "--version"
"$VIGIL" frobnicate 2>"$TMP/e"; expect_eq "unknown command exit" $? 2
grep -q "unknown command 'frobnicate'" "$TMP/e" || fail "unknown command message"
"$VIGIL" code --date 2025-13-45 x 2>"$TMP/e"; expect_eq "bad date exit" $? 2
grep -q "bad --date '2025-13-45'" "$TMP/e" || fail "bad date message: $(cat "$TMP/e")"
"$VIGIL" code -j 0 x 2>/dev/null; expect_eq "bad -j exit" $? 2
"$VIGIL" code --format xml x 2>/dev/null; expect_eq "bad format exit" $? 2
"$VIGIL" code --no-default-dict "$TMP/missing.txt" 2>"$TMP/e"; expect_eq "missing file exit" $? 1
grep -q "missing.txt" "$TMP/e" || fail "missing file not named: $(cat "$TMP/e")"
# ingest: every option documented; --batch takes 1 to 100,000 documents
"$VIGIL" ingest --help >"$TMP/ih" || fail "ingest --help exit"
grep -o '{"[a-z-]*", ' "$ROOT/src/cli/cmd_ingest.c" | tr -d '{", ' | while read -r o; do
	grep -q -- "--$o" "$TMP/ih" || fail "ingest --help lacks --$o"
done || exit 1
for bad in 0 -3 12x 100001 ''; do
	"$VIGIL" ingest --batch "$bad" --db "$TMP/b.db" x 2>"$TMP/e"; expect_eq "--batch '$bad' exit" $? 2
	grep -q -- "--batch $bad: expected a number of documents from 1 to 100000" "$TMP/e" ||
		fail "--batch '$bad' message: $(cat "$TMP/e")"
done
[ ! -e "$TMP/b.db" ] || fail "a bad --batch made a store"
exit 0
