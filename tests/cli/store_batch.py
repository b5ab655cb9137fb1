"""store_batch.py OUT N: writes N JSON Lines documents for the store tests:
the sample articles of data/samples in turn, each with its own id
("batch-<i>") and publication date, so the batch is large but its coding is
known (vigil code gives each document's records)."""
import glob, json, os, sys

root = os.path.join(os.path.dirname(__file__), "..", "..")
texts = []
for path in sorted(glob.glob(os.path.join(root, "data", "samples", "*.txt"))):
    body = open(path, encoding="utf-8").read()
    head, _, text = body.partition("\n\n")
    texts.append(text)
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for i in range(int(sys.argv[2])):
        day = 1 + i % 28
        out.write(json.dumps({"id": "batch-%d" % i, "date": "2025-02-%02d" % day,
                              "source": "outlet %d" % (i % 7), "text": texts[i % len(texts)]}) + "\n")
