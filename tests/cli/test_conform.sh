# The PETRARCH-2 unit-test records (../shared/petrarch2): vigil conform codes
# the 284 records from their text with the PETR.Validate.* dictionaries; fails
# when fewer pass than tests/eval/petrarch_conform.ratchet says, or when the
# report does not add up.
. "$(dirname "$0")/lib.sh"
need_shared petrarch2
P=$SHARED/petrarch2
export VIGIL_CACHE_DIR=$TMP/cache
"$VIGIL" conform --dict "$P/PETR.Validate.actors.txt" \
	--dict "$P/PETR.Validate.agents.txt" --dict "$P/PETR.Validate.verbs.txt" \
	--dict "$P/PETR.Validate.discards.txt" "$P/PETR.UnitTest.records.xml" \
	>"$TMP/out" 2>"$TMP/err"
status=$?
[ "$status" -le 1 ] || fail "exit status $status: $(cat "$TMP/err")"
last=$(tail -n 1 "$TMP/out")
passed=${last%% passed*}
failed=$(echo "$last" | sed -n 's/.*, \([0-9]*\) failed$/\1/p')
[ -n "$failed" ] || fail "no final line 'N passed, M failed': $last"
expect_eq "records" "$((passed + failed))" 284
# the per-category rows add up to the totals
sum=$(awk 'NR > 1 && $2 ~ /^[0-9]+$/ { p += $3 } END { print p }' "$TMP/out")
expect_eq "sum of the category rows" "$sum" "$passed"
want=$(awk '$1 == "passed" { print $2 }' "$ROOT/tests/eval/petrarch_conform.ratchet")
[ "$passed" -ge "$want" ] || fail "$passed records passed, below the ratchet $want"
[ "$status" -eq $((failed > 0)) ] || fail "exit status $status with $failed failed"
