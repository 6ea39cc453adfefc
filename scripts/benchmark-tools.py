#!/usr/bin/env python3
"""Helpers for scripts/benchmark.sh: catalogue phrases and copies, and timing without hyperfine.

    benchmark-tools.py phrases RULES                every phrase of the catalogue as fixed strings, one
                                                    a line, for the ripgrep reference (`rg -i -F -f`)
    benchmark-tools.py multiply RULES OUT N         a copy of RULES in OUT with N times the rules:
                                                    N-1 renamed copies of every rule file, with new
                                                    ids and reworded phrases
    benchmark-tools.py measure RUNS -- CMD...       runs CMD (stdout to /dev/null) RUNS times after one
                                                    warm-up; prints "median_s min_s max_rss_kb"; fails
                                                    when CMD exits with 2 or more (1 = findings)

Phrases are read from every rule's `match` and `exceptions` (with `$set` references expanded from
lexicon.yml) and from the lexicon's domain and fact phrases: exactly what the compiled matcher
indexes. The catalogue's phrase syntax becomes plain strings: a phrase with optional words (`[de]`)
is written with and without them; the stars of `*end`, `begin*` and `*part*` are dropped, so those
match as substrings. Plain words match as written, since ripgrep does not stem: the reference pass
does less work than tenderlint (no stemming, no tokens, no rules), which is why it is the floor.
Fixed strings let ripgrep use its multi-literal search (Aho-Corasick / Teddy): one pass over the
text whatever the number of phrases. (A regex alternation with `\w*` for the stars made ripgrep's
lazy DFA thrash: seconds per megabyte, not a floor.)

Needs PyYAML.
"""

import os
import re
import resource
import shutil
import subprocess
import sys
import time

try:
    import yaml
except ImportError:  # pragma: no cover - a setup problem, reported plainly
    sys.exit("benchmark-tools: PyYAML is needed (pip install pyyaml, or apt-get install python3-yaml)")

SPECIAL = ("topics.yml", "lexicon.yml")


def rule_files(rules):
    out = []
    for dirpath, dirnames, filenames in os.walk(rules):
        dirnames[:] = sorted(d for d in dirnames if d != "models" and not d.startswith("."))
        for name in sorted(filenames):
            if name.endswith((".yml", ".yaml")) and not (dirpath == rules and name in SPECIAL):
                out.append(os.path.join(dirpath, name))
    return out


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def groups(spec):
    """The phrase lists of a match or exception spec (quantity groups have none)."""
    if not isinstance(spec, dict):
        return []
    found = []
    for g in ([spec["any"]] if "any" in spec else []) + list(spec.get("all", [])):
        if isinstance(g, dict):
            if "any" in g:
                found.append(g["any"])
        elif isinstance(g, list):
            found.append(g)
        elif isinstance(g, str):
            found.append([g])
    return found


def catalogue_phrases(rules):
    lexicon = load(os.path.join(rules, "lexicon.yml")) if os.path.exists(os.path.join(rules, "lexicon.yml")) else {}
    sets = (lexicon or {}).get("sets", {}) or {}
    phrases = []

    def add(p):
        p = str(p)
        if p.startswith("$"):
            for q in sets.get(p[1:], []):
                add(q)
        else:
            phrases.append(p)

    for path in rule_files(rules):
        rule = load(path) or {}
        for spec in [rule.get("match")] + list(rule.get("exceptions") or []):
            for group in groups(spec):
                for p in group:
                    add(p)
    for key in ("domains", "facts"):
        for lst in ((lexicon or {}).get(key) or {}).values():
            for p in lst:
                add(p)
    seen = set()
    return [p for p in phrases if not (p in seen or seen.add(p))]


def variants(phrase):
    """The fixed strings of one phrase: every choice of its optional words, stars dropped."""
    out = [[]]
    for w in phrase.split():
        optional = w.startswith("[") and w.endswith("]") and len(w) > 2
        core = (w[1:-1] if optional else w).strip("*")
        if not core:
            continue
        out = [v + [core] for v in out] + (out if optional else [])
    return [" ".join(v) for v in out if v]


def reword(phrase, k):
    """A reworded phrase for copy `k`: the same words behind an everyday qualifier, so that the copy
    indexes new phrases and new first words, and still occurs now and then in real text."""
    if phrase.startswith("$"):
        return phrase
    qualifiers = ["jaarlijks", "schriftelijk", "tijdig", "volledig", "desgevraagd", "uiterlijk", "ook", "tevens"]
    return "%s %s" % (qualifiers[(k + len(phrase)) % len(qualifiers)], phrase)


def reword_spec(spec, k):
    if not isinstance(spec, dict):
        return spec
    spec = dict(spec)
    if "any" in spec:
        spec["any"] = [reword(p, k) for p in spec["any"]]
    if "all" in spec:
        new = []
        for g in spec["all"]:
            if isinstance(g, dict) and "any" in g:
                g = dict(g, any=[reword(p, k) for p in g["any"]])
            elif isinstance(g, list):
                g = [reword(p, k) for p in g]
            elif isinstance(g, str):
                g = reword(g, k)
            new.append(g)
        spec["all"] = new
    return spec


def multiply(rules, out, n):
    if os.path.exists(out):
        shutil.rmtree(out)
    shutil.copytree(rules, out)
    originals = rule_files(out)
    for path in originals:
        rule = load(path)
        for k in range(2, n + 1):
            copy = dict(rule)
            copy["id"] = "%s-kopie%d" % (rule["id"], k)
            copy.pop("aliases", None)
            copy["match"] = reword_spec(rule["match"], k)
            copy["exceptions"] = [reword_spec(e, k) for e in rule.get("exceptions") or []]
            target = os.path.join(os.path.dirname(path), copy["id"] + ".yml")
            with open(target, "w", encoding="utf-8") as f:
                yaml.safe_dump(copy, f, allow_unicode=True, sort_keys=False, width=200)
    print("%d rules -> %d rules in %s" % (len(originals), len(rule_files(out)), out))


def measure(runs, cmd):
    times = []
    peak = 0
    for i in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        # Each run is its own child; ru_maxrss of children is the largest child so far, so the
        # peak is read as the maximum over all runs.
        code = subprocess.call(cmd, stdout=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        if code >= 2:
            sys.exit("benchmark-tools: %s exited with %d" % (" ".join(cmd), code))
        peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)
        if i > 0:  # the first run warms the file cache
            times.append(elapsed)
    times.sort()
    print("%.4f %.4f %d" % (times[len(times) // 2], times[0], peak))


def main():
    if len(sys.argv) >= 5 and sys.argv[1] == "measure" and sys.argv[3] == "--":
        measure(int(sys.argv[2]), sys.argv[4:])
    elif len(sys.argv) >= 3 and sys.argv[1] == "phrases":
        seen = set()
        for p in catalogue_phrases(sys.argv[2]):
            for v in variants(p):
                if v not in seen:
                    seen.add(v)
                    print(v)
    elif len(sys.argv) == 5 and sys.argv[1] == "multiply":
        multiply(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
