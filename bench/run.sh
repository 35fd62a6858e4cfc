#!/usr/bin/env bash
# Province-scale benchmarks, side by side in one run (see bench/README.md):
#   bash bench/run.sh [HOUSEHOLDS...]          default: 200000 1000000
# For each size: the batch files of one province (real 2025 communes of Lâm Đồng), then
#   (a) the full merge: the sqlite3 floor, tungnha, and the Python peer (bench/peer.py);
#   (b) the weekly delivery, batch 3 of every device into a store holding batches 1–2: the same three;
#   merging the same files again; peak memory of each; the store's size;
#   past figures: the report for today, --as-of a past day, and --format html (its weekly trend included),
#   with the hand-written SQL of bench/report.sql in the sqlite3 shell beside them; the audit of every visit.
# Results go to stdout as a table, and to $BENCH_DIR/N/results.md (N: the number of households).
set -euo pipefail
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(200000 1000000)
root=${BENCH_DIR:-/tmp/tungnha-bench}
work=$root/build
source "$(dirname "$0")/release.sh"
command -v hyperfine > /dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine > /dev/null; }


echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, sqlite3 $(sqlite3 --version | cut -d' ' -f1), $(swift --version 2>&1 | head -n 1), $(python3 --version)"
for households in "${sizes[@]}"; do
  dir=$root/$households
  mkdir -p "$dir"
  generate "$dir" "$households"
  split_weekly "$dir"
  weekly=$(cat "$dir"/b3/*.jsonl | grep -c '"seq":' || true)
  out=$dir/results.md
  {
    echo "### $households households: $(cat "$dir/generate.txt")"
    echo
    echo "batch files: $(du -shL "$dir/batches" | cut -f1); the weekly delivery: $(ls "$dir/b3" | wc -l) files, $weekly events"
    echo
    echo "| | sqlite3 floor | tungnha | Python peer | tungnha ÷ floor | Python ÷ tungnha |"
    echo "|---|---|---|---|---|---|"
  } | tee "$out"

  rm -f "$dir"/*.sqlite*
  read -r floor floor_mb <<< "$(measure bash bench/floor.sh "$dir/batches" "$dir/floor.sqlite")"
  gathering "$dir" "$dir/store.sqlite"
  read -r full full_mb <<< "$(measure "$bin/tungnha" merge "$dir/batches" --db "$dir/store.sqlite" --json)"
  read -r peer peer_mb <<< "$(measure python3 bench/peer.py "$dir/peer.sqlite" "$dir/batches")"
  echo "| (a) full merge, s | $floor | $full | $peer | $(ratio "$full" "$floor") | $(ratio "$peer" "$full") |" | tee -a "$out"
  echo "| (a) peak memory, MB | $floor_mb | $full_mb | $peer_mb | | |" | tee -a "$out"

  # The weekly delivery is short, and its floor swings most from run to run: each side runs three times, each
  # time into a fresh copy of the store that holds batches 1–2, and the median counts.
  gathering "$dir" "$dir/weekly-b12.sqlite"
  "$bin/tungnha" merge "$dir/b12" --db "$dir/weekly-b12.sqlite" --json > /dev/null
  python3 bench/peer.py "$dir/peer-b12.sqlite" "$dir/b12" > /dev/null
  read -r floor3 floor3_mb floor3_runs <<< "$(three_runs "" "" bash bench/floor.sh "$dir/b3" "$dir/floor3.sqlite")"
  read -r week week_mb week_runs <<< "$(three_runs "$dir/weekly-b12.sqlite" "$dir/weekly.sqlite" "$bin/tungnha" merge "$dir/b3" --db "$dir/weekly.sqlite" --json)"
  read -r peer3 peer3_mb peer3_runs <<< "$(three_runs "$dir/peer-b12.sqlite" "$dir/peer-weekly.sqlite" python3 bench/peer.py "$dir/peer-weekly.sqlite" "$dir/b3")"
  rm -f "$dir"/weekly-b12.sqlite* "$dir"/peer-b12.sqlite*
  echo "| (b) weekly delivery, s (median of 3) | $floor3 | $week | $peer3 | $(ratio "$week" "$floor3") | $(ratio "$peer3" "$week") |" | tee -a "$out"
  echo "| (b) the three runs, s | $floor3_runs | $week_runs | $peer3_runs | | |" | tee -a "$out"
  echo "| (b) peak memory, MB (highest of 3) | $floor3_mb | $week_mb | $peer3_mb | | |" | tee -a "$out"

  read -r again again_mb <<< "$(measure "$bin/tungnha" merge "$dir/batches" --db "$dir/store.sqlite" --json)"
  echo "| merge again (everything known), s | | $again ($(ratio "$again" "$full") × the first) | | | |" | tee -a "$out"
  echo "| store after (a) | $(du -h "$dir/floor.sqlite" | cut -f1) | $(du -h "$dir/store.sqlite" | cut -f1) | $(du -h "$dir/peer.sqlite" | cut -f1) | | |" | tee -a "$out"

  hyperfine --warmup 1 --runs 3 --export-json "$dir/reports.json" \
    "sqlite3 $dir/store.sqlite < bench/report.sql" \
    "$bin/tungnha report --db $dir/store.sqlite --format json --lang en" \
    "$bin/tungnha report --db $dir/store.sqlite --format json --lang en --as-of 2026-10-15" \
    "$bin/tungnha report --db $dir/store.sqlite --format html --lang en --out $dir/report.html" > /dev/null
  python3 - "$dir/reports.json" <<'PY' | tee -a "$out"
import json, sys
mean = [r["mean"] for r in json.load(open(sys.argv[1]))["results"]]
print(f"| commune report today, s | {mean[0]:.2f} (bench/report.sql) | {mean[1]:.2f} | | {mean[1] / mean[0]:.2f} | |")
print(f"| report --as-of 2026-10-15, s | | {mean[2]:.2f} | | | |")
print(f"| report --format html (with its 12-week trend), s | | {mean[3]:.2f} | | | |")
PY
  read -r audit audit_mb <<< "$(measure "$bin/tungnha" audit --db "$dir/store.sqlite" --json)"
  echo "| tungnha audit of every visit, s (peak MB) | | $audit ($audit_mb) | | | |" | tee -a "$out"
  echo | tee -a "$out"
done
