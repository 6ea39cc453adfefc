#!/usr/bin/env python3
"""Generates a standard and municipal variants of it for the `tenderlint compare` benchmark.

The standard is made of articles with numbered clauses whose sentences are drawn from the words of
the bundled samples (samples/*.md), so every clause is its own text; each variant renumbers the
articles, moves a few, changes numbers, deletes and adds clauses, and reflows its lines. The same
seed gives the same bytes.

    scripts/make-compare-corpus.py --out /tmp/tl-compare --pages 100 --variants 1
    scripts/make-compare-corpus.py --out /tmp/tl-region --pages 20 --variants 20

Layout of --out: standard.md, variant-01.md …; manifest.tsv (name, clauses, words). Never commit it.
"""
import argparse, glob, os, random, re, textwrap

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORDS_PER_PAGE = 450
CLAUSE = re.compile(r"(?m)^\d+\.\d+ ")


def vocabulary():
    words = set()
    for path in glob.glob(os.path.join(ROOT, "samples", "*.md")):
        for w in re.findall(r"[a-zA-Zëéïöüè]+", open(path, encoding="utf-8").read()):
            if len(w) > 1:
                words.add(w.lower())
    return sorted(words)


def sentence(rng, vocab):
    n = rng.randint(12, 28)
    words = [rng.choice(vocab) for _ in range(n)]
    if rng.random() < 0.4:
        words.insert(rng.randrange(len(words)), str(rng.choice([5, 10, 14, 30, 45, 60, 90])))
        words.insert(rng.randrange(len(words)), "dagen")
    return " ".join(words).capitalize() + "."


def standard(rng, vocab, pages):
    articles, words = [], 0
    while words < pages * WORDS_PER_PAGE:
        title = " ".join(rng.choice(vocab) for _ in range(rng.randint(1, 3))).capitalize()
        clauses = [sentence(rng, vocab) + (" " + sentence(rng, vocab) if rng.random() < 0.3 else "") for _ in range(rng.randint(1, 5))]
        words += sum(len(c.split()) for c in clauses)
        articles.append((title, clauses))
    return articles


def variant(rng, vocab, articles):
    out = []
    for title, clauses in articles:
        if rng.random() < 0.01:
            continue                                   # an article dropped
        kept = []
        for c in clauses:
            r = rng.random()
            if r < 0.03:
                continue                               # a clause removed
            if r < 0.06:
                c = re.sub(r"\b\d+\b", lambda m: str(int(m.group()) * 2), c, count=1)   # a number changed
            elif r < 0.09:
                c = c.replace(" ", "  ", 3)            # harmless spacing
            kept.append(c)
            if rng.random() < 0.03:
                kept.append(sentence(rng, vocab))      # a local addition
        out.append((title, kept or clauses[:1]))
    for _ in range(max(1, len(out) // 100)):           # a few articles moved
        a = out.pop(rng.randrange(len(out)))
        out.insert(rng.randrange(len(out)), a)
    return out


def markdown(articles, reflow):
    parts = []
    for n, (title, clauses) in enumerate(articles, 1):
        parts.append(f"## Artikel {n} {title}")
        for k, c in enumerate(clauses, 1):
            text = f"{n}.{k} {c}"
            parts.append("\n".join(textwrap.wrap(text, 70, break_on_hyphens=False)) if reflow else text)
    return "\n\n".join(parts) + "\n"


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", required=True)
    p.add_argument("--pages", type=int, default=100)
    p.add_argument("--variants", type=int, default=1)
    p.add_argument("--seed", type=int, default=11)
    a = p.parse_args()
    rng = random.Random(a.seed)
    vocab = vocabulary()
    os.makedirs(a.out, exist_ok=True)
    base = standard(rng, vocab, a.pages)
    docs = {"standard": markdown(base, False)}
    for i in range(1, a.variants + 1):
        docs[f"variant-{i:02d}"] = markdown(variant(rng, vocab, base), reflow=i % 2 == 0)
    with open(os.path.join(a.out, "manifest.tsv"), "w", encoding="utf-8") as m:
        for name, text in docs.items():
            with open(os.path.join(a.out, name + ".md"), "w", encoding="utf-8") as f:
                f.write(text)
            clauses = len(re.findall(CLAUSE, text))
            m.write(f"{name}\t{clauses}\t{len(text.split())}\n")


if __name__ == "__main__":
    main()
