#!/usr/bin/env bash
# The province-scale benchmark, in one command (see bench/README.md):
#   bash bench/run.sh [HOUSEHOLDS]      (default 1000000; try 20000 for a quick run)
# Builds in release mode, generates the batch files of one province (real 2025 communes of Lâm Đồng, 68),
# times the sqlite3 floor, the merge into an empty store (peak memory too), the same merge again, and the
# commune report against the hand-written SQL of bench/report.sql.
set -euo pipefail
households=${1:-1000000}
work=${BENCH_DIR:-/tmp/tungnha-bench-$households}
source "$(dirname "$0")/release.sh"
seconds() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -n 1; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(sqlite3 --version | cut -d' ' -f1) (sqlite3 shell), $(swift --version 2>&1 | head -n 1)"
echo "generate: $("$bin/tungnha-bench" generate --out "$work/batches" --households "$households" 2> /dev/null)"
echo "batch files: $(du -sh "$work/batches" | cut -f1)"

read -r floor floor_kb <<< "$(seconds bash bench/floor.sh "$work/batches" "$work/floor.sqlite")"
echo "floor (sqlite3 shell, plain table): ${floor} s"

"$bin/tungnha" init --district-server --device-name "Bench" --db "$work/store.sqlite" > /dev/null
read -r first first_kb <<< "$(seconds "$bin/tungnha" merge "$work/batches" --db "$work/store.sqlite")"
echo "merge into an empty store: ${first} s, peak memory $((first_kb / 1024)) MB, $(python3 -c "print(f'{$first / $floor:.1f}')") × the floor"
read -r second second_kb <<< "$(seconds "$bin/tungnha" merge "$work/batches" --db "$work/store.sqlite")"
echo "merge again (all known): ${second} s, peak memory $((second_kb / 1024)) MB, $(python3 -c "print(f'{$second / $first:.2f}')") × the first merge"
echo "store: $(du -h "$work/store.sqlite" | cut -f1)"

if command -v hyperfine > /dev/null; then
  hyperfine --warmup 1 --runs 5 --export-json "$work/report.json" \
    "sqlite3 $work/store.sqlite < bench/report.sql" \
    "$bin/tungnha report --db $work/store.sqlite --format json --lang en" > /dev/null
  python3 - "$work/report.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
sql, tool = results[0]["mean"], results[1]["mean"]
print(f"commune report: {tool:.3f} s (tungnha) vs {sql:.3f} s (sqlite3 shell, bench/report.sql): {tool / sql:.2f} ×")
PY
fi
