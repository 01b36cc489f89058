#!/usr/bin/env bash
# The speed comparisons that labsite's goals name, each measured side by side (Benchmarks/README.md).
#
#   AFTER=path/to/labsite [BEFORE=path/to/labsite] Benchmarks/run.sh [options]
#
#   pages   `labsite build --no-cache` of a generated site of --pages pages (default 10,000) against
#           Hugo building the same pages with a minimal layout (make-corpus.py --hugo-layout minimal).
#           Goal: at most 0.35 x Hugo's wall time, at most 500 MB peak RSS, at least 170 % CPU.
#   events  `labsite events --format jsonl` over --trail-files CloudTrail files of 100 events
#           (default 1,000) against Python's gzip.decompress + json.loads of the same files with no
#           output (trail/python-baseline.py). Goal: at most 0.5 x Python's wall time.
#   site    `labsite build` of a site whose content/trail/ holds those files, AFTER against BEFORE.
#           Goal: AFTER no slower than BEFORE (needs BEFORE).
#
# Options:
#   --only pages|events|site   run this comparison only (repeatable; default: all three)
#   --rounds N                 rounds (default 5); a round runs each command once, in an order that
#                              rotates from round to round (before, after, hugo; after, hugo, before; …)
#   --pages N                  pages of the generated handout site (default 10,000)
#   --trail-files N            trail log files of 100 events each (default 1,000)
#
# Environment:
#   AFTER=path                 the labsite binary measured (required)
#   BEFORE=path                a second binary measured beside it (optional; may be the same file)
#   BEFORE_LABEL, AFTER_LABEL  names in the table (default: "before"/"after" and the commit of the git
#                              checkout the binary lies in, when its sources are committed and older)
#   BENCH_DIR=dir              corpora and outputs (default Benchmarks/.corpus, git-ignored)
#   SETTLE_SECONDS=420         wait until this long after the previous run deleted its outputs (see
#                              README: ext4 slows creating files soon after deleting as many); 0: no wait
#   KEEP_OUTPUT=1              keep the outputs of every run instead of deleting them at the end
#
# Every run writes into a new, empty output folder (a cold build; outputs are deleted only when the
# script ends, in the background, so no run creates files right after another one's deletions),
# starts after `sync` and goes through `/usr/bin/time -f '%e %M %P'`. The table gives each command's
# best wall time, the CPU of that best run, and the largest peak RSS of all its runs. Other
# processes' CPU time during each run is read from /proc/stat: a run during which they used more
# than 0.25 cores is counted as busy in the table, and a best time from a busy run is starred.
# Progress goes to stderr; the Markdown table goes to stdout.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

die() {
    echo "run.sh: error: $*" >&2
    exit 1
}
note() { echo "$*" >&2; }
usage() {
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//' >&2
    exit "${1:-0}"
}

# --- options -------------------------------------------------------------------------------------

only=()
rounds=5
pages=10000
trail_files=1000
while [ $# -gt 0 ]; do
    case "$1" in
    --only)
        [ $# -ge 2 ] || die "--only needs pages, events or site"
        case "$2" in pages | events | site) only+=("$2") ;; *) die "--only $2: expected pages, events or site" ;; esac
        shift 2
        ;;
    --rounds)
        [ $# -ge 2 ] || die "--rounds needs a number"
        rounds="$2"
        shift 2
        ;;
    --pages)
        [ $# -ge 2 ] || die "--pages needs a number"
        pages="$2"
        shift 2
        ;;
    --trail-files)
        [ $# -ge 2 ] || die "--trail-files needs a number"
        trail_files="$2"
        shift 2
        ;;
    -h | --help) usage 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
    esac
done
for value in "$rounds" "$pages" "$trail_files"; do
    [[ "$value" =~ ^[1-9][0-9]*$ ]] || die "not a positive whole number: $value"
