#!/usr/bin/env bash
# The largest province on one machine (see bench/README.md): Hồ Chí Minh City after the 2025 mergers had
# 3.54 million households in the 2019 census.
#   bash bench/largest.sh [HOUSEHOLDS]          default: 3500000
# Batches 1–2 of every device are merged into an empty store, then batch 3 (the weekly delivery); then the
# commune report for today, beside bench/report.sql in the sqlite3 shell, and the store's size. The sqlite3
# floor is timed for the weekly delivery. About 20 minutes and 25 GB of disk.
set -euo pipefail
households=${1:-3500000}
root=${BENCH_DIR:-/tmp/tungnha-bench}
work=$root/build
source "$(dirname "$0")/release.sh"
command -v hyperfine > /dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine > /dev/null; }
dir=$root/$households
mkdir -p "$dir"
generate "$dir" "$households"
split_weekly "$dir"
out=$dir/results.md
{
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, sqlite3 $(sqlite3 --version | cut -d' ' -f1), $(swift --version 2>&1 | head -n 1)"
  echo
  echo "### $households households: $(cat "$dir/generate.txt")"
  echo
  echo "batch files: $(du -shL "$dir/batches" | cut -f1); batches 1–2: $(ls "$dir/b12" | wc -l) files; the weekly delivery: $(ls "$dir/b3" | wc -l) files"
  echo
  echo "| | seconds | peak memory, MB |"
  echo "|---|---|---|"
} | tee "$out"
rm -f "$dir"/*.sqlite*
gathering "$dir" "$dir/store.sqlite"
read -r first first_mb <<< "$(measure "$bin/tungnha" merge "$dir/b12" --db "$dir/store.sqlite" --json)"
echo "| merge of batches 1–2 into an empty store | $first | $first_mb |" | tee -a "$out"
read -r floor3 floor3_mb <<< "$(measure bash bench/floor.sh "$dir/b3" "$dir/floor3.sqlite")"
read -r week week_mb <<< "$(measure "$bin/tungnha" merge "$dir/b3" --db "$dir/store.sqlite" --json)"
echo "| the weekly delivery (batch 3) | $week ($(ratio "$week" "$floor3") × its sqlite3 floor, $floor3 s) | $week_mb |" | tee -a "$out"
hyperfine --warmup 1 --runs 3 --export-json "$dir/reports.json" \
  "sqlite3 $dir/store.sqlite < bench/report.sql" \
  "$bin/tungnha report --db $dir/store.sqlite --format json --lang en" > /dev/null
python3 - "$dir/reports.json" <<'PY' | tee -a "$out"
import json, sys
mean = [r["mean"] for r in json.load(open(sys.argv[1]))["results"]]
print(f"| commune report today (bench/report.sql in the sqlite3 shell: {mean[0]:.2f} s) | {mean[1]:.2f} | |")
PY
echo "| store after both merges | $(du -h "$dir/store.sqlite" | cut -f1) | |" | tee -a "$out"
