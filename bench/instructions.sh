#!/usr/bin/env bash
# Instructions a merge executes, counted by valgrind's callgrind: the same count on a busy machine, where times
# differ by 15-20 % (see bench/README.md, "This stop: less work per event").
#   bash bench/instructions.sh [FILES]          default: 30
# Merges the first FILES batch files of the 200,000-household province that bench/run.sh generated into an empty
# gathering store, under callgrind, and prints the total. Runs of one binary differ by 2–4 %.
set -euo pipefail
files=${1:-30}
root=${BENCH_DIR:-/tmp/tungnha-bench}
work=$root/instructions
source "$(dirname "$0")/release.sh"
command -v valgrind > /dev/null || { apt-get update -qq && apt-get install -y -qq valgrind > /dev/null; }
dir=$root/200000
[ -d "$dir/batches" ] || { echo "no batch files in $dir: run bash bench/run.sh 200000 first" >&2; exit 1; }
mkdir -p "$work/sample"
for file in $(ls "$dir/batches" | head -n "$files"); do ln -sf "$dir/batches/$file" "$work/sample/"; done
# valgrind cannot read the debug information Swift writes: a copy without it keeps the symbols.
strip --strip-debug -o "$work/tungnha" "$bin/tungnha"
gathering "$dir" "$work/store.sqlite"
valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" "$work/tungnha" merge "$work/sample" --db "$work/store.sqlite" --json \
  2>&1 > /dev/null | sed -n 's/.*Collected : \([0-9]*\).*/\1/p' |
  python3 -c "import sys; n = int(sys.stdin.read()); print(f'{n / 1e9:.2f} billion instructions, merging $files files (callgrind_annotate $work/callgrind.out for where)')"