done
[ ${#only[@]} -gt 0 ] || only=(pages events site)
wants() {
    local c
    for c in "${only[@]}"; do [ "$c" = "$1" ] && return 0; done
    return 1
}

bench_dir="${BENCH_DIR:-$here/.corpus}"
settle="${SETTLE_SECONDS:-420}"
[[ "$settle" =~ ^[0-9]+$ ]] || die "SETTLE_SECONDS must be a whole number of seconds: $settle"

# --- tools ---------------------------------------------------------------------------------------

[ -x /usr/bin/time ] || die "/usr/bin/time not found (apt-get install -y time)"
command -v python3 >/dev/null || die "python3 not found"
if wants pages; then
    command -v hugo >/dev/null || die "hugo not found (apt-get install -y hugo), or leave it out: --only events --only site"
fi

absolute() { echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; }
# label_for NAME BINARY: "NAME (abc1234)" when the binary lies in a git checkout whose sources (under
# Sources/ and Package.swift) are committed and older than the binary, so that it was built from them;
# otherwise NAME alone, with a warning.
label_for() {
    local top commit
    if ! top="$(git -C "$(dirname "$2")" rev-parse --show-toplevel 2>/dev/null)"; then
        echo "$1"
        return
    fi
    commit="$(git -C "$top" rev-parse --short=7 HEAD)"
    if [ -n "$(git -C "$top" status --porcelain --untracked-files=no -- Sources Package.swift)" ] ||
        [ -n "$(find "$top/Sources" "$top/Package.swift" -newer "$2" -print -quit 2>/dev/null)" ]; then
        note "run.sh: $2 is older than the sources of its checkout ($commit): it may not be $commit;" \
            "name it with ${1^^}_LABEL"
        echo "$1"
    else
        echo "$1 ($commit)"
    fi
}

[ -n "${AFTER:-}" ] || die "AFTER is not set: AFTER=path/to/labsite Benchmarks/run.sh (build one with
    swift build -c release --product labsite, then AFTER=.build/release/labsite)"
[ -x "$AFTER" ] || die "AFTER=$AFTER is not an executable file"
after_bin="$(absolute "$AFTER")"
after_label="${AFTER_LABEL:-$(label_for after "$after_bin")}"
before_bin=""
before_label=""
if [ -n "${BEFORE:-}" ]; then
    [ -x "$BEFORE" ] || die "BEFORE=$BEFORE is not an executable file"
    before_bin="$(absolute "$BEFORE")"
    before_label="${BEFORE_LABEL:-$(label_for before "$before_bin")}"
fi

# --- measuring -----------------------------------------------------------------------------------

mkdir -p "$bench_dir"
bench_dir="$(cd "$bench_dir" && pwd)"
work="$bench_dir/run-$$"
results="$work/results"
logs="$work/logs"
outputs="$work/out"
mkdir -p "$results" "$logs" "$outputs"
stamp="$bench_dir/.outputs-deleted"

# Outputs are deleted when the script ends, however it ends. Deleting the million files of a full
# run takes long on the reference machine's disk (mounted with online discard), so it goes on in the
# background after the table is printed: .deleting-* holds that process's id, the next run waits for it,
# and the time it ended is noted in $stamp.
cleanup() {
    if [ "${KEEP_OUTPUT:-0}" = 1 ]; then
        note "outputs kept in $outputs"
        rm -rf "$results" "$work/cache"
        return
    fi
    local trash="$bench_dir/.trash-$$"
    mv "$work" "$trash"
    note "== deleting the outputs in the background ($trash); the next run waits for that"
    # shellcheck disable=SC2016 # the quoted script expands its own arguments
    setsid nohup bash -c 'rm -rf -- "$1"; touch -- "$2"; rm -f -- "$3"' \
        _ "$trash" "$stamp" "$bench_dir/.deleting-$$" </dev/null >/dev/null 2>&1 &
    echo "$!" >"$bench_dir/.deleting-$$"
}
trap cleanup EXIT

# Wait for the deletions of earlier runs, and finish one that was interrupted.
wait_for_deletions() {
    local file pid trash
    for file in "$bench_dir"/.deleting-*; do
        [ -e "$file" ] || continue
        pid="$(cat "$file")"
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
            note "== waiting for an earlier run's outputs to be deleted (process $pid)"
            while kill -0 "$pid" 2>/dev/null; do sleep 5; done
        fi
        rm -f "$file"
    done
    for trash in "$bench_dir"/.trash-*; do
        [ -e "$trash" ] || continue
        note "== deleting $trash, left by an earlier run"
        rm -rf "$trash"
        touch "$stamp"
    done
}

ticks="$(getconf CLK_TCK)"
# Busy CPU time of the whole machine so far, in clock ticks (user, nice, system, irq, softirq, steal).
cpu_busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat; }

