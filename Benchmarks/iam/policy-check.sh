#!/usr/bin/env bash
# Reviewing policies must be fast enough to run on every build: `labsite policy check` over 1,000
# policy files (Benchmarks/README.md, "Policy review").
#
#   AFTER=path/to/labsite Benchmarks/iam/policy-check.sh [--rounds N] [--policies N]
#
# The files are the 14 AWS managed policy documents of Tests/Fixtures/iam/dataset (from
# iann0036/iam-dataset: small ones such as IAMUserChangePassword, large ones such as the 2 MB
# ReadOnlyAccess), repeated in turn until there are N. Goal: 1,000 policies in under 1 s.
# With PARLIAMENT set to a `parliament` executable (pip install parliament), the same files are
# also reviewed by Parliament, one process over all files, as a reference.
# Progress goes to stderr; the Markdown table to stdout.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
die() {
    echo "policy-check.sh: error: $*" >&2
    exit 1
}

rounds=5
policies=1000
while [ $# -gt 0 ]; do
    case "$1" in
    --rounds) rounds="${2:?--rounds needs a number}"; shift 2 ;;
    --policies) policies="${2:?--policies needs a number}"; shift 2 ;;
    -h | --help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
    esac
done
[ -n "${AFTER:-}" ] && [ -x "$AFTER" ] || die "AFTER must name a labsite binary (swift build -c release --product labsite)"
[ -x /usr/bin/time ] || die "/usr/bin/time not found (apt-get install -y time)"

work="${BENCH_DIR:-$here/../.corpus}/policies-$policies"
if [ ! -d "$work" ]; then
    echo "== writing $policies policy files to $work" >&2
    mkdir -p "$work.tmp"
    python3 - "$root/Tests/Fixtures/iam/dataset" "$work.tmp" "$policies" <<'PY'
import pathlib, sys
source, target, count = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
files = sorted(source.glob("*.json"))
for index in range(count):
    chosen = files[index % len(files)]
    (target / f"{index:04d}-{chosen.name}").write_bytes(chosen.read_bytes())
PY
    mv "$work.tmp" "$work"
fi
bytes=$(du -sb "$work" | cut -f1)

# best_of COMMAND…: the lowest wall time (s) and its peak RSS (MB) over $rounds runs. The command's
# exit status is not checked: `labsite policy check` exits 1 when it finds security warnings.
measure=$(mktemp)
trap 'rm -f "$measure"' EXIT
best_of() {
    local best="" rss=""
    for _ in $(seq "$rounds"); do
        /usr/bin/time -o "$measure" -f "%e %M" "$@" >/dev/null 2>&1 || true
        local seconds kb
        read -r seconds kb < <(tail -1 "$measure")
        if [ -z "$best" ] || awk "BEGIN{exit !($seconds < $best)}"; then best=$seconds; rss=$((kb / 1024)); fi
    done
    echo "$best $rss"
}

echo "== labsite policy check, $policies files, $rounds rounds" >&2
read -r after_s after_mb < <(best_of "$AFTER" policy check "$work"/*.json)
echo "| what | files | bytes | time (best of $rounds) | peak RSS |"
echo "| --- | ---: | ---: | ---: | ---: |"
echo "| \`labsite policy check\` | $policies | $bytes | ${after_s} s | ${after_mb} MB |"
if [ -n "${PARLIAMENT:-}" ]; then
    echo "== parliament, $policies files, $rounds rounds" >&2
    read -r p_s p_mb < <(best_of "$PARLIAMENT" --directory "$work")
    echo "| Parliament \`--directory\` | $policies | $bytes | ${p_s} s | ${p_mb} MB |"
fi
