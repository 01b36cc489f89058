#!/usr/bin/env python3
"""The baseline of the events comparison: Python's gzip.decompress + json.loads over every
*.json.gz under FOLDER, with no output.

    python-baseline.py FOLDER            # decode every file (in sorted order), print nothing
    python-baseline.py --count FOLDER    # then print the number of records (run.sh's check)

`labsite events --format jsonl FOLDER` must take at most 0.5 x the time of the first form
(Benchmarks/README.md). The baseline does the least a Python reader of a trail has to do: inflate
each file and parse its JSON; it builds no output, so writing is labsite's cost alone.
"""

import gzip
import json
import os
import sys


def main():
    args = sys.argv[1:]
    count = "--count" in args
    folders = [a for a in args if a != "--count"]
    if len(folders) != 1 or folders[0].startswith("-") or not os.path.isdir(folders[0]):
        sys.exit("usage: python-baseline.py [--count] FOLDER")
    paths = sorted(
        os.path.join(d, f) for d, _, fs in os.walk(folders[0]) for f in fs if f.endswith(".json.gz")
    )
    if not paths:
        sys.exit(f"python-baseline.py: no .json.gz files under {folders[0]}")
    records = 0
    for path in paths:
        with open(path, "rb") as handle:
            records += len(json.loads(gzip.decompress(handle.read()))["Records"])
    if count:
        print(records)


if __name__ == "__main__":
    main()
