# Each fuzz target's corpus replays without a crash or sanitizer report (the
# replay programs are the fuzz targets linked with tests/fuzz/standalone.c).
. "$(dirname "$0")/lib.sh"
BIN=$(dirname "$VIGIL")/tests
n=0
for f in "$ROOT"/tests/fuzz/fuzz_*.c; do
	name=$(basename "$f" .c)
	corpus="$ROOT/tests/fuzz/corpus/${name#fuzz_}"
	[ -x "$BIN/replay_$name" ] || fail "$BIN/replay_$name not built"
	[ -d "$corpus" ] || fail "no corpus for $name"
	"$BIN/replay_$name" "$corpus" >"$TMP/out" 2>&1 || fail "$name: $(tail -20 "$TMP/out")"
	grep -q "replayed [1-9]" "$TMP/out" || fail "$name replayed nothing"
	n=$((n + 1))
done
[ $n -ge 3 ] || fail "only $n fuzz targets"
exit 0
