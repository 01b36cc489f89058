#!/usr/bin/env python3
"""Save-to-served latency of `labsite serve`.

For each site, starts `labsite serve --port 0`, then RUNS times: appends a unique sentence to
one page, and polls that page's URL (every 2 ms) until the sentence is served. Prints the time
from the write to the first response holding it, in milliseconds (median, min, max).

    Benchmarks/serve/bench.py [--labsite PATH] [--runs 7] [--sizes default,10000]

`default` is a copy of the repository's content/ and templates/; a number N is a corpus written
by Benchmarks/make-corpus.py (cached in Benchmarks/.corpus/N/labsite, as run.sh does).
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.read().decode("utf-8", "replace")


def corpus(size):
    folder = os.path.join(ROOT, "Benchmarks", ".corpus", str(size))
    source = os.path.join(folder, "labsite")
    if not os.path.isdir(os.path.join(source, "content")):
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "make-corpus.py"), str(size), folder],
                       check=True)
    copy = tempfile.mkdtemp(prefix=f"labsite-serve-bench-{size}-")
    shutil.copytree(os.path.join(source, "content"), os.path.join(copy, "content"))
    return copy, "content/p/%05d.md" % (size // 2), "p/%05d.html" % (size // 2)


def default_site():
    copy = tempfile.mkdtemp(prefix="labsite-serve-bench-default-")
    for folder in ("content", "templates"):
        shutil.copytree(os.path.join(ROOT, folder), os.path.join(copy, folder))
    return copy, "content/cloudwatch.md", "cloudwatch.html"


def measure(labsite, name, runs):
    source, page, url_path = default_site() if name == "default" else corpus(int(name))
    server = subprocess.Popen([labsite, "serve", "--source", source, "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        start = time.perf_counter()
        base = None
        for line in server.stdout:
            match = re.search(r"(http://\S+/)", line)
            if match:
                base = match.group(1)
                break
        if base is None:
            sys.exit(f"{name}: labsite serve did not start: {server.stderr.read()}")
        print(f"{name}: serving {base} after {time.perf_counter() - start:.2f} s (first build)", file=sys.stderr)
        url = base + url_path
        fetch(url)
        times = []
        path = os.path.join(source, page)
        for run in range(runs):
            time.sleep(0.5)  # let the previous rebuild and the poller settle
            marker = f"벤치마크 문장 {run} {time.time_ns()}"
            with open(path, "a", encoding="utf-8") as handle:
                handle.write(f"\n{marker}\n")
            saved = time.perf_counter()
            deadline = saved + 30
            while marker not in fetch(url):
                if time.perf_counter() > deadline:
                    sys.exit(f"{name}: the edit was not served within 30 s")
                time.sleep(0.002)
            elapsed = (time.perf_counter() - saved) * 1000
            times.append(elapsed)
            print(f"   run {run + 1}: {elapsed:.0f} ms", file=sys.stderr)
        return times
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(source, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--labsite", default=os.environ.get("LABSITE", os.path.join(ROOT, ".build", "release", "labsite")))
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", default="default,10000")
    args = parser.parse_args()
    print("| site | runs | median ms | min ms | max ms |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name in args.sizes.split(","):
        times = measure(args.labsite, name, args.runs)
        label = "default site" if name == "default" else f"{int(name):,} pages"
        print(f"| {label} | {len(times)} | {statistics.median(times):.0f} | {min(times):.0f} | {max(times):.0f} |",
              flush=True)


if __name__ == "__main__":
    main()
