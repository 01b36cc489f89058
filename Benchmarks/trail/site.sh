#!/usr/bin/env bash
# Times `labsite build` on a site whose content/trail/ holds the 1,000-file, 100,000-event corpus of
# make-trail-corpus.py (and a one-line content/index.md): first builds into empty folders (three by
# default), then two rebuilds over the existing public/ (nothing changed), with wall and CPU seconds
# and peak RSS.
#
#   Benchmarks/trail/site.sh                 # release build in .build-trail, corpus in $TMPDIR
#   LABSITE=/path/to/labsite Benchmarks/trail/site.sh
#   Benchmarks/trail/site.sh --files 100     # the first 100 files only (10,000 events)
#   FIRST_BUILDS=5 Benchmarks/trail/site.sh  # five first builds
#
# Before each run, `sync` writes out what the previous run left in the page cache (0.9 GB): a
# build writes its own pages into memory and the kernel writes them to disk later, and a run should
# not pay for flushing the one before it. After the builds, `create-files.py` times creating as
# many files of the event pages' average size without labsite (the file system's floor at that
# moment), and `labsite events` decodes the trail once as a check of the CPU's speed.
set -euo pipefail
cd "$(dirname "$0")/../.."
files=1000
if [ "${1:-}" = "--files" ]; then files=$2; fi
corpus="${TMPDIR:-/tmp}/labsite-trail-corpus"
if [ ! -d "$corpus/AWSLogs" ]; then
  python3 Benchmarks/trail/make-trail-corpus.py "$corpus"
fi
if [ -z "${LABSITE:-}" ]; then
  swift build -c release --scratch-path .build-trail --product labsite >/dev/null
  LABSITE=.build-trail/release/labsite
fi
site="${TMPDIR:-/tmp}/labsite-trail-site-$files"
# The previous benchmark site is deleted at the end, not now: on ext4 without a journal, creating
# files soon after deleting as many is slowed down by the inode allocator, which would be measured
# as labsite's first build. The kernel passes over every inode freed in the last 60 s, or 360 s
# while the inode's table block is not written back (`recently_deleted()` in fs/ext4/ialloc.c), and
# writing a new inode into that block makes it unwritten again; so a run waits until seven minutes
# after the previous run's deletions ended, which the stamp file records.
stamp="${TMPDIR:-/tmp}/labsite-trail-site.deleted"
if [ -f "$stamp" ]; then
  age=$(($(date +%s) - $(stat -c %Y "$stamp")))
  if [ "$age" -lt 420 ]; then
    echo "waiting $((420 - age)) s: the previous run deleted its sites ${age} s ago"
    sleep $((420 - age))
  fi
fi
previous=""
if [ -d "$site" ]; then previous="$site.old-$$" && mv "$site" "$previous"; fi
mkdir -p "$site/content/trail"
printf -- '---\ntitle: 큰 추적\n---\n\n추적 로그 파일 %s개.\n' "$files" >"$site/content/index.md"
(cd "$corpus" && find AWSLogs -name '*.json.gz' | sort | sed -n "1,${files}p" |
  while read -r file; do mkdir -p "$site/content/trail/$(dirname "$file")" && cp "$file" "$site/content/trail/$file"; done)
echo "site: $(find "$site/content/trail" -name '*.json.gz' | wc -l) log files"
first_builds=${FIRST_BUILDS:-3}
extra=()
run() {
  sync
  /usr/bin/time -f "labsite build, $1: %e s wall, %U s user, %S s system, %M KB peak RSS" \
    "$LABSITE" build --source "$site" "${@:2}" 2>&1 | grep -v '^labsite: search index'
  # labsite deletes the site it replaced in a separate process; let it finish before the next run.
  while pgrep -f "rm -rf -- $site/.public.labsite-old" >/dev/null; do sleep 0.2; done
}
run "first build 1"
# Further first builds go to folders of their own: a new output folder has no build cache.
for number in $(seq 2 "$first_builds"); do
  extra+=("$site/public-$number")
  run "first build $number" --output "$site/public-$number"
done
run "rebuild 1"
run "rebuild 2"
echo "output: $(find "$site/public" -type f | wc -l) files, $(du -sh "$site/public" | cut -f1)"
# What as many files of the same size cost the file system alone right now, and how fast the CPU
# decodes the trail: both change with the state of this virtual machine from one run to the next.
event_pages=$(find "$site/public/events" -maxdepth 1 -name '*.html' | wc -l)
event_bytes=$(find "$site/public/events" -maxdepth 1 -name '*.html' -printf '%s\n' | awk '{ total += $1 } END { print total }')
sync
python3 Benchmarks/trail/create-files.py "$site/probe" "$event_pages" $((event_bytes / event_pages))
/usr/bin/time -f "labsite events --format jsonl (CPU check): %e s wall, %U s user" \
  "$LABSITE" events --format jsonl "$site/content/trail" >/dev/null
rm -rf "${extra[@]}" "$site/probe"
if [ -n "$previous" ]; then rm -rf "$previous"; fi
touch "$stamp"
