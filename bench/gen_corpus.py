#!/usr/bin/env python3
"""gen_corpus.py: builds the benchmark corpus, JSON Lines of at least
--mb megabytes, from vigil's own sample articles (data/samples/*.txt) with
variation: paragraphs are recombined across articles, and names, numbers and
weekdays are substituted, so the coder cannot profit from exact repetition.
Deterministic for a given --seed. Standard library only."""
import argparse, glob, json, os, random, re, sys

SWAPS = {
    "Monday": ["Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "Russia": ["Belarus", "Iran", "China", "Turkey"],
    "Ukraine": ["Moldova", "Georgia", "Armenia", "Poland"],
    "North Korea": ["Iran", "Syria", "Venezuela"],
    "South Korea": ["Japan", "Taiwan", "the Philippines"],
    "Israel": ["Egypt", "Jordan", "Lebanon"],
}

def read_articles(sample_dir):
    arts = []
    for path in sorted(glob.glob(os.path.join(sample_dir, "*.txt"))):
        with open(path, encoding="utf-8") as f:
            raw = f.read()
        head, sep, body = raw.partition("\n\n")
        if not sep or not re.match(r"(?i)^(title|date|source|url):", head):
            body = raw
        paras = [p for p in re.split(r"\n\s*\n|\n", body) if p.strip()]
        if paras:
            arts.append(paras)
    return arts

def vary(text, rnd):
    for key, alts in SWAPS.items():
        if key in text and rnd.random() < 0.3:
            text = text.replace(key, rnd.choice(alts))
    return re.sub(r"\b\d{2,5}\b",
                  lambda m: str(max(2, int(m.group(0)) + rnd.randint(-9, 9))),
                  text) if rnd.random() < 0.5 else text

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--samples", default="data/samples")
    ap.add_argument("--mb", type=float, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--out", required=True)
    a = ap.parse_args()
    arts = read_articles(a.samples)
    if not arts:
        sys.exit("gen_corpus: no sample articles in " + a.samples)
    rnd = random.Random(a.seed)
    target = int(a.mb * 1e6)
    written = n = 0
    with open(a.out, "w", encoding="utf-8") as out:
        while written < target:
            base = rnd.choice(arts)
            paras = list(base)
            for _ in range(rnd.randint(0, 3)):
                paras.insert(rnd.randint(0, len(paras)), rnd.choice(rnd.choice(arts)))
            text = "\n\n".join(vary(p, rnd) for p in paras)
            day = 1 + n % 28
            rec = {"id": "bench-%07d" % n, "date": "2025-02-%02d" % day,
                   "source": "bench", "text": text}
            line = json.dumps(rec, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            n += 1
    print("gen_corpus: %d documents, %.1f MB -> %s" % (n, written / 1e6, a.out),
          file=sys.stderr)

if __name__ == "__main__":
    main()
