#!/bin/sh
# Runs every test: the cmocka unit tests in $BUILD/tests/ and the command-line
# tests in tests/cli/*.sh (exit 0 pass, 77 skip, anything else fail). The
# store tests (those calling new_store, but test_*_pg_*) run twice: on SQLite files, then on
# PostgreSQL (STORE_BACKEND=pg) at $VIGIL_TEST_PG, or else on a throwaway
# server that scripts/pg-test-server.sh starts here when the PostgreSQL
# binaries are installed (stopped at the end). Prints each failure, then a
# last line "N passed, M failed, K skipped"; exits non-zero when anything
# failed.
BUILD=${BUILD:-build}
export VIGIL=${VIGIL:-$PWD/$BUILD/vigil}
export VIGIL_CACHE_DIR=${VIGIL_CACHE_DIR:-$(mktemp -d)}
export SHARED=${SHARED:-$(cd "$PWD/../shared" 2>/dev/null && pwd)}
log=$(mktemp)
passed=0 failed=0 skipped=0

pg_dir=""
if [ -z "${VIGIL_TEST_PG:-}" ] && [ "${VIGIL_TEST_PG_START:-1}" = 1 ]; then
	pg_dir=$(mktemp -d /tmp/vigil-pg.XXXXXX)
	chmod 755 "$pg_dir"
	if url=$(sh scripts/pg-test-server.sh start "$pg_dir/server" 2>"$log"); then
		export VIGIL_TEST_PG="$url"
	else
		echo "NOTE: no PostgreSQL test server: $(tail -n 1 "$log")"
	fi
fi
stop_pg() {
	[ -n "$pg_dir" ] || return 0
	sh scripts/pg-test-server.sh stop "$pg_dir/server"
	rm -rf "$pg_dir"
}
trap stop_pg EXIT

for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	"$t" >"$log" 2>&1
	rc=$?
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log")
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log")
	s=$(sed -n 's/^\[  SKIPPED \] \([0-9]*\) test.*/\1/p' "$log")
	passed=$((passed + ${p:-0}))
	skipped=$((skipped + ${s:-0}))
	if [ $rc -ne 0 ] && [ -z "$f" ]; then f=1; fi   # crashed before its summary
	failed=$((failed + ${f:-0}))
	if [ $rc -ne 0 ]; then
		echo "FAIL: $t"
		grep -v '^\[ *\(RUN\|OK\) *\]' "$log" | sed 's/^/    /' | head -60
	fi
done

for t in tests/cli/test_*.sh; do
	[ -f "$t" ] || continue
	backends=sqlite
	case $t in
	*_pg_*) ;; # PostgreSQL's own tests
	*) grep -q '^[^#]*new_store ' "$t" && backends="sqlite pg" ;;
	esac
	for b in $backends; do
		name=$t
		[ "$b" = pg ] && name="$t [pg]"
		STORE_BACKEND=$b sh "$t" >"$log" 2>&1
		rc=$?
		case $rc in
		0) passed=$((passed + 1)) ;;
		77) skipped=$((skipped + 1)); echo "SKIP: $name: $(tail -n 1 "$log")" ;;
		*) failed=$((failed + 1)); echo "FAIL: $name"; sed 's/^/    /' "$log" | tail -40 ;;
		esac
	done
done

rm -f "$log"
echo "$passed passed, $failed failed, $skipped skipped"
[ $failed -eq 0 ]
