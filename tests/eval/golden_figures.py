#!/usr/bin/env python3
# golden_figures.py: scores vigil's figures, places and dates on the sample
# corpus (data/samples) against an analyst's expectations in
# tests/golden/corpus/NNN.figures (format: tests/golden/corpus/README.md,
# "Figures, places and dates"). Each article is coded by `$VIGIL code FILE`.
# Prints per article and in total figure recall and precision, place and
# date accuracy; exits 1 when one is worse than
# tests/eval/golden_figures.ratchet, 2 on a bad file or a vigil failure.
# Shares the code matching of golden_corpus.py. Standard library only.
#
# SPDX-License-Identifier: MIT

import argparse
import glob
import json
import os
import re
import subprocess
import sys

import golden_corpus as gc

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_RATCHET = os.path.join(HERE, "golden_figures.ratchet")
KEYS = ("figure_recall_pct", "figure_precision_pct", "place_accuracy_pct",
        "date_accuracy_pct")
QUALIFIERS = re.compile(r"^[a-z_]+$")
CATEGORIES = {"other", "deployed", "killed", "wounded", "killed_or_wounded",
              "captured", "missing", "displaced", "arrested", "casualties"}
PLACE_RE = re.compile(r"^([A-Z]{3}|[A-Z]{2}-[A-Z0-9]{1,12})$")
DATE_RE = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")
VALUE_RE = re.compile(r"^(-|[0-9]+|[0-9]+\.\.[0-9]+)$")


class Want:
    """One line: kind 'fig', 'nofig', 'place' or 'date'."""

    def __init__(self, kind, sentence, lineno, text):
        self.kind, self.sentence, self.lineno, self.text = (
            kind, sentence, lineno, text)

    def matches(self, rec):
        """Whether figure record `rec` satisfies a 'fig' line."""
        if not value_ok(self.value, rec):
            return False
        if self.qualifier is not None and rec.get("qualifier") not in self.qualifier:
            return False
        if self.category is not None and rec.get("category") not in self.category:
            return False
        return (gc.match_code(self.subject, gc.code_of(rec.get("subject")))
                and gc.match_code(self.said_by, gc.code_of(rec.get("said_by"))))


def value_ok(want, rec):
    """`-`: no single value (dozens); N: value N; L..H: low L, high H."""
    if want == "-":
        return rec.get("value") is None
    if ".." in want:
        lo, hi = (int(x) for x in want.split(".."))
        return rec.get("low") == lo and rec.get("high") == hi
    return rec.get("value") == int(want)


def alts(text, where, check):
    """None for `*`, else the tuple of `|` alternatives, each checked."""
    text = text.strip()
    if text == "*":
        return None
    out = tuple(a.strip() for a in text.split("|"))
    for a in out:
        if not check(a):
            raise gc.Bad("%s: bad value %r" % (where, a))
    return out


def parse(raw, where, lineno):
    tag, _, rest = raw.partition(" ")
    fields = gc.FIELD_SEP.split(rest.strip())
    if not fields[0].isdigit() or int(fields[0]) < 1:
        raise gc.Bad("%s: no sentence number" % where)
    s = int(fields[0])
    if tag == "F" and len(fields) == 2 and fields[1] == "none":
        return Want("nofig", s, lineno, raw)
    if tag == "F":
        if len(fields) not in (5, 6, 7):
            raise gc.Bad("%s: F S | value | qualifier | category | subject "
                         "[| said_by]" % where)
        w = Want("fig", s, lineno, raw)
        if not VALUE_RE.match(fields[1]):
            raise gc.Bad("%s: bad value %r" % (where, fields[1]))
        w.value = fields[1]
        w.qualifier = alts(fields[2], where, QUALIFIERS.match)
        w.category = alts(fields[3], where, lambda a: a in CATEGORIES)
        w.subject = gc.Pattern(fields[4], where, gc.CODE_RE)
        w.said_by = gc.Pattern(fields[5] if len(fields) > 5 else "*", where,
                               gc.CODE_RE)
        return w
    if tag == "L" and len(fields) == 2:
        w = Want("place", s, lineno, raw)
        w.place = alts(fields[1], where,
                       lambda a: a == "-" or PLACE_RE.match(a))
        return w
    if tag == "D" and len(fields) == 2:
        w = Want("date", s, lineno, raw)
        w.date = alts(fields[1], where, DATE_RE.match)
        return w
    raise gc.Bad("%s: a line is F S | ..., F S | none, L S | PLACE or "
                 "D S | DATE" % where)


