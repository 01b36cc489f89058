#!/usr/bin/env python3
"""`labsite serve` under load while a page is edited: failures, descriptors, memory, reloads.

Serves a generated site (Benchmarks/make-corpus.py) with `labsite serve --port 0` and runs
ApacheBench against one page (`ab -r -n REQUESTS -c CONCURRENCY`: HTTP/1.0, a new connection per
request). Then it opens STREAMS live-reload event streams (as STREAMS open pages would) and,
while that page is edited every second, runs `ab -l` again and, unless --small or --no-wrk, wrk
(HTTP/1.1 keep-alive) for --wrk-seconds. Prints the figures and exits 1 when a condition fails:

  - every request answered with 200 (ab: complete = REQUESTS, failed = 0, non-2xx = 0; wrk: no
    socket error and no non-2xx response);
  - the server's open file descriptors (/proc/PID/fd) the same before the load and after it,
    once every connection is closed;
  - its resident memory (VmRSS) growing less than 20 MB from before to after;
  - every event stream told of the last version the server published (a page reloads on the
    first new version it is told of); how many of all the versions published during the run
    reached each stream is reported as well.

    Benchmarks/serve/load.py [--labsite PATH] [--small] [--pages N] [--requests N]
                             [--concurrency N] [--streams N] [--wrk-seconds S] [--no-wrk]

--small is the scaled-down run of scripts/test: 100 pages, 2,000 requests over 20 connections,
10 streams, an edit every 0.25 s, no wrk. Needs `ab` (Debian's apache2-utils) and, for the wrk
run, `wrk`.
"""

import argparse
import os
import re
import selectors
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
RSS_GROWTH_LIMIT_KB = 20 * 1024


def note(text):
    print(text, file=sys.stderr, flush=True)


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.read().decode("utf-8", "replace")


def corpus(pages):
    """A fresh copy of the generated site of `pages` pages (generated once into Benchmarks/.corpus)."""
    folder = os.path.join(ROOT, "Benchmarks", ".corpus", str(pages))
    source = os.path.join(folder, "labsite")
    if not os.path.isdir(os.path.join(source, "content")):
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "make-corpus.py"), str(pages), folder],
                       check=True, stdout=subprocess.DEVNULL)
    copy = tempfile.mkdtemp(prefix=f"labsite-serve-load-{pages}-")
    shutil.copytree(os.path.join(source, "content"), os.path.join(copy, "content"))
    page = pages // 2
    return copy, "content/p/%05d.md" % page, "p/%05d.html" % page


def process_figures(pid):
    """(open descriptors, VmRSS kB, VmHWM kB) of process `pid`."""
    descriptors = len(os.listdir(f"/proc/{pid}/fd"))
    status = {}
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            key, _, value = line.partition(":")
            status[key] = value.strip()
    return descriptors, int(status["VmRSS"].split()[0]), int(status["VmHWM"].split()[0])


class Streams:
    """Live-reload event streams read on one thread; records the versions each one is told of."""

    VERSION = re.compile(rb'"version":(\d+)')

    def __init__(self, host, port, count):
        self.selector = selectors.DefaultSelector()
        self.received = []  # per stream: the bytes so far
        self.closed = []  # per stream: whether the server closed it
        self.lock = threading.Lock()
        self.stopping = False
        request = (f"GET /__labsite/events HTTP/1.1\r\nHost: {host}:{port}\r\n"
                   "Accept: text/event-stream\r\n\r\n").encode()
        for index in range(count):
            connection = socket.create_connection((host, port), timeout=10)
            connection.sendall(request)
            connection.setblocking(False)
            self.selector.register(connection, selectors.EVENT_READ, index)
            self.received.append(b"")
            self.closed.append(False)
        self.thread = threading.Thread(target=self.read, daemon=True)
        self.thread.start()

    def read(self):
        while not self.stopping:
            for key, _ in self.selector.select(timeout=0.1):
                try:
                    data = key.fileobj.recv(65536)
                except BlockingIOError:
                    continue
                except OSError:
                    data = b""
                with self.lock:
                    if data:
                        self.received[key.data] += data
                    else:
                        self.closed[key.data] = True
                if not data:
                    self.selector.unregister(key.fileobj)

    def versions(self):
        """The set of versions each stream was told of."""
        with self.lock:
            return [set(int(v) for v in self.VERSION.findall(data)) for data in self.received]

    def close(self):
        self.stopping = True
        self.thread.join()
        for key in list(self.selector.get_map().values()):
            key.fileobj.close()
        self.selector.close()


