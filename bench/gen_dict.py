#!/usr/bin/env python3
"""gen_dict.py: writes a synthetic native dictionary of --entries entries for
the benchmark: multi-word phrases made from WordNet's noun index (Debian's
wordnet-base) spread over the actor, agent, place and verb sections, so the
matcher is measured at the size of a large real dictionary. Standard library
only; deterministic for a given --seed."""
import argparse, random, sys

def nouns(path):
    words = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith(" "):
                continue
            w = line.split(" ", 1)[0]
            if w.isascii() and w.replace("_", "").isalpha():
                words.append(w.replace("_", " "))
    return words

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=100000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--wordnet", default="/usr/share/wordnet/index.noun")
    ap.add_argument("-o", "--out", required=True)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    words = nouns(a.wordnet)
    seen = set()
    sections = [("actors", lambda i: "X%05dGOV" % i, ""),
                ("agents", lambda i: "MIL", ""),
                ("places", lambda i: "XX-%d" % i, " type=city country=XXX"),
                ("verbs", lambda i: "0%02d" % (10 + i % 90), " goldstein=1.0 quad=1")]
    per = a.entries // len(sections)
    with open(a.out, "w", encoding="utf-8") as out:
        out.write("# synthetic benchmark dictionary (bench/gen_dict.py): %d entries\n" % a.entries)
        for s, (name, code, attrs) in enumerate(sections):
            out.write("[%s]\n" % name)
            n = per if s < len(sections) - 1 else a.entries - per * (len(sections) - 1)
            i = 0
            while i < n:
                k = rnd.choice((1, 2, 2, 3, 3, 4))
                phrase = " ".join(rnd.choice(words) for _ in range(k))
                if len(phrase.split()) > 16 or phrase in seen:
                    continue
                seen.add(phrase)
                if name == "verbs":
                    phrase = "+" + phrase
                out.write("%s = %s%s\n" % (phrase, code(i), attrs))
                i += 1
    print("gen_dict: %d entries -> %s" % (a.entries, a.out), file=sys.stderr)

if __name__ == "__main__":
    main()
