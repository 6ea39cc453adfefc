#!/usr/bin/env python3
"""Load test for `tenderlint serve`: concurrent uploads and a mix of good and hostile ones.

Starts the server itself on a free loopback port (with the test-only crash switch
TENDERLINT_TEST_CRASH=1, so documents with a TENDERLINT-TEST-CRASH:<kind> marker make a worker
trap, hang or run out of memory on purpose), then

  1. sends --concurrent uploads of good documents at the same moment;
  2. sends --mixed uploads, good and bad in a fixed shuffled order, --parallel at a time: the
     samples in every format, the hostile files in --crashers (if given), and marker documents;

and prints, per phase, the HTTP statuses per kind of document, p50/p95/max latency, whether
every request was answered, the server's pid and its resident memory (VmRSS, and that of its
workers) before and after. Python standard library only; loopback only; a bounded number of
requests. Exit 1 when a request got no HTTP answer or the server process changed or died.

    scripts/serve-load.py --binary .build/release/tenderlint [--crashers DIR] [--concurrent 50] [--mixed 200]
"""

import argparse
import http.client
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time

from proctools import children, rss_kb

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BOUNDARY = "----tenderlintLoadBoundary"


def multipart(name, data):
    head = (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"{name}\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode()
    return head + data + f"\r\n--{BOUNDARY}--\r\n".encode()


def memory(pid):
    workers = children(pid)
    return {"server_kb": rss_kb(pid), "workers": len(workers), "workers_kb": sum(rss_kb(w) or 0 for w in workers)}


def upload(port, name, data, timeout):
    body = multipart(name, data)
    started = time.monotonic()
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        conn.request("POST", "/lint", body=body, headers={
            "Content-Type": f"multipart/form-data; boundary={BOUNDARY}",
            "Origin": f"http://127.0.0.1:{port}",
        })
        response = conn.getresponse()
        response.read()
        status = response.status
        conn.close()
    except Exception as error:  # no HTTP answer at all
        status = f"no answer ({type(error).__name__})"
    return status, time.monotonic() - started


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1))
    return ordered[k]


def run_phase(port, jobs, parallel, timeout):
    results = [None] * len(jobs)
    index = iter(range(len(jobs)))
    lock = threading.Lock()
    barrier = threading.Barrier(parallel)

    def worker():
        barrier.wait()  # the first `parallel` requests leave at the same moment
        while True:
            with lock:
                i = next(index, None)
            if i is None:
                return
            kind, name, data = jobs[i]
            results[i] = (kind,) + upload(port, name, data, timeout)

    threads = [threading.Thread(target=worker) for _ in range(parallel)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, time.monotonic() - started


def report(title, results, seconds):
    print(f"\n## {title}: {len(results)} uploads in {seconds:.1f} s")
    by_kind = {}
    for kind, status, latency in results:
        by_kind.setdefault(kind, {}).setdefault(status, []).append(latency)
    for kind in sorted(by_kind):
        parts = ", ".join(f"{status}: {len(v)}" for status, v in sorted(by_kind[kind].items(), key=lambda x: str(x[0])))
        print(f"  {kind:10} {parts}")
    latencies = [r[2] for r in results]
    good = [r[2] for r in results if r[0] == "good" and r[1] == 200]
    print(f"  latency all: p50 {percentile(latencies, 50):.2f} s, p95 {percentile(latencies, 95):.2f} s, max {max(latencies):.2f} s")
    if good:
        print(f"  latency good (200): p50 {percentile(good, 50):.2f} s, p95 {percentile(good, 95):.2f} s, max {max(good):.2f} s")
    unanswered = [r for r in results if not isinstance(r[1], int)]
    print(f"  answered: {len(results) - len(unanswered)}/{len(results)}")
    return not unanswered


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/tenderlint"))
    parser.add_argument("--crashers", help="a folder of hostile files to mix in")
    parser.add_argument("--concurrent", type=int, default=50)
    parser.add_argument("--mixed", type=int, default=200)
    parser.add_argument("--parallel", type=int, default=8, help="uploads in flight at once in the mixed phase")
    parser.add_argument("--job-timeout", type=int, default=10)
    parser.add_argument("--max-waiting", type=int, default=None, help="passed to serve as --max-waiting")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.concurrent > 200 or args.mixed > 1000:
        sys.exit("bounded: at most 200 concurrent and 1000 mixed uploads")

    good = []
    for folder in ["samples", "samples/formats"]:
        for name in sorted(os.listdir(os.path.join(ROOT, folder))):
            if re.search(r"\.(md|txt|docx|odt|fodt|pdf)$", name):
                with open(os.path.join(ROOT, folder, name), "rb") as f:
                    good.append(("good", name, f.read()))
    hostile = []
    if args.crashers:
        for name in sorted(os.listdir(args.crashers)):
            if name.endswith(".md"):
                continue
            with open(os.path.join(args.crashers, name), "rb") as f:
                hostile.append(("crasher", name, f.read()))
    text = open(os.path.join(ROOT, "samples/raamovereenkomst-wmo-begeleiding.md"), "rb").read()
    markers = [(kind, f"{kind}.md", text + f"\n\nTENDERLINT-TEST-CRASH:{kind}\n".encode()) for kind in ["trap", "hang", "alloc"]]

    command = [args.binary, "serve", "--port", "0", "--job-timeout", str(args.job_timeout)]
    if args.max_waiting is not None:
        command += ["--max-waiting", str(args.max_waiting)]
    environment = dict(os.environ, TENDERLINT_TEST_CRASH="1")
    server = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = server.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not match:
            sys.exit(f"serve did not start: {line!r}")
        port = int(match.group(1))
        pid = server.pid
        print(f"# tenderlint serve pid {pid} on port {port}: {' '.join(command[1:])}")
        before = memory(pid)
        print(f"  memory at start: server {before['server_kb'] / 1024:.0f} MB, {before['workers']} workers {before['workers_kb'] / 1024:.0f} MB")
        timeout = args.job_timeout * 20 + 60
        ok = True

        jobs = [good[i % len(good)] for i in range(args.concurrent)]
        results, seconds = run_phase(port, jobs, args.concurrent, timeout)
        ok &= report(f"{args.concurrent} concurrent good uploads", results, seconds)
        after1 = memory(pid)
        print(f"  memory after: server {after1['server_kb'] / 1024:.0f} MB, {after1['workers']} workers {after1['workers_kb'] / 1024:.0f} MB")

        rng = random.Random(args.seed)
        pool = good * 6 + hostile * 2 + markers * 2
        jobs = [pool[i % len(pool)] for i in range(args.mixed)]
        rng.shuffle(jobs)
        results, seconds = run_phase(port, jobs, args.parallel, timeout)
        ok &= report(f"{args.mixed} mixed uploads, {args.parallel} at a time", results, seconds)
        after2 = memory(pid)
        print(f"  memory after: server {after2['server_kb'] / 1024:.0f} MB, {after2['workers']} workers {after2['workers_kb'] / 1024:.0f} MB")

        alive = server.poll() is None
        print(f"\n# server pid {pid} still running: {alive}")
        ok &= alive
        return 0 if ok else 1
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    sys.exit(main())