class Editor:
    """Appends a line to a page every `interval` seconds until stopped."""

    def __init__(self, path, interval):
        self.path = path
        self.interval = interval
        self.edits = 0
        self.last_marker = None
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def start(self):
        self.thread.start()

    def run(self):
        # The first edit at once, so that even a short load sees one.
        while True:
            marker = f"부하 시험 편집 {self.edits + 1} {time.time_ns()}"
            with open(self.path, "a", encoding="utf-8") as handle:
                handle.write(f"\n{marker}\n")
            self.edits += 1
            self.last_marker = marker
            if self.stopping.wait(self.interval):
                break

    def stop(self):
        self.stopping.set()
        self.thread.join()


def number(pattern, text, default=None, cast=float):
    match = re.search(pattern, text, re.MULTILINE)
    return cast(match.group(1)) if match else default


def run_ab(url, requests, concurrency, timeout, variable_length=True):
    # -l: an edited page changes length, which ab would otherwise count as a failure; -r: a
    # failed receive is counted rather than ending the run.
    command = (["ab"] + (["-l"] if variable_length else []) + ["-r", "-s", str(timeout), "-n", str(requests),
                                                                "-c", str(concurrency), url])
    note("== " + " ".join(command))
    result = subprocess.run(command, capture_output=True, text=True)
    out = result.stdout
    figures = {
        "exit": result.returncode,
        "complete": number(r"^Complete requests:\s+(\d+)", out, 0, int),
        "failed": number(r"^Failed requests:\s+(\d+)", out, None, int),
        "non2xx": number(r"^Non-2xx responses:\s+(\d+)", out, 0, int),
        "rps": number(r"^Requests per second:\s+([\d.]+)", out, 0.0),
        "mean_ms": number(r"^Time per request:\s+([\d.]+) \[ms\] \(mean\)", out, 0.0),
        "p50_ms": number(r"^\s+50%\s+(\d+)", out, 0, int),
        "p99_ms": number(r"^\s+99%\s+(\d+)", out, 0, int),
        "max_ms": number(r"^\s+100%\s+(\d+)", out, 0, int),
    }
    if result.returncode != 0 or figures["failed"] is None:
        note(out[-2000:] + result.stderr[-2000:])
    return figures


