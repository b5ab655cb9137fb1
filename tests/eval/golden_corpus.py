#!/usr/bin/env python3
# golden_corpus.py: scores vigil's events on the sample corpus (data/samples)
# against an analyst's expectations, tests/golden/corpus/NNN.expected (format:
# tests/golden/corpus/README.md). Each article is coded by `$VIGIL code FILE`
# (the date comes from the file's header). Prints per article and in total:
# expected, found, matched, recall, precision and FALSE ASSERTIONS (asserted
# events the text only plans, denies or speculates about), and exits 1 when a
# figure is worse than tests/eval/golden_corpus.ratchet, 2 on a bad
# expectation file or a vigil failure. Python 3 standard library only.
#
# SPDX-License-Identifier: MIT

import argparse
import glob
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_RATCHET = os.path.join(HERE, "golden_corpus.ratchet")
DEFAULT_EXPECTED = os.path.join(ROOT, "tests", "golden", "corpus")
DEFAULT_SAMPLES = os.path.join(ROOT, "data", "samples")

AUX_MODES = {"asserted", "negated", "future", "hypothetical", "historical",
             "denied"}
FIELD_SEP = re.compile(r"\s+\|\s+")
CODE_RE = re.compile(r"^[A-Z]{3,12}$")
CAMEO_RE = re.compile(r"^[0-9]{2,4}$")


class Bad(Exception):
    """An expectation file that does not follow the format."""


class Pattern:
    """One field: None for `*` (anything), () for `-` (null), else a tuple
    of alternatives."""

    def __init__(self, text, where, check, allow_null=True):
        text = text.strip()
        self.null_ok = False
        if text == "*":
            self.alts = None
        elif text == "-" and allow_null:
            self.alts = ()
            self.null_ok = True
        else:
            alts = tuple(a.strip() for a in text.split("|"))
            self.null_ok = allow_null and "-" in alts
            alts = tuple(a for a in alts if a != "-" or not allow_null)
            for a in alts:
                if a != "*" and not check.match(a):
                    raise Bad("%s: bad value %r in %r" % (where, a, text))
            self.alts = None if "*" in alts else alts

    def __repr__(self):
        if self.alts is None:
            return "*"
        return "|".join(self.alts) if self.alts else "-"


def code_compatible(want, got):
    """Actor codes agree when equal, when the expected code is a prefix of
    vigil's (PRK ~ PRKMIL, IGOUNO ~ IGOUNOIAE), or when vigil's code is the
    bare country of the expected one (KORMIL ~ KOR)."""
    if got == want or got.startswith(want):
        return True
    return len(got) == 3 and want.startswith(got)


def match_code(pat, code):
    if pat.alts is None:
        return True
    if code is None:
        return pat.null_ok
    return any(code_compatible(w, code) for w in pat.alts)


def match_cameo(pat, cameo):
    if pat.alts is None:
        return True
    return cameo is not None and any(cameo.startswith(w) for w in pat.alts)


def match_aux(pat, aux):
    return pat.alts is None or aux in pat.alts


def overlap(a, b, cameo=False):
    """Whether two patterns can match the same value (for the trap check)."""
    if a.alts is None or b.alts is None:
        return True
    if a.null_ok and b.null_ok:
        return True
    for x in a.alts:
        for y in b.alts:
            if cameo and (x.startswith(y) or y.startswith(x)):
                return True
            if not cameo and (code_compatible(x, y) or code_compatible(y, x)):
                return True
    return False


class Line:
    """One expectation: kind is 'want', 'may', 'trap' or 'none'."""

    def __init__(self, kind, sentence, lineno, text):
        self.kind = kind
        self.sentence = sentence
        self.lineno = lineno
        self.text = text
        self.actor = self.recipient = self.cameo = self.aux = None
        self.said_by = Pattern("*", "", CODE_RE)
        self.note = ""

    def matches(self, ev):
        if not (match_code(self.actor, code_of(ev.get("actor")))
                and match_code(self.recipient, code_of(ev.get("recipient")))
                and match_cameo(self.cameo, ev.get("cameo"))):
            return False
        if self.kind == "trap":
            return ev.get("aux_mode") == "asserted"
        return (match_aux(self.aux, ev.get("aux_mode"))
                and match_code(self.said_by, code_of(ev.get("said_by"))))


def code_of(obj):
    return obj.get("code") if isinstance(obj, dict) else None


