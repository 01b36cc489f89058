#!/usr/bin/env bash
# Build-speed benchmark: labsite vs Hugo on the same generated corpus.
#
#   Benchmarks/run.sh [PAGES...]          (default: 1000 10000)
#
# Environment:
#   LABSITE=path     labsite binary (default .build/release/labsite; built with
#                    `swift build -c release --product labsite` if missing)
#   SKIP_LABSITE=1   measure Hugo only (no build, labsite rows "skipped")
#   SKIP_HUGO=1      measure labsite only
#   RUNS=3           cold builds per tool and size (median wall time reported)
#   BENCH_DIR=dir    where corpora and outputs go (default Benchmarks/.corpus)
#   HUGO_SIDEBAR=cached|active   passed to make-corpus.py --hugo-sidebar
#   KEEP_OUTPUT=1    keep the last output of each tool (outputs are large:
#                    the all-pages sidebar makes them grow as pages^2)
#
# Every run starts from an empty output directory (cold build); the corpus
# itself stays in the OS file cache, as it would on a developer's machine.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"

pages=("$@")
[ ${#pages[@]} -gt 0 ] || pages=(1000 10000)
runs="${RUNS:-3}"
bench_dir="${BENCH_DIR:-$here/.corpus}"
hugo_sidebar="${HUGO_SIDEBAR:-cached}"
skip_labsite="${SKIP_LABSITE:-0}"
skip_hugo="${SKIP_HUGO:-0}"

die() { echo "run.sh: $*" >&2; exit 1; }

for n in "${pages[@]}"; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "page count must be a positive integer: $n"
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer: $runs"

if [ ! -x /usr/bin/time ]; then
    die "/usr/bin/time not found (apt-get install -y time)"
fi
command -v python3 >/dev/null || die "python3 not found"

# --- tools -------------------------------------------------------------------

labsite=""
if [ "$skip_labsite" != 1 ]; then
    if [ -n "${LABSITE:-}" ]; then
        labsite="$LABSITE"
        [ -x "$labsite" ] || die "LABSITE=$labsite is not an executable"
    else
        labsite="$root/.build/release/labsite"
        if [ ! -x "$labsite" ]; then
            echo "== building labsite (swift build -c release --product labsite)" >&2
            swift build -c release --product labsite >&2
        fi
        [ -x "$labsite" ] || die "build did not produce $labsite"
    fi
    labsite="$(cd "$(dirname "$labsite")" && pwd)/$(basename "$labsite")"
fi

hugo=""
if [ "$skip_hugo" != 1 ]; then
    if command -v hugo >/dev/null; then
        hugo="$(command -v hugo)"
    else
        echo "== hugo not installed: skipping the Hugo rows (apt-get install -y hugo)" >&2
    fi
fi

# --- helpers -------------------------------------------------------------------

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%g\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
maximum() { sort -g | tail -n 1; }
# Busy CPU time of the whole machine so far, in USER_HZ ticks (1/100 s).
cpu_busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat; }

# measure NAME OUTDIR CMD... : RUNS cold builds; sets m_wall m_mb m_cpu m_cpusec m_out_mb
# m_files (HTML files written) and m_busy ("*" if another process disturbed a run)
measure() {
    local name="$1" out="$2"; shift 2
    local walls=() mems=() cpus=() cpusecs=() i stats log
    m_busy=""
    log="$bench_dir/$name.log"
    for ((i = 1; i <= runs; i++)); do
        rm -rf "$out" ${extra_clean:+"$extra_clean"}
        sync
        stats="$bench_dir/$name.time"
        busy_before="$(cpu_busy)"
        if ! /usr/bin/time -f '%e %M %P %U %S' -o "$stats" "$@" >"$log" 2>&1; then
            cat "$log" >&2
            die "$name failed (run $i): $*"
        fi
        busy_after="$(cpu_busy)"
        read -r wall kb cpu usr sys <"$stats"
        walls+=("$wall"); mems+=("$kb"); cpus+=("${cpu%\%}")
        cpusecs+=("$(awk -v u="$usr" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')")
        # CPU time the rest of the machine used meanwhile, in cores.
        others="$(awk -v b="$busy_before" -v a="$busy_after" -v u="$usr" -v s="$sys" -v w="$wall" \
            'BEGIN { o = ((a - b) / 100 - u - s) / (w > 0 ? w : 1); printf "%.2f", (o < 0 ? 0 : o) }')"
        echo "   run $i: ${wall} s, $((kb / 1024)) MB peak, ${cpu} CPU (other processes: $others cores)" >&2
        if awk -v o="$others" 'BEGIN { exit !(o > 0.25) }'; then
            echo "   warning: other processes used $others cores during this run: it is not a clean measurement" >&2
            busy=1
            m_busy="*"
        fi
    done
    m_wall="$(printf '%s\n' "${walls[@]}" | median)"
    m_mb="$(( $(printf '%s\n' "${mems[@]}" | maximum) / 1024 ))"
    m_cpu="$(printf '%s\n' "${cpus[@]}" | median)"
    m_cpusec="$(printf '%s\n' "${cpusecs[@]}" | median)"
    m_out_mb="$(du -sk "$out" | awk '{ printf "%.0f", $1 / 1024 }')"
    m_files="$(find "$out" -name '*.html' | wc -l)"
    if [ "${KEEP_OUTPUT:-0}" != 1 ]; then rm -rf "$out"; fi
}

# --- run -----------------------------------------------------------------------

mkdir -p "$bench_dir"
gen_hash="$(sha256sum "$here/make-corpus.py" | cut -c1-16)"

rows=()
busy=0
extra_clean=""
add_row() { rows+=("$(printf '| %6s | %-7s | %8s | %7s | %6s | %8s | %9s | %12s |' "$@")"); }

for n in "${pages[@]}"; do
    corpus="$bench_dir/$n"
    stamp="$gen_hash $n $hugo_sidebar"
    if [ "$(cat "$corpus/.stamp" 2>/dev/null || true)" != "$stamp" ]; then
        echo "== generating $n pages in $corpus" >&2
        rm -rf "$corpus"
        python3 "$here/make-corpus.py" "$n" "$corpus" --hugo-sidebar "$hugo_sidebar"
        echo "$stamp" >"$corpus/.stamp"
    fi

    hugo_wall=""
    if [ -n "$hugo" ]; then
        echo "== hugo, $n pages" >&2
        # resources/ is Hugo's cache of processed assets (empty here): remove it too.
        extra_clean="$corpus/hugo/resources"
        measure "hugo-$n" "$corpus/out-hugo" \
            "$hugo" --quiet --source "$corpus/hugo" --destination "$corpus/out-hugo"
        [ "$m_files" -ge "$n" ] || die "hugo wrote $m_files HTML files for $n pages"
        hugo_wall="$m_wall"
        add_row "$n" hugo "$m_wall$m_busy" "$m_mb" "$m_cpu%" "$m_cpusec" "$m_out_mb" "-"
    else
        add_row "$n" hugo "not run" "" "" "" "" ""
    fi

    if [ -n "$labsite" ]; then
        echo "== labsite, $n pages" >&2
        extra_clean=""
        measure "labsite-$n" "$corpus/out-labsite" \
            "$labsite" build --source "$corpus/labsite" --output "$corpus/out-labsite"
        [ "$m_files" -ge "$n" ] || die "labsite wrote $m_files HTML files for $n pages"
        ratio="-"
        if [ -n "$hugo_wall" ]; then
            ratio="$(awk -v a="$m_wall" -v b="$hugo_wall" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
        fi
        add_row "$n" labsite "$m_wall$m_busy" "$m_mb" "$m_cpu%" "$m_cpusec" "$m_out_mb" "$ratio"
    else
        add_row "$n" labsite "skipped" "" "" "" "" ""
    fi
done

echo
echo "$(date -u '+%Y-%m-%d') · $(nproc) cores · $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)" \
     "· ${hugo:+$("$hugo" version | awk '{ print $1, $2 }')} · runs=$runs · hugo sidebar=$hugo_sidebar"
if [ "$busy" = 1 ]; then
    echo "warning: * = other processes used the CPU during some runs of that row (see the warnings above)"
fi
echo
echo "| pages  | tool    | median s | peak MB | CPU    | CPU s    | output MB | labsite/hugo |"
echo "|-------:|---------|---------:|--------:|-------:|---------:|----------:|-------------:|"
printf '%s\n' "${rows[@]}"
