#!/bin/sh
# demo.sh: codes the bundled sample corpus (data/samples/*.txt) with the
# default dictionaries, writes the records to build/demo.jsonl and prints a
# short summary of what vigil found: counts, the first document's events,
# and the first figures. Usage: scripts/demo.sh [path/to/vigil]
set -eu
cd "$(dirname "$0")/.."
VIGIL=${1:-build/vigil}
OUT=build/demo.jsonl
mkdir -p build
"$VIGIL" code --mentions --stats -j 2 data/samples/*.txt >"$OUT"
python3 - "$OUT" <<'PY'
import collections, json, sys
docs, events, figures = [], [], []
kinds, modes, types = collections.Counter(), collections.Counter(), collections.Counter()
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    if r["type"] == "document":
        docs.append(r)
    elif r["type"] == "mention":
        kinds[r["kind"]] += 1
    elif r["type"] == "event":
        events.append(r)
        modes[r["aux_mode"]] += 1
        types[r["event"] or r["cameo"]] += 1
    elif r["type"] == "figure":
        figures.append(r)
code = lambda a: a["code"] if a else "-"
print("\n%d documents, %d sentences, %d events, %d figures -> %s" % (
    len(docs), sum(d["sentences"] for d in docs), len(events), len(figures), sys.argv[1]))
print("mentions by kind: " + ", ".join("%s %d" % kv for kv in kinds.most_common()))
print("events by aux_mode: " + ", ".join("%s %d" % kv for kv in modes.most_common()))
print("events by PLOVER type: " + ", ".join("%s %d" % kv for kv in types.most_common(10)))
print("\nfirst events of %s:" % (docs[0]["title"] if docs else "-"))
for e in [e for e in events if docs and e["doc"] == docs[0]["doc"]][:8]:
    print("  s%-2d %-8s -> %-8s %-4s %-9s %-12s said by %-7s %s" % (
        e["sentence"], code(e["actor"]), code(e["recipient"]), e["cameo"], e["event"] or "",
        e["aux_mode"], code(e["said_by"]), e["trigger"]))
print("\nfigures (value, qualifier, unit, category, subject, said by):")
for f in figures[:8]:
    print("  %-9s %-13s %-10s %-17s %-7s %s" % (
        f["value"] if f["value"] is not None else
        "%s-%s" % (f["low"], f["high"]) if f["low"] is not None else "(vague)",
        f["qualifier"], f["unit"] or "-", f["category"], code(f["subject"]), code(f["said_by"])))
PY
