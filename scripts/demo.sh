#!/bin/sh
# demo.sh: ingests the bundled sample corpus (data/samples/*.txt) into an
# embedded store (build/demo.db, made anew) with the default dictionaries,
# then prints a short situation summary from the store: the most active
# dyads, the latest events with how many outlets reported them, and the
# figures ledger. Usage: scripts/demo.sh [path/to/vigil]
set -eu
cd "$(dirname "$0")/.."
VIGIL=${1:-build/vigil}
DB=build/demo.db
mkdir -p build
rm -f "$DB" "$DB-wal" "$DB-shm"
"$VIGIL" ingest --db "$DB" -j 2 data/samples/*.txt
"$VIGIL" query --db "$DB" --aux-mode asserted >build/demo-events.jsonl
"$VIGIL" query --db "$DB" --clusters >build/demo-clusters.jsonl
python3 - build/demo-events.jsonl build/demo-clusters.jsonl <<'PY'
import collections, json, sys
events = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
clusters = {c["cluster"]: c for c in map(json.loads, open(sys.argv[2], encoding="utf-8"))}
code = lambda a: a["code"] if a else "-"
dyads = collections.Counter((code(e["actor"]), code(e["recipient"])) for e in events
                            if e["actor"] and e["recipient"])
print("\ntop dyads (asserted events):")
for (a, r), n in dyads.most_common(6):
    print("  %-9s -> %-9s %d" % (a, r, n))
print("\nlatest events (cluster: outlets reporting it):")
seen = set()
for e in sorted(events, key=lambda e: e["date"] or "", reverse=True):
    c = clusters.get(e["cluster"])
    if not c or c["cluster"] in seen:
        continue
    seen.add(c["cluster"])
    print("  %s  %-8s -> %-8s %-9s %-10s %d source%s" % (
        e["date"], code(e["actor"]), code(e["recipient"]), e["event"], e["trigger"][:10],
        c["sources"], "" if c["sources"] == 1 else "s"))
    if len(seen) == 6:
        break
PY
echo "\nfigures ledger (vigil figures --db $DB):"
"$VIGIL" figures --db "$DB" | head -n 24
