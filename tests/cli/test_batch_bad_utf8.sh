# A batch of three files whose middle one has invalid UTF-8: the other two are
# coded, the bad one is named with its byte offset on stderr, exit status 1.
. "$(dirname "$0")/lib.sh"
printf 'Title: One\n\nRussia said on Monday it would send more troops.\n' >"$TMP/a.txt"
printf 'Ukraine denied the report.\nThe army \377 said nothing.\n' >"$TMP/b.txt"
printf 'Iran condemned the strike.\n' >"$TMP/c.txt"
"$VIGIL" code --no-default-dict "$TMP/a.txt" "$TMP/b.txt" "$TMP/c.txt" >"$TMP/out" 2>"$TMP/err"
rc=$?
expect_eq "exit status" "$rc" 1
expect_eq "document records" "$(count_records "$TMP/out" document)" 2
grep -q '"title":"One"' "$TMP/out" || fail "first document missing"
grep -q "b.txt: byte offset 36: invalid UTF-8" "$TMP/err" || fail "stderr: $(cat "$TMP/err")"
expect_eq "stderr lines" "$(wc -l <"$TMP/err")" 1
# --repair codes it instead, with a warning
"$VIGIL" code --no-default-dict --repair "$TMP/b.txt" >"$TMP/out2" 2>"$TMP/err2" || fail "--repair exit $?"
expect_eq "repaired records" "$(count_records "$TMP/out2" document)" 1
grep -q "warning: .*b.txt: byte offset 36.*repaired 1 bad sequence" "$TMP/err2" || fail "repair warning: $(cat "$TMP/err2")"
exit 0
