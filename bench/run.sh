#!/bin/sh
# bench/run.sh: the benchmark. Builds (once) a corpus of at least $BENCH_MB MB
# (default 100) from the bundled sample articles and a synthetic 100,000-entry
# dictionary, then measures `vigil code` on one core and with -j2 (without
# records beyond the document's, and with --mentions): MB/s, sentences/s,
# mentions/s and peak RSS, plus the dictionary's open time with and without
# its cache. The whole coder with the default dictionaries (-j1, -j2) runs
# $BENCH_RUNS times (default 3): min/median/max of MB/s, sentences/s,
# events/s, peak RSS and MB per CPU second (per-core throughput), as the
# machine may be shared and wall-clock is noisy. Then `vigil ingest` of the
# corpus into a new store (-j1, -j2: events/s end to end). Last, the store
# (bench/bench_store.c): $BENCH_STORE_EVENTS generated events (default one
# million; 0 skips it) ingested, then queried. Tests time nothing; this does.
set -eu
cd "$(dirname "$0")/.."
VIGIL=${VIGIL:-build/vigil}
OUT=bench/out
MB=${BENCH_MB:-100}
RUNS=${BENCH_RUNS:-3}
mkdir -p "$OUT"
export VIGIL_CACHE_DIR="$OUT/cache"
rm -rf "$VIGIL_CACHE_DIR"

[ -s "$OUT/corpus-$MB.jsonl" ] || python3 bench/gen_corpus.py --mb "$MB" -o "$OUT/corpus-$MB.jsonl"
[ -s "$OUT/dict-100k.vd" ] || python3 bench/gen_dict.py --entries 100000 -o "$OUT/dict-100k.vd"
CORPUS="$OUT/corpus-$MB.jsonl"
# a source modified within a second of compiling is compiled again on the next
# open (its mtime cannot prove it unchanged): age the generated one
touch -d '1 minute ago' "$OUT/dict-100k.vd"

echo "== dictionary: default + 100,000 synthetic entries"
printf 'first open (compile + write cache):\n'
$VIGIL dict stats "$OUT/dict-100k.vd" | sed 's/^/    /'
printf 'second open (mapped from cache):\n'
$VIGIL dict stats "$OUT/dict-100k.vd" | sed 's/^/    /'

run() { # label, then vigil arguments
	label=$1; shift
	/usr/bin/time -f '%e %M' -o "$OUT/time.txt" "$VIGIL" code --stats "$@" "$CORPUS" \
		>/dev/null 2>"$OUT/stats.txt" || { cat "$OUT/stats.txt"; exit 1; }
	stats=$(grep 'documents' "$OUT/stats.txt")
	rss=$(awk '{printf "%.1f", $2/1024}' "$OUT/time.txt")
	echo "$label"
	echo "    $stats"
	echo "    peak RSS $rss MB"
}

# min/median/max of the numbers on stdin (one a line)
spread() {
	sort -g | awk '{v[NR] = $1} END {
		m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		printf "%s / %s / %s", v[1], m, v[NR] }'
}

repeat() { # label, then vigil arguments: $RUNS runs of the same command
	label=$1; shift
	: >"$OUT/runs.txt"
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		/usr/bin/time -f '%e %M %U %S' -o "$OUT/time.txt" "$VIGIL" code --stats "$@" \
			"$CORPUS" >/dev/null 2>"$OUT/stats.txt" || { cat "$OUT/stats.txt"; exit 1; }
		# "95.7 MB in 5.58 s (17.1 MB/s, 135986 sentences/s, 647631
		# mentions/s, 80898 events/s)" -> MB MB/s sentences/s events/s
		sed -n 's/.* \([0-9.]*\) MB in .*(\([0-9.]*\) MB\/s, \([0-9]*\) sentences\/s, [0-9]* mentions\/s, \([0-9]*\) events\/s).*/\1 \2 \3 \4/p' \
			"$OUT/stats.txt" | tr '\n' ' ' >>"$OUT/runs.txt"
		awk '{printf "%.1f %.4f\n", $2/1024, $3 + $4}' "$OUT/time.txt" >>"$OUT/runs.txt"
		i=$((i + 1))
	done
	echo "$label ($RUNS runs, min / median / max)"
	echo "    MB/s         $(cut -d' ' -f2 "$OUT/runs.txt" | spread)"
	echo "    sentences/s  $(cut -d' ' -f3 "$OUT/runs.txt" | spread)"
	echo "    events/s     $(cut -d' ' -f4 "$OUT/runs.txt" | spread)"
	echo "    peak RSS MB  $(cut -d' ' -f5 "$OUT/runs.txt" | spread)"
	# per core: MB over the CPU seconds (user + system) of all threads,
	# which other jobs on a shared machine disturb much less than wall time
	echo "    MB per CPU second  $(awk '{printf "%.1f\n", $1 / $6}' "$OUT/runs.txt" | spread)"
}