def parse_line(raw, where, lineno):
    kind = "want"
    if raw[0] in "!?":
        kind = "trap" if raw[0] == "!" else "may"
        raw = raw[1:].lstrip()
    fields = FIELD_SEP.split(raw)
    if not fields[0].isdigit() or int(fields[0]) < 1:
        raise Bad("%s: no sentence number" % where)
    line = Line(kind, int(fields[0]), lineno, raw)
    if kind == "want" and len(fields) == 2 and fields[1] == "none":
        line.kind = "none"
        return line
    if kind == "trap":
        if len(fields) < 5:
            raise Bad("%s: a ! line is: !S | actor | recipient | cameo | what"
                      % where)
        line.note = " | ".join(fields[4:])
    elif len(fields) not in (5, 6):
        raise Bad("%s: want S | actor | recipient | cameo | aux_mode"
                  " [| said_by]" % where)
    line.actor = Pattern(fields[1], where, CODE_RE)
    line.recipient = Pattern(fields[2], where, CODE_RE)
    line.cameo = Pattern(fields[3], where, CAMEO_RE, allow_null=False)
    if kind != "trap":
        aux = Pattern(fields[4], where, re.compile(r"^[a-z]+$"), False)
        for a in aux.alts or ():
            if a not in AUX_MODES:
                raise Bad("%s: unknown aux_mode %r" % (where, a))
        line.aux = aux
        if len(fields) == 6:
            line.said_by = Pattern(fields[5], where, CODE_RE)
    return line


def load_expected(path):
    lines = []
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            raw = raw.strip()
            if not raw or raw.startswith("#"):
                continue
            lines.append(parse_line(raw, "%s:%d" % (path, n), n))
    check_traps(path, lines)
    return lines


def check_traps(path, lines):
    """A trap must not overlap a want/may line that allows `asserted`:
    the same event would then be both right and a false assertion."""
    for t in (l for l in lines if l.kind == "trap"):
        for l in lines:
            if (l.kind in ("want", "may") and l.sentence == t.sentence
                    and (l.aux.alts is None or "asserted" in l.aux.alts)
                    and overlap(l.actor, t.actor)
                    and overlap(l.recipient, t.recipient)
                    and overlap(l.cameo, t.cameo, cameo=True)):
                raise Bad("%s:%d: trap overlaps the asserted line %d"
                          % (path, t.lineno, l.lineno))


def run_vigil(vigil, path):
    """Codes one article; returns (document record, [event records])."""
    proc = subprocess.run([vigil, "code", path], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
        raise SystemExit("golden_corpus: %s code %s exited %d"
                         % (vigil, path, proc.returncode))
    doc, events = None, []
    for text in proc.stdout.decode("utf-8").splitlines():
        rec = json.loads(text)
        if rec.get("type") == "document":
            doc = rec
        elif rec.get("type") == "event":
            events.append(rec)
    if doc is None:
        raise SystemExit("golden_corpus: no document record for %s" % path)
    return doc, events


def max_matching(wants, events):
    """Maximum bipartite matching of required lines to events (each event
    satisfies at most one line); returns {line index: event index}."""
    edges = [[j for j, ev in enumerate(events) if w.matches(ev)] for w in wants]
    owner = {}

    def augment(i, seen):
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(wants)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def describe(ev):
    def c(key):
        return code_of(ev.get(key)) or "-"
    return "%s -> %s %s %s said_by=%s trigger=%r" % (
        c("actor"), c("recipient"), ev.get("cameo"), ev.get("aux_mode"),
        c("said_by"), ev.get("trigger"))


def score_article(lines, events):
    """Returns the article's counts and the lists to report."""
    wants = [l for l in lines if l.kind == "want"]
    coded = {l.sentence for l in lines}
    res = {"expected": len(wants), "found": len(events), "matched": 0,
           "scored": 0, "good": 0, "false": 0, "missed": [], "extra": [],
           "false_list": []}
    for s in sorted({l.sentence for l in wants}):
        sw = [w for w in wants if w.sentence == s]
        se = [e for e in events if e.get("sentence") == s]
        got = max_matching(sw, se)
        res["matched"] += len(got)
        res["missed"] += [w for i, w in enumerate(sw) if i not in got]
    for ev in events:
        s = ev.get("sentence")
        here = [l for l in lines if l.sentence == s]
        for t in (l for l in here if l.kind == "trap"):
            if t.matches(ev):
                res["false"] += 1
                res["false_list"].append((t, ev))
                break
        if s not in coded:
            continue
        res["scored"] += 1
        if any(l.kind in ("want", "may") and l.matches(ev) for l in here):
            res["good"] += 1
        else:
            res["extra"].append(ev)
    return res


def pct(n, d):
    return round(100.0 * n / d, 1) if d else 100.0


def read_ratchet(path):
    """Reads `key value` lines; '#' starts a comment."""
    want = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].split()
            if len(line) == 2:
                want[line[0]] = float(line[1])
    for key in ("recall_pct", "precision_pct", "false_assertions"):
        if key not in want:
            raise SystemExit("golden_corpus: %s: no %s" % (path, key))
    return want


