#!/usr/bin/env python3
"""Makes a corpus for trying and timing `tenderlint inventory`: the text samples, varied.

Each document is one of the Markdown and text samples (samples/*.md, samples/formats/*.txt)
with some of its paragraphs left out or repeated and its day counts changed, filed as
<out>/<region>/<municipality>/<year>/tender-NNNNN.md so that
`--meta-template "{region}/{municipality}/{year}/*"` reads its metadata. Every tenth document
gets a sidecar <document>.meta.yml with its own number of providers. Region and municipality
names are made up. The same --seed gives the same files.

    scripts/make-inventory-corpus.py --out /tmp/inventory-corpus --count 10000 [--seed 1] [--corrupt]

--corrupt adds one broken Word file, which a scan must report and skip.
The full benchmark corpus (all formats) is scripts/make-corpus.py. Never commit a generated corpus.
"""

import argparse
import os
import random
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PARTS_A = ["Noord", "Zuid", "Oost", "West", "Hoog", "Laag", "Groot", "Klein", "Oud", "Nieuw"]
PARTS_B = ["veld", "dijk", "broek", "horst", "wijk", "dam", "voorde", "meer", "hoven", "stein", "loo", "berg"]


def samples():
    texts = []
    for folder in [os.path.join(ROOT, "samples"), os.path.join(ROOT, "samples", "formats")]:
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if name.endswith(".md") or name.endswith(".txt"):
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    texts.append(f.read())
    if not texts:
        sys.exit("no samples/*.md or samples/formats/*.txt found; run from a checkout of tenderlint")
    return texts


def vary(text, rng):
    """Leaves out about one paragraph in six, repeats one in twenty, and changes day counts."""
    out = []
    for paragraph in text.split("\n\n"):
        heading = paragraph.lstrip().startswith("#") or len(paragraph) < 60
        if not heading and rng.random() < 0.17:
            continue
        out.append(paragraph)
        if not heading and rng.random() < 0.05:
            out.append(paragraph)
    body = "\n\n".join(out)
    return re.sub(r"\b(\d{2}) (dagen|werkdagen)\b",
                  lambda m: "%d %s" % (rng.choice([14, 30, 45, 60, 90]), m.group(2)), body)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--corrupt", action="store_true")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    texts = samples()
    regions = ["Regio %s%s" % (a, b) for a in PARTS_A[:6] for b in PARTS_B[:2]]  # 12 regions
    municipalities = {r: ["%s%s" % (rng.choice(PARTS_A), rng.choice(PARTS_B)) for _ in range(6)] for r in regions}
    for n in range(1, args.count + 1):
        region = rng.choice(regions)
        municipality = rng.choice(municipalities[region])
        year = rng.choice(range(2021, 2027))
        folder = os.path.join(args.out, region, municipality, str(year))
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, "tender-%05d.md" % n)
        text = vary(rng.choice(texts), rng).replace("Gemeente ", "Gemeente %s " % municipality, 1)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        if n % 10 == 0:
            with open(path + ".meta.yml", "w", encoding="utf-8") as f:
                f.write("aanbieders: %d\nprocedure: %s\n" % (rng.choice([8, 15, 40, 120]),
                                                          rng.choice(["sociale-diensten", "open", "bestuurlijk"])))
    if args.corrupt:
        broken = os.path.join(args.out, regions[0], "kapot.docx")
        os.makedirs(os.path.dirname(broken), exist_ok=True)
        with open(broken, "wb") as f:
            f.write(b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(512)))
    print("%d documents in %s" % (args.count, args.out))


if __name__ == "__main__":
    main()