echo "== stages, one core (bench/bench_stages.c), default + 100k dictionary"
build/bench_stages "$CORPUS" data/dict "$OUT/dict-100k.vd"
echo "== stages, one core, default dictionaries only"
build/bench_stages "$CORPUS" data/dict

# compile and cache the default dictionaries before anything is timed
printf 'warm-up\n' | "$VIGIL" code - >/dev/null
echo "== vigil code on $CORPUS ($(du -m "$CORPUS" | cut -f1) MB)"
run "reading + segmentation (no dictionary), -j1:" --no-default-dict
repeat "whole coder, default dictionaries, -j1:"
repeat "whole coder, default dictionaries, -j2:" -j 2
run "whole coder, default + 100k dictionary, -j1:" --dict "$OUT/dict-100k.vd"
run "the same, also writing every match as a mention record (--mentions), -j1:" --mentions --dict "$OUT/dict-100k.vd"
run "the same, --mentions, -j2:" --mentions --dict "$OUT/dict-100k.vd" -j 2

# The Phoenix/CAMEO dictionaries (TABARI/PETRARCH format), when the project's
# shared folder is there: compiling them, opening the cache, coding the samples.
PETR=../shared/petrarch2
if [ -d "$PETR" ]; then
	set -- "$PETR/CAMEO.2.0.txt" "$PETR/Phoenix.Countries.actors.txt" \
		"$PETR/Phoenix.International.actors.txt" \
		"$PETR/Phoenix.MilNonState.actors.txt" \
		"$PETR/Phoenix.agents.txt" "$PETR/Phoenix.discards.txt"
	echo "== Phoenix/CAMEO dictionaries: compile (cache miss), then open (cache hit)"
	PCACHE=$(mktemp -d)
	for pass in miss hit; do
		VIGIL_CACHE_DIR=$PCACHE "$VIGIL" dict stats --no-default-dict "$@" 2>/dev/null |
			grep -E 'entries|compiled|cache|open time' | sed 's/^/    /'
	done
	echo "== vigil code data/samples with the Phoenix/CAMEO dictionaries, -j1"
	for f in "$@"; do set -- "$@" --dict "$f"; shift; done
	VIGIL_CACHE_DIR=$PCACHE "$VIGIL" code --stats --no-default-dict "$@" data/samples/*.txt \
		2>&1 >/dev/null | sed 's/^/    /'
	rm -rf "$PCACHE"
else
	echo "== Phoenix/CAMEO dictionaries: skipped ($PETR not found)"
fi

# vigil ingest end to end (coding and storing the corpus into a new SQLite
# store, default --batch): documents, events and figures stored per second
ingest() { # label, then vigil ingest arguments
	label=$1; shift
	rm -f "$OUT/ingest.db" "$OUT/ingest.db-wal" "$OUT/ingest.db-shm"
	/usr/bin/time -f '%e %M %U %S' -o "$OUT/time.txt" "$VIGIL" ingest "$@" \
		--db "$OUT/ingest.db" "$CORPUS" 2>"$OUT/stats.txt" || { cat "$OUT/stats.txt"; exit 1; }
	echo "$label"
	sed -n 's/^vigil ingest: \([0-9]*\) documents .*), \([0-9]*\) events, \([0-9]*\) figures.*/\1 \2 \3/p' \
		"$OUT/stats.txt" | awk -v t="$(cat "$OUT/time.txt")" -v mb="$(du -m "$CORPUS" | cut -f1)" '{
		split(t, v, " ")
		printf "    %d documents, %d events, %d figures in %.1f s: %.1f MB/s, %.0f events/s\n", $1, $2, $3, v[1], mb / v[1], $2 / v[1]
		printf "    CPU %.1f s user + %.1f s system (%.0f events per CPU second), peak RSS %.1f MB\n", v[3], v[4], $2 / (v[3] + v[4]), v[2] / 1024 }'
	rm -f "$OUT/ingest.db" "$OUT/ingest.db-wal" "$OUT/ingest.db-shm"
}
echo "== vigil ingest on $CORPUS into a new SQLite store"
ingest "-j1:"
ingest "-j2:" -j 2

# The store: ingest (events/s, wall and per CPU second) and the latency of
# dyad + date-range, --text and --clusters queries (bench/bench_store.c)
STORE_EVENTS=${BENCH_STORE_EVENTS:-1000000}
if [ "$STORE_EVENTS" -gt 0 ]; then
	echo "== store: $STORE_EVENTS generated events (bench/bench_store.c)"
	for order in random dated; do
		build/bench_store "$OUT/store.db" "$STORE_EVENTS" 5000 $order | sed 's/^/    /'
		rm -f "$OUT/store.db" "$OUT/store.db-wal" "$OUT/store.db-shm"
	done
else
	echo "== store: skipped (BENCH_STORE_EVENTS=0)"
fi
