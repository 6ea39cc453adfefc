#!/usr/bin/env python3
"""Crash test for `tenderlint inventory scan`: killed with SIGKILL during a scan, run again, the
database ends up equal to a clean scan's.

Makes a corpus (scripts/make-inventory-corpus.py) plus hostile documents (the files in
--crashers, and marker documents for the test-only crash switch TENDERLINT_TEST_CRASH=1, which
make a worker trap, hang or run out of memory), then

  1. scans it once into clean.sqlite, uninterrupted;
  2. starts a scan into killed.sqlite --kills times and sends SIGKILL at a random moment during
     it (between 10 % and 90 % of the clean scan's time for the part not yet stored), checking that no worker process
     outlives its killed parent by more than a few seconds;
  3. runs the scan into killed.sqlite to the end;

and compares the two databases: the report totals, and per document its status, content hash,
finding count and findings (rule, clause, fingerprint). Python standard library only.
Exit 1 when anything differs or a worker was left behind.

    scripts/inventory-kill-test.py --binary .build/release/tenderlint --crashers DIR [--count 400] [--kills 3]
"""

import argparse
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

from proctools import alive, children

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def snapshot(db):
    con = sqlite3.connect(db)
    docs = {}
    for path, status, content, count, error in con.execute(
            "SELECT path, status, contentHash, findingCount, error FROM document WHERE deletedAt IS NULL"):
        docs[path] = (status, content, count, (error or "").split(": ", 1)[-1][:40])
    findings = sorted(con.execute(
        "SELECT d.path, f.ruleId, f.clause, f.fingerprint FROM finding f JOIN document d ON d.id = f.documentId"))
    con.close()
    return docs, findings


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/tenderlint"))
    parser.add_argument("--crashers", help="a folder of hostile files to add to the corpus")
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--document-timeout", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    if args.count > 20000 or args.kills > 20:
        sys.exit("bounded: at most 20000 documents and 20 kills")

    work = tempfile.mkdtemp(prefix="tenderlint-kill-")
    corpus = os.path.join(work, "corpus")
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts/make-inventory-corpus.py"), "--out", corpus,
                    "--count", str(args.count), "--seed", str(args.seed), "--corrupt"], check=True, stdout=subprocess.DEVNULL)
    hostile = os.path.join(corpus, "hostile")
    os.makedirs(hostile)
    if args.crashers:
        for name in sorted(os.listdir(args.crashers)):
            if not name.endswith(".md"):
                shutil.copy(os.path.join(args.crashers, name), hostile)
    text = open(os.path.join(ROOT, "samples/raamovereenkomst-wmo-begeleiding.md"), encoding="utf-8").read()
    for kind in ["trap", "hang", "alloc", "exit"]:
        with open(os.path.join(hostile, f"marker-{kind}.md"), "w", encoding="utf-8") as f:
            f.write(text + f"\n\nTENDERLINT-TEST-CRASH:{kind}\n")
    files = sum(len(f) for _, _, f in os.walk(corpus))
    print(f"# corpus: {files} files in {corpus} ({len(os.listdir(hostile))} hostile)")

    environment = dict(os.environ, TENDERLINT_TEST_CRASH="1")

    def scan(db):
        return [args.binary, "inventory", "scan", corpus, "--db", db, "--jobs", str(args.jobs),
                "--document-timeout", str(args.document_timeout), "--meta-template", "{region}/{municipality}/{year}/*"]

    clean = os.path.join(work, "clean.sqlite")
    started = time.monotonic()
    run = subprocess.run(scan(clean), env=environment, capture_output=True, text=True)
    clean_seconds = time.monotonic() - started
    print(f"# clean scan: exit {run.returncode} in {clean_seconds:.1f} s; {run.stdout.strip()}")
    failed_lines = [l for l in run.stderr.splitlines() if "hostile" in l]
    for line in failed_lines:
        print(f"  unreadable: {line.strip()[len(corpus) + 1:]}")

    killed = os.path.join(work, "killed.sqlite")
    rng = random.Random(args.seed)
    ok = True
    for k in range(args.kills):
        con = sqlite3.connect(killed) if os.path.exists(killed) else None
        done = con.execute("SELECT COUNT(*) FROM document").fetchone()[0] if con else 0
        if con:
            con.close()
        # Somewhere in what is left to do (stored documents are skipped quickly by the rerun).
        remaining = max(0.05, 1 - done / max(1, files))
        process = subprocess.Popen(scan(killed), env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        delay = rng.uniform(0.1, 0.9) * clean_seconds * remaining
        time.sleep(delay)
        workers = children(process.pid)
        still = process.poll() is None
        process.kill()
        process.wait()
        time.sleep(3)
        left = [w for w in workers if alive(w)]
        con = sqlite3.connect(killed)
        stored = con.execute("SELECT COUNT(*) FROM document").fetchone()[0]
        con.close()
        print(f"# kill {k + 1}: SIGKILL after {delay:.1f} s (scan {'running' if still else 'already ended'}), "
              f"{len(workers)} workers then, {len(left)} alive 3 s later, {stored} documents stored so far")
        ok &= not left

    started = time.monotonic()
    final = subprocess.run(scan(killed), env=environment, capture_output=True, text=True)
    print(f"# final run: exit {final.returncode} in {time.monotonic() - started:.1f} s; {final.stdout.strip()}")

    totals = []
    for db in [clean, killed]:
        out = subprocess.run([args.binary, "inventory", "report", "--db", db, "--format", "json"], capture_output=True, text=True, check=True)
        totals.append(json.loads(out.stdout)["totals"])
    print(f"# totals clean : {json.dumps(totals[0], sort_keys=True)}")
    print(f"# totals killed: {json.dumps(totals[1], sort_keys=True)}")
    same_totals = totals[0] == totals[1]
    a, b = snapshot(clean), snapshot(killed)
    same_docs, same_findings = a[0] == b[0], a[1] == b[1]
    print(f"# equal: totals {same_totals}, documents {same_docs} ({len(a[0])}), findings {same_findings} ({len(a[1])})")
    if not same_docs:
        for path in sorted(set(a[0]) | set(b[0])):
            if a[0].get(path) != b[0].get(path):
                print(f"  differs: {path}: {a[0].get(path)} vs {b[0].get(path)}")
    ok &= same_totals and same_docs and same_findings
    if args.keep:
        print(f"# kept {work}")
    else:
        shutil.rmtree(work)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
