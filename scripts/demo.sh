#!/bin/sh
# demo.sh: codes the bundled sample corpus (data/samples/*.txt) with the
# default dictionaries, writes the records to build/demo.jsonl and prints a
# short summary of what vigil found. Usage: scripts/demo.sh [path/to/vigil]
set -eu
cd "$(dirname "$0")/.."
VIGIL=${1:-build/vigil}
OUT=build/demo.jsonl
mkdir -p build
"$VIGIL" code --mentions --stats -j 2 data/samples/*.txt >"$OUT"
python3 - "$OUT" <<'PY'
import collections, json, sys
docs, kinds, codes = [], collections.Counter(), collections.Counter()
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    if r["type"] == "document":
        docs.append(r)
    elif r["type"] == "mention":
        kinds[r["kind"]] += 1
        if r["kind"] == "actor":
            codes[r["code"]] += 1
print("\n%d documents, %d sentences -> %s" % (len(docs), sum(d["sentences"] for d in docs), sys.argv[1]))
print("mentions by kind: " + ", ".join("%s %d" % kv for kv in kinds.most_common()))
print("most mentioned actors: " + ", ".join("%s %d" % kv for kv in codes.most_common(12)))
for d in docs[:5]:
    print("  %-18s %s  %-28s %2d sentences  %s" % (d["doc"][:18], d["date"], (d["source"] or "-")[:28], d["sentences"], d["title"] or ""))
PY
