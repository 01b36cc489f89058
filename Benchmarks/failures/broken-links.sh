#!/usr/bin/env bash
# A build that is going to fail must fail fast: one Markdown page with 200,000 links to headings
# it does not have, against the same page with every link found (Benchmarks/failures/README.md).
#
#   AFTER=path/to/labsite Benchmarks/failures/broken-links.sh [--rounds N] [--links N]
#
# Goal: the broken page fails in under 5 s, and its peak RSS is no more than the working page's
# build needs (memory bounded by the page, not by the number of errors).
# Progress goes to stderr; the Markdown table to stdout.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
die() {
    echo "broken-links.sh: error: $*" >&2
    exit 1
}

rounds=5
links=200000
while [ $# -gt 0 ]; do
    case "$1" in
    --rounds) rounds="${2:?--rounds needs a number}"; shift 2 ;;
    --links) links="${2:?--links needs a number}"; shift 2 ;;
    -h | --help) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
    esac
done
[ -n "${AFTER:-}" ] && [ -x "$AFTER" ] || die "AFTER must name a labsite binary (swift build -c release --product labsite)"
[ -x /usr/bin/time ] || die "/usr/bin/time not found (apt-get install -y time)"

work="${BENCH_DIR:-$here/../.corpus}/broken-links-$links"
# make_page DIR KIND: a page of $links paragraphs, each a link to `#없는-제목`; the working page has
# that heading, the broken one does not: the same bytes but for the heading.
make_page() {
    mkdir -p "$1/content"
    python3 - "$1/content/index.md" "$links" "$2" <<'PY'
import sys
path, count, kind = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(path, "w", encoding="utf-8") as out:
    out.write("---\ntitle: 링크\n---\n# 링크\n\n")
    if kind == "working":
        out.write("## 없는 제목\n\n")
    for i in range(count):
        out.write(f"[없는 제목 {i}](#없는-제목) 문장입니다. 이 링크는 페이지의 제목을 가리킵니다. 한국어 설명 문장.\n\n")
PY
}
[ -f "$work/broken/content/index.md" ] || make_page "$work/broken" broken
[ -f "$work/working/content/index.md" ] || make_page "$work/working" working

echo "| page | runs | best s | peak MB | exit | errors reported |"
echo "| --- | ---: | ---: | ---: | ---: | --- |"
for kind in broken working; do
    best="" peak=0 status=0 summary=""
    for round in $(seq "$rounds"); do
        rm -rf "$work/$kind/public"
        set +e
        /usr/bin/time -o "$work/time" -f '%e %M' "$AFTER" build --no-cache --source "$work/$kind" \
            >/dev/null 2>"$work/stderr"
        status=$?
        set -e
        read -r seconds kilobytes < <(tail -n 1 "$work/time")
        echo "broken-links.sh: $kind round $round: ${seconds} s, $((kilobytes / 1024)) MB, exit $status" >&2
        if [ -z "$best" ] || awk "BEGIN{exit !($seconds < $best)}"; then best="$seconds"; fi
        [ "$kilobytes" -gt "$peak" ] && peak="$kilobytes"
        summary="$(grep -c ': error: ' "$work/stderr" || true) lines, $(grep -o '…and [0-9]* more errors' "$work/stderr" || echo 'no more')"
    done
    [ "$kind" = broken ] && [ "$status" -ne 1 ] && die "the broken page's build exited $status, not 1"
    [ "$kind" = working ] && [ "$status" -ne 0 ] && die "the working page's build exited $status, not 0"
    echo "| $kind ($links links) | $rounds | $best | $((peak / 1024)) | $status | $summary |"
done
