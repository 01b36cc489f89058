#!/usr/bin/env python3
"""The baseline: Python's gzip + json (or orjson with --orjson) over every *.json.gz under a folder,
writing each record as one compact line, like `labsite events --format jsonl`."""

import gzip
import json
import os
import sys


def main():
    use_orjson = "--orjson" in sys.argv
    folder = [a for a in sys.argv[1:] if not a.startswith("--")][0]
    if use_orjson:
        import orjson
    out = sys.stdout.buffer
    paths = sorted(os.path.join(d, f) for d, _, fs in os.walk(folder) for f in fs if f.endswith(".json.gz"))
    for path in paths:
        with open(path, "rb") as handle:
            data = gzip.decompress(handle.read())
        if use_orjson:
            for record in orjson.loads(data)["Records"]:
                out.write(orjson.dumps(record) + b"\n")
        else:
            for record in json.loads(data)["Records"]:
                out.write(json.dumps(record, separators=(",", ":"), ensure_ascii=False).encode() + b"\n")


if __name__ == "__main__":
    main()
