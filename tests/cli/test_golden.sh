# Golden tests: each tests/golden/<case>/ holds input files, `cmd` (the vigil
# arguments, run inside the case folder) and the expected `stdout`, `stderr`
# and `status`. UPDATE_GOLDEN=1 rewrites the expectations (review the diff!).
. "$(dirname "$0")/lib.sh"
bad=0
for dir in "$ROOT"/tests/golden/*/; do
	case=$(basename "$dir")
	[ -f "$dir/cmd" ] || continue
	(cd "$dir" && "$VIGIL" $(cat cmd) >"$TMP/stdout" 2>"$TMP/stderr"; echo $? >"$TMP/status")
	if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
		cp "$TMP/stdout" "$TMP/stderr" "$TMP/status" "$dir"
		continue
	fi
	for f in stdout stderr status; do
		if ! cmp -s "$TMP/$f" "$dir/$f"; then
			echo "golden $case: $f differs:"
			diff "$dir/$f" "$TMP/$f" | head -20
			bad=1
		fi
	done
done
[ $bad -eq 0 ] || fail "golden outputs differ (UPDATE_GOLDEN=1 after review)"
exit 0
