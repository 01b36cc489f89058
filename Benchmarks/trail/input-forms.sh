#!/usr/bin/env bash
# labsite events over the same 100,000 events in each form it reads, against the .json.gz files
# (Benchmarks/README.md).
#
#   AFTER=path/to/labsite Benchmarks/trail/input-forms.sh [--rounds N]
#
# The forms are made from the trail corpus of make-trail-corpus.py by make-input-forms.py: 1,000
# lookup-events pages, 1,000 Event history CSV downloads, and each as one file of all events.
# Goal: each form decodes in at most 2 x the time of the .json.gz files.
# Progress goes to stderr; the Markdown table to stdout.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
die() {
    echo "input-forms.sh: error: $*" >&2
    exit 1
}
rounds=5
while [ $# -gt 0 ]; do
    case "$1" in
    --rounds) rounds="${2:?--rounds needs a number}"; shift 2 ;;
    -h | --help) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
    esac
done
[ -n "${AFTER:-}" ] && [ -x "$AFTER" ] || die "AFTER must name a labsite binary (swift build -c release --product labsite)"
[ -x /usr/bin/time ] || die "/usr/bin/time not found (apt-get install -y time)"

corpus="${BENCH_DIR:-$here/../.corpus}"
trail="$corpus/trail-1000"
forms="$corpus/forms-1000"
[ -d "$trail" ] || python3 "$here/make-trail-corpus.py" "$trail" 1000 >&2
[ -f "$forms/history-all.csv" ] || python3 "$here/make-input-forms.py" "$trail" "$forms"

# measure NAME ARGS…: best wall time and largest peak RSS of $rounds runs of `labsite events --format jsonl ARGS…`.
measure() {
    local name="$1" best="" peak=0 seconds kilobytes lines
    shift
    lines="$("$AFTER" events --format jsonl "$@" | wc -l)"
    [ "$lines" -eq 100000 ] || die "$name: $lines events printed, not 100000"
    for round in $(seq "$rounds"); do
        /usr/bin/time -o "$forms/time" -f '%e %M' "$AFTER" events --format jsonl "$@" >/dev/null
        read -r seconds kilobytes < <(tail -n 1 "$forms/time")
        echo "input-forms.sh: $name round $round: $seconds s, $((kilobytes / 1024)) MB" >&2
        if [ -z "$best" ] || awk "BEGIN{exit !($seconds < $best)}"; then best="$seconds"; fi
        [ "$kilobytes" -gt "$peak" ] && peak="$kilobytes"
    done
    echo "$name $best $((peak / 1024))"
}

results=()
results+=("$(measure "1,000 .json.gz log files" "$trail")")
results+=("$(measure "1,000 lookup-events pages" "$forms/lookup")")
results+=("$(measure "1,000 Event history CSV files" "$forms"/history/*.csv)")
results+=("$(measure "one lookup-events file" "$forms/lookup-all.json")")
results+=("$(measure "one Event history CSV file" "$forms/history-all.csv")")

baseline="$(echo "${results[0]}" | awk '{print $(NF-1)}')"
echo "| form (100,000 events) | best s | peak MB | against .json.gz (goal ≤ 2.00) |"
echo "| --- | ---: | ---: | ---: |"
for row in "${results[@]}"; do
    name="${row% * *}"
    read -r seconds megabytes <<<"${row##"$name" }"
    echo "| $name | $seconds | $megabytes | $(awk "BEGIN{printf \"%.2f\", $seconds / $baseline}") |"
done