def run_wrk(url, concurrency, seconds):
    command = ["wrk", "-t2", f"-c{concurrency}", f"-d{seconds}s", "--timeout", "10s", "--latency", url]
    note("== " + " ".join(command))
    result = subprocess.run(command, capture_output=True, text=True)
    out = result.stdout

    def milliseconds(pattern):
        match = re.search(pattern + r"\s+([\d.]+)(us|ms|s)\b", out, re.MULTILINE)
        if not match:
            return 0.0
        return float(match.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[match.group(2)]

    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    figures = {
        "exit": result.returncode,
        "requests": number(r"^\s+(\d+) requests in", out, 0, int),
        "socket_errors": sum(int(n) for n in errors.groups()) if errors else 0,
        "non2xx": number(r"Non-2xx or 3xx responses:\s+(\d+)", out, 0, int),
        "rps": number(r"^Requests/sec:\s+([\d.]+)", out, 0.0),
        "mean_ms": milliseconds(r"^\s+Latency"),
        "p50_ms": milliseconds(r"^\s+50%"),
        "p99_ms": milliseconds(r"^\s+99%"),
    }
    if result.returncode != 0:
        note(out[-2000:] + result.stderr[-2000:])
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--labsite", default=os.environ.get("LABSITE", os.path.join(ROOT, ".build", "release", "labsite")))
    parser.add_argument("--small", action="store_true", help="the scaled-down run of scripts/test")
    parser.add_argument("--pages", type=int)
    parser.add_argument("--requests", type=int)
    parser.add_argument("--concurrency", type=int)
    parser.add_argument("--streams", type=int)
    parser.add_argument("--wrk-seconds", type=int, default=15)
    parser.add_argument("--no-wrk", action="store_true")
    parser.add_argument("--edit-interval", type=float, help="seconds between edits (1; 0.25 with --small)")
    parser.add_argument("--ab-timeout", type=int, default=30, help="ab's -s: seconds to wait for a response")
    args = parser.parse_args()
    small = args.small
    pages = args.pages or (100 if small else 1000)
    requests = args.requests or (2000 if small else 20000)
    concurrency = args.concurrency or (20 if small else 200)
    stream_count = args.streams or (10 if small else 50)
    # The scaled-down load lasts a few seconds: edits come faster, so that there are a few.
    edit_interval = args.edit_interval or (0.25 if small else 1.0)
    use_wrk = not small and not args.no_wrk
    for tool in ["ab"] + (["wrk"] if use_wrk else []):
        if shutil.which(tool) is None:
            sys.exit(f"load.py: `{tool}` is missing (apt-get install apache2-utils wrk)")
    if not os.access(args.labsite, os.X_OK):
        sys.exit(f"load.py: no labsite binary at {args.labsite}")

    note(f"== labsite serve under load: {pages:,} pages, {requests:,} requests over {concurrency} connections, "
         f"{stream_count} event streams, an edit every {edit_interval:g} s")
    source, page_source, page_url = corpus(pages)
    server = subprocess.Popen([args.labsite, "serve", "--source", source, "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    log = []
    failures = []
    try:
        base = None
        for line in server.stdout:
            match = re.search(r"(http://\S+/)", line)
            if match:
                base = match.group(1)
                break
        if base is None:
            sys.exit(f"load.py: labsite serve did not start: {server.stderr.read()}")
        for pipe in (server.stdout, server.stderr):
            threading.Thread(target=lambda p=pipe: log.extend(p), daemon=True).start()
        host, port = re.match(r"http://([^/:]+):(\d+)/", base).groups()
        url = base + page_url

        # Warm up: the first requests and the first event stream allocate what the server keeps.
        for _ in range(20):
            fetch(url)
        warm = Streams(host, int(port), 2)
        time.sleep(0.5)
        warm.close()
        time.sleep(1)
        fd_before, rss_before, _ = process_figures(server.pid)
        version_before = int(re.search(r"var version = (\d+);", fetch(url)).group(1))

        # First without edits, where every response is the same and ab needs no -l.
        steady = run_ab(url, requests, concurrency, args.ab_timeout, variable_length=False)

        streams = Streams(host, int(port), stream_count)
        editor = Editor(os.path.join(source, page_source), edit_interval)
        started = time.perf_counter()
        editor.start()
        ab = run_ab(url, requests, concurrency, args.ab_timeout)
        wrk = run_wrk(url, concurrency, args.wrk_seconds) if use_wrk else None
        editor.stop()
        load_seconds = time.perf_counter() - started

        # The last edit served, then its version told to every stream.
        deadline = time.perf_counter() + 30
        page = fetch(url)
        while editor.last_marker and editor.last_marker not in page and time.perf_counter() < deadline:
            time.sleep(0.05)
            page = fetch(url)
        version_after = int(re.search(r"var version = (\d+);", page).group(1))
        while time.perf_counter() < deadline and not all(version_after in seen for seen in streams.versions()):
            time.sleep(0.05)
        seen = streams.versions()
        published = range(version_before + 1, version_after + 1)
        delivered = sum(len(versions.intersection(published)) for versions in seen)
        expected = len(published) * stream_count
        with_last = sum(version_after in versions for versions in seen)
        streams.close()

        # Every connection is closed on the client's side; the server closes its own as it notices.
        deadline = time.perf_counter() + 10
        fd_after, rss_after, rss_peak = process_figures(server.pid)
        while fd_after != fd_before and time.perf_counter() < deadline:
            time.sleep(0.1)
            fd_after, rss_after, rss_peak = process_figures(server.pid)
        if server.poll() is not None:
            failures.append(f"the server exited with {server.returncode}")

        rebuilds = sum("rebuilt after" in line for line in log)
        print(f"labsite serve under load: {pages:,} pages, {stream_count} event streams, "
              f"{editor.edits} edits in {load_seconds:.0f} s ({rebuilds} rebuilds)")
        for name, figures in (("ab    -n", steady), ("ab -l -n", ab)):
            print(f"  {name} {requests} -c {concurrency} (HTTP/1.0{', no edits' if figures is steady else ''}): "
                  f"{figures['complete']} complete, {figures['failed']} failed, {figures['non2xx']} non-2xx, "
                  f"{figures['rps']:.0f} requests/s, latency mean {figures['mean_ms']:.0f} ms, "
                  f"median {figures['p50_ms']} ms, 99 % {figures['p99_ms']} ms, max {figures['max_ms']} ms")
        if wrk:
            print(f"  wrk -c {concurrency} -d {args.wrk_seconds} s (HTTP/1.1 keep-alive): {wrk['requests']} requests, "
                  f"{wrk['socket_errors']} socket errors, {wrk['non2xx']} non-2xx, {wrk['rps']:.0f} requests/s, "
                  f"latency mean {wrk['mean_ms']:.1f} ms, median {wrk['p50_ms']:.1f} ms, 99 % {wrk['p99_ms']:.1f} ms")
        print(f"  file descriptors: {fd_before} before, {fd_after} after")
        print(f"  RSS: {rss_before / 1024:.1f} MB before, {rss_after / 1024:.1f} MB after "
              f"({(rss_after - rss_before) / 1024:+.1f} MB), peak {rss_peak / 1024:.1f} MB")
        print(f"  reload events: {delivered} of {expected} delivered ({len(published)} versions × {stream_count} "
              f"streams); {with_last} of {stream_count} streams told of the last version")

        for figures in (steady, ab):
            if (figures["exit"] != 0 or figures["failed"] != 0 or figures["non2xx"] != 0
                    or figures["complete"] != requests):
                failures.append("ab: not every request was answered with 200")
        if wrk and (wrk["exit"] != 0 or wrk["socket_errors"] != 0 or wrk["non2xx"] != 0 or wrk["requests"] == 0):
            failures.append("wrk: socket errors or non-2xx responses")
        if fd_after != fd_before:
            failures.append(f"file descriptors: {fd_before} before, {fd_after} after")
        if rss_after - rss_before >= RSS_GROWTH_LIMIT_KB:
            failures.append(f"RSS grew by {(rss_after - rss_before) / 1024:.1f} MB (limit 20 MB)")
        if editor.edits == 0 or not published:
            failures.append("no edit was published during the run")
        # A page reloads on the first new version it is told of, and a stream that falls behind is
        # sent only the newest state: the condition is that every stream is told of the last one.
        if with_last != stream_count:
            failures.append(f"reload events: {with_last} of {stream_count} streams told of the last version")
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        shutil.rmtree(source, ignore_errors=True)
    for failure in failures:
        print(f"load.py: FAILED: {failure}", file=sys.stderr)
    if failures:
        sys.exit(1)
    print("load.py: every condition met")


if __name__ == "__main__":
    main()