def sample_for(samples, num):
    found = glob.glob(os.path.join(samples, num + "_*.txt"))
    if len(found) != 1:
        raise SystemExit("golden_corpus: %d sample files for %s in %s"
                         % (len(found), num, samples))
    return found[0]


def main():
    ap = argparse.ArgumentParser(
        description="Scores vigil on the sample corpus against analyst expectations.")
    ap.add_argument("--vigil", default=os.environ.get("VIGIL", "build/vigil"),
                    help="vigil binary (default: $VIGIL, else build/vigil)")
    ap.add_argument("--expected", default=DEFAULT_EXPECTED,
                    help="folder of NNN.expected files")
    ap.add_argument("--samples", default=DEFAULT_SAMPLES,
                    help="folder of the NNN_*.txt articles")
    ap.add_argument("--ratchet", default=DEFAULT_RATCHET,
                    help="file with the worst acceptable totals")
    ap.add_argument("--json", metavar="FILE", help="also write the figures here")
    ap.add_argument("-q", "--quiet", action="store_true",
                    help="do not list missed and unexpected events")
    ap.add_argument("articles", nargs="*", help="only these numbers (001 ...)")
    args = ap.parse_args()

    files = sorted(glob.glob(os.path.join(args.expected, "[0-9]*.expected")))
    if args.articles:
        files = [f for f in files
                 if os.path.basename(f).split(".")[0] in args.articles]
    if not files:
        raise SystemExit("golden_corpus: no expectation files in %s" % args.expected)

    rows, false_all = [], []
    for path in files:
        num = os.path.basename(path).split(".")[0]
        try:
            lines = load_expected(path)
        except Bad as e:
            sys.stderr.write("golden_corpus: %s\n" % e)
            return 2
        doc, events = run_vigil(args.vigil, sample_for(args.samples, num))
        top = max((l.sentence for l in lines), default=0)
        if top > (doc.get("sentences") or 0):
            sys.stderr.write("golden_corpus: %s: sentence %d, but vigil finds "
                             "%s sentences (segmentation changed?)\n"
                             % (path, top, doc.get("sentences")))
            return 2
        res = score_article(lines, events)
        rows.append((num, res))
        false_all += [(num, t, ev) for t, ev in res["false_list"]]

    tot = {k: sum(r[k] for _, r in rows)
           for k in ("expected", "found", "matched", "scored", "good", "false")}
    head = "%-7s %8s %6s %7s %7s %7s %9s %6s" % (
        "article", "expected", "found", "matched", "recall", "scored",
        "precision", "false")
    print(head)
    for num, r in rows + [("total", tot)]:
        print("%-7s %8d %6d %7d %6.1f%% %7d %8.1f%% %6d" % (
            num, r["expected"], r["found"], r["matched"],
            pct(r["matched"], r["expected"]), r["scored"],
            pct(r["good"], r["scored"]), r["false"]))

    if not args.quiet:
        for num, r in rows:
            for w in r["missed"]:
                print("MISSED %s:%d  %s" % (num, w.sentence, w.text))
            for ev in r["extra"]:
                print("EXTRA  %s:%d  %s" % (num, ev.get("sentence"), describe(ev)))
    for num, t, ev in false_all:
        print("FALSE ASSERTION %s:%d  %s  (%s)" % (num, t.sentence, describe(ev),
                                                   t.note))

    figures = {"articles": len(rows), "expected": tot["expected"],
               "found": tot["found"], "matched": tot["matched"],
               "scored": tot["scored"],
               "recall_pct": pct(tot["matched"], tot["expected"]),
               "precision_pct": pct(tot["good"], tot["scored"]),
               "false_assertions": tot["false"]}
    print("articles %d, expectations %d: recall %.1f%%, precision %.1f%%, "
          "false assertions %d" % (len(rows), tot["expected"],
                                   figures["recall_pct"],
                                   figures["precision_pct"], tot["false"]))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(figures, f, indent=1, sort_keys=True)
            f.write("\n")
    if args.articles:
        return 0
    want = read_ratchet(args.ratchet)
    bad = 0
    for key in ("recall_pct", "precision_pct"):
        if figures[key] < want[key]:
            print("golden_corpus: %s %.1f is below the ratchet %.1f"
                  % (key, figures[key], want[key]))
            bad = 1
    if figures["false_assertions"] > want["false_assertions"]:
        print("golden_corpus: %d false assertions, the ratchet allows %d"
              % (figures["false_assertions"], want["false_assertions"]))
        bad = 1
    return bad


if __name__ == "__main__":
    sys.exit(main())
