#!/usr/bin/env python3
# plover_gsr.py: measures vigil's event typing and actor coding on the PLOVER
# gold-standard records (PLOVER_GSR_CAMEO.json, path in argv; never copied into
# the project). Each record's text is coded as one document by a single
# `$VIGIL code` run; a record is a type hit when some event has the gold PLOVER
# type (older names mapped), and a type+source hit when such an event's actor
# country is one of the gold source codes. Prints a per-type table, and exits
# 1 when a total falls below tests/eval/plover_gsr.ratchet. Python 3 standard
# library only.
#
# SPDX-License-Identifier: MIT

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import OrderedDict

# Older PLOVER names in the gold file -> the current event types vigil writes.
TYPE_MAP = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}

# Gold source codes that are CAMEO's own rather than ISO 3166 alpha-3.
LEGACY_COUNTRY = {"ITL": "ITA", "JAP": "JPN"}

# Gold codes that name a kind of organization, not a country: an actor whose
# vigil code starts with the same three letters (IGOUNO, NGOHRI) matches.
ORG_CODES = ("IGO", "NGO")

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_RATCHET = os.path.join(HERE, "plover_gsr.ratchet")


def load_gold(path):
    """Returns the gold records that carry a text, without the DOCUMENT
    records."""
    with open(path, encoding="utf-8") as f:
        records = json.load(f)
    return [r for r in records
            if r.get("event") != "DOCUMENT" and isinstance(r.get("text"), str)
            and r["text"].strip()]


def gold_sources(rec):
    """The set of gold source codes of a record (ISO alpha-3 or IGO/NGO)."""
    src = rec.get("source")
    if not isinstance(src, list):
        return set()
    codes = set()
    for actor in src:
        code = actor.get("code") if isinstance(actor, dict) else None
        if isinstance(code, str) and code:
            codes.add(LEGACY_COUNTRY.get(code, code))
    return codes


def run_vigil(vigil, gold):
    """Codes every record's text as one JSON Lines document with one vigil
    run; returns {record id: [event records]}."""
    events = {r["id"]: [] for r in gold}
    with tempfile.TemporaryDirectory() as tmp:
        docs = os.path.join(tmp, "gold.jsonl")
        with open(docs, "w", encoding="utf-8") as f:
            for r in gold:
                doc = {"id": r["id"], "date": r.get("date") or "2000-01-01",
                       "text": r["text"]}
                f.write(json.dumps(doc, ensure_ascii=False) + "\n")
        proc = subprocess.run([vigil, "code", docs], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
        raise SystemExit("plover_gsr: %s code exited %d" % (vigil, proc.returncode))
    for line in proc.stdout.decode("utf-8").splitlines():
        rec = json.loads(line)
        if rec.get("type") == "event" and rec.get("doc") in events:
            events[rec["doc"]].append(rec)
    return events


def source_hit(event, sources):
    actor = event.get("actor") or {}
    country = actor.get("country")
    if country and country in sources:
        return True
    code = actor.get("code") or ""
    return any(code.startswith(org) for org in ORG_CODES if org in sources)


def score(gold, events):
    """Returns per-type rows {gold type: [records, type hits, source hits]}
    and, per record, (type hit, source hit)."""
    rows = OrderedDict()
    per_record = {}
    for r in sorted(gold, key=lambda r: r["event"]):
        want = TYPE_MAP.get(r["event"], r["event"])
        sources = gold_sources(r)
        typed = [e for e in events[r["id"]] if e.get("event") == want]
        t = bool(typed)
        s = any(source_hit(e, sources) for e in typed)
        row = rows.setdefault(r["event"], [0, 0, 0])
        row[0] += 1
        row[1] += t
        row[2] += s
        per_record[r["id"]] = (t, s)
    return rows, per_record


def pct(n, d):
    return round(100.0 * n / d, 1) if d else 0.0


def read_ratchet(path):
    """Reads `key value` lines (type_pct, source_pct); '#' starts a comment."""
    want = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].split()
            if len(line) == 2:
                want[line[0]] = float(line[1])
    for key in ("type_pct", "source_pct"):
        if key not in want:
            raise SystemExit("plover_gsr: %s: no %s" % (path, key))
    return want


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("gold", help="path of PLOVER_GSR_CAMEO.json")
    ap.add_argument("--vigil", default=os.environ.get("VIGIL", "build/vigil"),
                    help="vigil binary (default: $VIGIL, else build/vigil)")
    ap.add_argument("--ratchet", default=DEFAULT_RATCHET,
                    help="file with the lowest acceptable totals")
    ap.add_argument("--json", metavar="FILE", help="also write the figures here")
    ap.add_argument("--misses", action="store_true",
                    help="list the records without a type or source hit")
    args = ap.parse_args()

    gold = load_gold(args.gold)
    events = run_vigil(args.vigil, gold)
    rows, per_record = score(gold, events)

    total = [sum(r[i] for r in rows.values()) for i in range(3)]
    print("%-12s %-8s %7s %7s %9s" % ("gold type", "as", "records", "type %",
                                       "+source %"))
    for name, (n, t, s) in rows.items():
        print("%-12s %-8s %7d %7.1f %9.1f" % (name, TYPE_MAP.get(name, name), n,
                                             pct(t, n), pct(s, n)))
    print("%-12s %-8s %7d %7.1f %9.1f" % ("total", "", total[0],
                                         pct(total[1], total[0]),
                                         pct(total[2], total[0])))
    if args.misses:
        for r in gold:
            t, s = per_record[r["id"]]
            if t and s:
                continue
            got = sorted({"%s:%s" % (e.get("event"), (e.get("actor") or {}).get("country"))
                          for e in events[r["id"]]})
            print("MISS %s %s want=%s/%s got=%s" % (
                "type" if not t else "source", r["id"],
                TYPE_MAP.get(r["event"], r["event"]),
                ",".join(sorted(gold_sources(r))), " ".join(got)))

    figures = {
        "records": total[0],
        "type_pct": pct(total[1], total[0]),
        "source_pct": pct(total[2], total[0]),
        "per_type": {name: {"as": TYPE_MAP.get(name, name), "records": n,
                            "type_pct": pct(t, n), "source_pct": pct(s, n)}
                     for name, (n, t, s) in rows.items()},
    }
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(figures, f, indent=1, sort_keys=True)
            f.write("\n")

    want = read_ratchet(args.ratchet)
    low = [k for k in ("type_pct", "source_pct") if figures[k] < want[k]]
    for k in low:
        print("plover_gsr: %s %.1f is below the ratchet %.1f" % (k, figures[k], want[k]))
    return 1 if low else 0


if __name__ == "__main__":
    sys.exit(main())