def load(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            raw = raw.strip()
            if raw and not raw.startswith("#"):
                out.append(parse(raw, "%s:%d" % (path, n), n))
    return out


def run_vigil(vigil, path):
    """(document, [event and figure records]) of one article."""
    proc = subprocess.run([vigil, "code", path], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
        raise SystemExit("golden_figures: %s code %s exited %d"
                         % (vigil, path, proc.returncode))
    doc, recs = None, []
    for text in proc.stdout.decode("utf-8").splitlines():
        rec = json.loads(text)
        if rec.get("type") == "document":
            doc = rec
        elif rec.get("type") in ("event", "figure"):
            recs.append(rec)
    if doc is None:
        raise SystemExit("golden_figures: no document record for %s" % path)
    return doc, recs


def place_is(p, loc):
    """Whether event_loc `loc` is place p: an alpha-3 code its country at
    country precision; an ISO 3166-2 code its admin1 (a city in that
    subdivision is finer and fine too)."""
    if len(p) == 3:
        return loc.get("country") == p and loc.get("precision") == "country"
    return loc.get("admin1") == p


def places_ok(want, here):
    """L S | PLACE: some record of sentence S has PLACE and none has another
    place; L S | -: no record of S has a place."""
    locs = [r.get("event_loc") for r in here if r.get("event_loc")]
    if "-" in want and not locs:
        return True
    named = [p for p in want if p != "-"]
    return bool(locs) and all(any(place_is(p, l) for p in named) for l in locs)


def score(lines, recs):
    figs = [r for r in recs if r["type"] == "figure"]
    res = {"fig_expected": 0, "fig_matched": 0, "fig_scored": 0,
           "fig_good": 0, "places": 0, "places_ok": 0, "dates": 0,
           "dates_ok": 0, "missed": []}
    fig_sents = {l.sentence for l in lines if l.kind in ("fig", "nofig")}
    wants = [l for l in lines if l.kind == "fig"]
    res["fig_expected"] = len(wants)
    for s in sorted({w.sentence for w in wants}):
        sw = [w for w in wants if w.sentence == s]
        sf = [f for f in figs if f.get("sentence") == s]
        got = gc.max_matching(sw, sf)
        res["fig_matched"] += len(got)
        res["missed"] += [w.text for i, w in enumerate(sw) if i not in got]
    for f in figs:
        if f.get("sentence") not in fig_sents:
            continue
        res["fig_scored"] += 1
        if any(w.matches(f) for w in wants if w.sentence == f.get("sentence")):
            res["fig_good"] += 1
        else:
            res["missed"].append("EXTRA figure %d: %s %s %s" % (
                f.get("sentence"), f.get("value"), f.get("unit"),
                f.get("category")))
    for l in lines:
        here = [r for r in recs if r.get("sentence") == l.sentence]
        if l.kind == "place":
            res["places"] += 1
            ok = places_ok(l.place, here)
        elif l.kind == "date":
            res["dates"] += 1
            ok = any(r.get("date", "").startswith(d) for r in here
                     for d in l.date)
        else:
            continue
        if ok:
            res[l.kind + "s_ok"] += 1
        else:
            res["missed"].append("%s (vigil: %s)" % (l.text, "; ".join(
                "%s %s" % (r.get("event_loc") and r["event_loc"].get("name"),
                           r.get("date")) for r in here) or "no record"))
    return res


def totals(rows):
    t = {}
    for _, r in rows:
        for k, v in r.items():
            if isinstance(v, int):
                t[k] = t.get(k, 0) + v
    return {
        "articles": len(rows),
        "figures_expected": t["fig_expected"],
        "figure_recall_pct": gc.pct(t["fig_matched"], t["fig_expected"]),
        "figure_precision_pct": gc.pct(t["fig_good"], t["fig_scored"]),
        "places": t["places"],
        "place_accuracy_pct": gc.pct(t["places_ok"], t["places"]),
        "dates": t["dates"],
        "date_accuracy_pct": gc.pct(t["dates_ok"], t["dates"]),
    }


def read_ratchet(path):
    """`key value` lines ('#' starts a comment); every KEY is needed."""
    want = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].split()
            if len(line) == 2:
                want[line[0]] = float(line[1])
    for key in KEYS:
        if key not in want:
            raise SystemExit("golden_figures: %s: no %s" % (path, key))
    return want


def main():
    ap = argparse.ArgumentParser(description="Scores vigil's figures, places "
                                 "and dates against analyst expectations.")
    ap.add_argument("--vigil", default=os.environ.get("VIGIL", "build/vigil"))
    ap.add_argument("--expected", default=gc.DEFAULT_EXPECTED)
    ap.add_argument("--samples", default=gc.DEFAULT_SAMPLES)
    ap.add_argument("--ratchet", default=DEFAULT_RATCHET)
    ap.add_argument("--json", metavar="FILE", help="also write the totals here")
    ap.add_argument("-q", "--quiet", action="store_true")
    ap.add_argument("articles", nargs="*", help="only these numbers (005 ...)")
    args = ap.parse_args()

    files = sorted(glob.glob(os.path.join(args.expected, "[0-9]*.figures")))
    if args.articles:
        files = [f for f in files
                 if os.path.basename(f).split(".")[0] in args.articles]
    if not files:
        raise SystemExit("golden_figures: no .figures files in %s" % args.expected)
    rows = []
    for path in files:
        num = os.path.basename(path).split(".")[0]
        try:
            lines = load(path)
        except gc.Bad as e:
            sys.stderr.write("golden_figures: %s\n" % e)
            return 2
        doc, recs = run_vigil(args.vigil, gc.sample_for(args.samples, num))
        top = max((l.sentence for l in lines), default=0)
        if top > (doc.get("sentences") or 0):
            sys.stderr.write("golden_figures: %s: sentence %d, but vigil finds "
                             "%s sentences\n" % (path, top, doc.get("sentences")))
            return 2
        rows.append((num, score(lines, recs)))
    print("%-7s %8s %8s %9s %7s %7s" % ("article", "figures", "recall",
                                        "precision", "places", "dates"))
    for num, r in rows:
        print("%-7s %8d %7.1f%% %8.1f%% %6.1f%% %6.1f%%" % (
            num, r["fig_expected"], gc.pct(r["fig_matched"], r["fig_expected"]),
            gc.pct(r["fig_good"], r["fig_scored"]),
            gc.pct(r["places_ok"], r["places"]),
            gc.pct(r["dates_ok"], r["dates"])))
        if not args.quiet:
            for m in r["missed"]:
                print("    MISSED %s:%s" % (num, m))
    tot = totals(rows)
    print("articles %d: figure recall %.1f%%, figure precision %.1f%%, place "
          "accuracy %.1f%% (%d), date accuracy %.1f%% (%d)" % (
              tot["articles"], tot["figure_recall_pct"],
              tot["figure_precision_pct"], tot["place_accuracy_pct"],
              tot["places"], tot["date_accuracy_pct"], tot["dates"]))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(tot, f, indent=1, sort_keys=True)
            f.write("\n")
    if args.articles:
        return 0
    want = read_ratchet(args.ratchet)
    bad = 0
    for key in KEYS:
        if tot[key] < want[key]:
            print("golden_figures: %s %.1f is below the ratchet %.1f"
                  % (key, tot[key], want[key]))
            bad = 1
    return bad


if __name__ == "__main__":
    sys.exit(main())