# timed KEY STDOUT CMD...: one timed run of CMD with its standard output going to STDOUT (stderr to
# the log). Appends "wall_s peak_kb cpu_percent other_cores" to $results/KEY.
timed() {
    local key="$1" out="$2"
    shift 2
    local stats="$work/time" log="$logs/$key.log" busy_before busy_after wall kb cpu usr sys others
    sync
    busy_before="$(cpu_busy)"
    if ! /usr/bin/time -f '%e %M %P %U %S' -o "$stats" "$@" >"$out" 2>"$log"; then
        tail -n 20 "$log" >&2
        die "$key failed: $*"
    fi
    busy_after="$(cpu_busy)"
    read -r wall kb cpu usr sys <"$stats"
    others="$(awk -v b="$busy_before" -v a="$busy_after" -v t="$ticks" -v u="$usr" -v s="$sys" -v w="$wall" \
        'BEGIN { o = ((a - b) / t - u - s) / (w > 0 ? w : 1); printf "%.2f", (o < 0 ? 0 : o) }')"
    echo "$wall $kb ${cpu%\%} $others" >>"$results/$key"
    note "   $key: $wall s, $((kb / 1024)) MB peak, $cpu CPU, other processes $others cores"
}

# summary KEY: sets s_best (s), s_cpu (% of the best run), s_peak (MB, largest over runs), s_runs,
# s_busy (runs during which other processes used more than 0.25 cores) and s_star ("*" when the best
# run was one of them).
summary() {
    read -r s_best s_cpu s_peak s_runs s_busy s_star < <(awk '
        { if (best == "" || $1 < best) { best = $1; cpu = $3; bestbusy = ($4 > 0.25) }
          if ($2 > peak) peak = $2
          if ($4 > 0.25) busy++
          runs++ }
        END { printf "%.2f %s %d %d %d %s\n", best, cpu, peak / 1024, runs, busy, (bestbusy ? "*" : "-") }' "$results/$1")
    [ "$s_star" = "-" ] && s_star=""
    return 0
}

any_busy=0
rows=()
# row COMPARISON COMMAND KEY AGAINST_GOAL
row() {
    summary "$3"
    local runs="$s_runs"
    if [ "$s_busy" -gt 0 ]; then
        runs="$s_runs ($s_busy busy)"
        any_busy=1
    fi
    rows+=("| $1 | $2 | $runs | $s_best$s_star | $s_peak | $s_cpu % | $4 |")
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
# verdict VALUE OP LIMIT: "met" or "not met"
verdict() { if awk -v v="$1" -v l="$3" "BEGIN { exit !(v $2 l) }"; then echo met; else echo "not met"; fi; }

# Each comparison's commands, run as: KEY ROUND. The order of the keys rotates with the round.
rotate() { # ROUND KEY...: the keys starting at position ROUND mod count
    local r="$1"
    shift
    local n=$# i
    local keys=("$@")
    for ((i = 0; i < n; i++)); do echo "${keys[$(((r + i) % n))]}"; done
}
run_rounds() { # RUN_FUNCTION KEY...
    local fn="$1" r key
    shift
    for ((r = 0; r < rounds; r++)); do
        note "== round $((r + 1)) of $rounds"
        while read -r key; do "$fn" "$key" "$r" </dev/null; done < <(rotate "$r" "$@")
    done
}
labsite_keys() { # the labsite commands of a comparison: before (if given) and after
    if [ -n "$before_bin" ]; then echo before; fi
    echo after
}
binary() { if [ "$1" = before ]; then echo "$before_bin"; else echo "$after_bin"; fi; }
label() { if [ "$1" = before ]; then echo "$before_label"; else echo "$after_label"; fi; }

# Read a corpus once so that the first timed run does not pay for reading it from disk.
warm() { find "$1" -type f -exec cat {} + >/dev/null; }

# Wait out ext4's window after a previous run's deletions (README, "Measuring on this machine").
settle_once_done=0
settle_once() {
    [ "$settle_once_done" = 0 ] || return 0
    settle_once_done=1
    [ -f "$stamp" ] || return 0
    local age=$(($(date +%s) - $(stat -c %Y "$stamp")))
    if [ "$age" -lt "$settle" ]; then
        note "== waiting $((settle - age)) s: a previous run deleted its outputs ${age} s ago (SETTLE_SECONDS=$settle)"
        sleep $((settle - age))
    fi
}

# corpus DIR STAMP CMD...: (re)generates DIR with CMD unless DIR/.stamp holds STAMP.
corpus() {
    local dir="$1" want="$2"
    shift 2
    if [ "$(cat "$dir/.stamp" 2>/dev/null || true)" != "$want" ]; then
        note "== generating $dir"
        rm -rf "$dir"
        "$@"
        echo "$want" >"$dir/.stamp"
    fi
}

fmt() { echo "$1" | sed -E ':a; s/^([0-9]+)([0-9]{3})/\1,\2/; ta'; } # 10000 -> 10,000

wait_for_deletions

# Other processes' load before anything starts, over two seconds.
busy_before="$(cpu_busy)"
sleep 2
idle_load="$(awk -v b="$busy_before" -v a="$(cpu_busy)" -v t="$ticks" 'BEGIN { printf "%.2f", (a - b) / t / 2 }')"
note "== other processes used $idle_load cores in the 2 s before the first run"

# --- pages: labsite build --no-cache against Hugo ------------------------------------------------

# has_no_cache KEY: whether that binary knows `build --no-cache` (older ones always render every page
# into an empty output folder).
has_no_cache() { "$(binary "$1")" build --help 2>&1 | grep -q -- --no-cache; }

pages_run() { # KEY ROUND
    local key="$1" r="$2" out="$outputs/pages-$1-$2"
    if [ "$key" = hugo ]; then
        rm -rf "$pages_corpus/hugo/resources"
        timed hugo "$logs/hugo.out" hugo --quiet --source "$pages_corpus/hugo" --destination "$out"
    else
        local flags=(build)
        if has_no_cache "$key"; then flags+=(--no-cache); fi
        mkdir -p "$work/cache/$key-$r"
        XDG_CACHE_HOME="$work/cache/$key-$r" \
            timed "pages-$key" "$logs/pages-$key.out" \
            "$(binary "$key")" "${flags[@]}" --source "$pages_corpus/labsite" --output "$out"
    fi
    local html
    html="$(find "$out" -name '*.html' | wc -l)"
    [ "$html" -ge "$pages" ] || die "$key wrote $html HTML files for $pages pages (see $logs)"
}

if wants pages; then
    pages_corpus="$bench_dir/$pages"
    corpus "$pages_corpus" "$(sha256sum "$here/make-corpus.py" | cut -c1-16) $pages minimal" \
        python3 "$here/make-corpus.py" "$pages" "$pages_corpus" --hugo-layout minimal
    warm "$pages_corpus"
    settle_once
    note "== pages: $(fmt "$pages") pages, labsite build --no-cache against hugo"
    mapfile -t keys < <(labsite_keys)
    run_rounds pages_run "${keys[@]}" hugo
    summary hugo
    hugo_best="$s_best"
    for key in "${keys[@]}"; do
        summary "pages-$key"
        r="$(ratio "$s_best" "$hugo_best")"
        command="labsite build --no-cache"
        has_no_cache "$key" || command="labsite build (no --no-cache flag: a first build)"
        row "$(fmt "$pages") pages" "$command, $(label "$key")" "pages-$key" \
            "$r × Hugo (≤ 0.35: $(verdict "$r" '<=' 0.35)); $s_peak MB (≤ 500: $(verdict "$s_peak" '<=' 500)); $s_cpu % CPU (≥ 170: $(verdict "$s_cpu" '>=' 170))"
    done
    row "$(fmt "$pages") pages" "hugo, minimal layout" hugo ""
fi

# --- events and site: the trail corpus -----------------------------------------------------------

if wants events || wants site; then
    trail_corpus="$bench_dir/trail-$trail_files"
    corpus "$trail_corpus" "$(sha256sum "$here/trail/make-trail-corpus.py" | cut -c1-16) $trail_files" \
        python3 "$here/trail/make-trail-corpus.py" "$trail_corpus" "$trail_files"
    warm "$trail_corpus"
    events=$((trail_files * 100))
fi

events_run() { # KEY ROUND
    if [ "$1" = python ]; then
        timed python /dev/null python3 "$here/trail/python-baseline.py" "$trail_corpus"
    else
        timed "events-$1" /dev/null "$(binary "$1")" events --format jsonl "$trail_corpus"
    fi
}

if wants events; then
    note "== events: $(fmt "$trail_files") files, $(fmt "$events") events, labsite events --format jsonl against python"
    # The same records from all: a check, not timed.
    expected="$(python3 "$here/trail/python-baseline.py" --count "$trail_corpus")"
    [ "$expected" = "$events" ] || die "python-baseline.py counted $expected records, expected $events"
    mapfile -t keys < <(labsite_keys)
    for key in "${keys[@]}"; do
        got="$("$(binary "$key")" events --format jsonl "$trail_corpus" | wc -l)"
        [ "$got" = "$expected" ] || die "labsite events ($(label "$key")) printed $got records, Python read $expected"
    done
    run_rounds events_run "${keys[@]}" python
    summary python
    python_best="$s_best"
    for key in "${keys[@]}"; do
        summary "events-$key"
        r="$(ratio "$s_best" "$python_best")"
        row "$(fmt "$events") events" "labsite events --format jsonl, $(label "$key")" "events-$key" \
            "$r × Python (≤ 0.5: $(verdict "$r" '<=' 0.5))"
    done
    row "$(fmt "$events") events" "python3 gzip.decompress + json.loads" python ""
fi

site_run() { # KEY ROUND
    local key="$1" r="$2" out="$outputs/site-$1-$2"
    # A first build: an empty output folder and no build cache.
    mkdir -p "$work/cache/site-$key-$r"
    XDG_CACHE_HOME="$work/cache/site-$key-$r" \
        timed "site-$key" "$logs/site-$key.out" "$(binary "$key")" build --source "$trail_site" --output "$out"
    local count
    count="$(find "$out/events" -maxdepth 1 -name '*.html' | wc -l)"
    [ "$count" -ge "$events" ] || die "$key wrote $count event pages for $events events (see $logs)"
}

if wants site; then
    trail_site="$bench_dir/trail-site-$trail_files"
    if [ "$(cat "$trail_site/.stamp" 2>/dev/null || true)" != "$(cat "$trail_corpus/.stamp")" ]; then
        note "== laying out $trail_site"
        rm -rf "$trail_site"
        mkdir -p "$trail_site/content/trail"
        printf -- '---\ntitle: 큰 추적\n---\n\n추적 로그 파일 %s개.\n' "$trail_files" >"$trail_site/content/index.md"
        cp -R "$trail_corpus/AWSLogs" "$trail_site/content/trail/"
        cp "$trail_corpus/.stamp" "$trail_site/.stamp"
    fi
    warm "$trail_site/content"
    settle_once
    note "== site: $(fmt "$trail_files") files, $(fmt "$events") events, labsite build (first build)"
    mapfile -t keys < <(labsite_keys)
    run_rounds site_run "${keys[@]}"
    if [ -n "$before_bin" ]; then
        summary site-before
        before_best="$s_best"
        row "$(fmt "$events")-event site" "labsite build, $before_label" site-before ""
        summary site-after
        r="$(ratio "$s_best" "$before_best")"
        row "$(fmt "$events")-event site" "labsite build, $after_label" site-after \
            "$r × before (≤ 1.00: $(verdict "$r" '<=' 1.00))"
    else
        row "$(fmt "$events")-event site" "labsite build, $after_label" site-after "no BEFORE binary to compare with"
    fi
fi

# --- the table -----------------------------------------------------------------------------------

echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC') · $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)" \
    "· $rounds rounds, best of each · other processes before the first run: $idle_load cores"
echo
echo "- after: \`$after_bin\`${before_bin:+"; before: \`$before_bin\`"}$([ "$before_bin" = "$after_bin" ] && echo " (the same binary)")"
if wants pages; then echo "- $(hugo version | awk '{ print "Hugo", $2 }')"; fi
if wants events; then echo "- $(python3 --version)"; fi
if [ "$rounds" -lt 5 ]; then echo "- fewer than 5 rounds: a trial, not a result"; fi
if [ "$any_busy" = 1 ]; then
    echo "- **machine busy**: other processes used more than 0.25 cores during the runs counted as busy;" \
        "a starred time is from such a run. Not a clean measurement: rerun when the machine is quiet."
fi
echo
echo "| comparison | command | runs | best s | peak MB | CPU of best | against the goal |"
echo "| --- | --- | ---: | ---: | ---: | ---: | --- |"
printf '%s\n' "${rows[@]}"
