#!/usr/bin/env bash
# Times `labsite events --format jsonl` on 1,000 .json.gz files of 100 events beside Python's gzip+json
# (and gzip+orjson when it is installed). Prints wall seconds and peak RSS (KB) of each, 3 runs.
#
#   Benchmarks/trail/run.sh            # corpus in ${TMPDIR:-/tmp}/labsite-trail-corpus (kept between runs)
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus="${TMPDIR:-/tmp}/labsite-trail-corpus"
if [ ! -d "$corpus/AWSLogs" ]; then
  python3 Benchmarks/trail/make-trail-corpus.py "$corpus"
fi
swift build -c release --scratch-path .build-trail --product labsite >/dev/null
labsite=".build-trail/release/labsite"

measure() { # label, command...
  local label=$1
  shift
  for run in 1 2 3; do
    /usr/bin/time -f "$label run $run: %e s wall, %M KB peak RSS" "$@" >/dev/null
  done
}

echo "corpus: $(find "$corpus" -name '*.json.gz' | wc -l) files, $(du -sh "$corpus" | cut -f1) compressed"
# Correctness first: the same number of lines from both.
echo "records: labsite $("$labsite" events --format jsonl "$corpus" | wc -l), python $(python3 Benchmarks/trail/python-baseline.py "$corpus" | wc -l)"
measure "labsite events --format jsonl" "$labsite" events --format jsonl "$corpus"
measure "labsite events (table)" "$labsite" events "$corpus"
measure "python gzip+json" python3 Benchmarks/trail/python-baseline.py "$corpus"
if python3 -c 'import orjson' 2>/dev/null; then
  measure "python gzip+orjson" python3 Benchmarks/trail/python-baseline.py --orjson "$corpus"
fi
measure "zlib inflate only (python gzip.decompress)" python3 -c '
import gzip, os, sys
for d, _, fs in os.walk(sys.argv[1]):
    for f in fs:
        gzip.decompress(open(os.path.join(d, f), "rb").read())' "$corpus"
