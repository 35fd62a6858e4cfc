#!/usr/bin/env bash
# A laptop's daily commands on a store with 5,000 households, start-up included (see bench/README.md):
#   bash bench/laptop.sh [HOUSEHOLDS]
set -euo pipefail
households=${1:-5000}
work=${BENCH_DIR:-/tmp/tungnha-laptop-$households}
source "$(dirname "$0")/release.sh"
export TUNGNHA_DB="$work/laptop.sqlite"
"$bin/tungnha-bench" laptop --db "$TUNGNHA_DB" --households "$households"
code=$("$bin/tungnha" household list --json --limit 1 | python3 -c "import json,sys; print(json.load(sys.stdin)[0]['shortCode'])")
member=$("$bin/tungnha" household show "$code" --json | python3 -c "import json,sys; print(json.load(sys.stdin)['members'][0]['shortCode'])")
echo "store: $(du -h "$TUNGNHA_DB" | cut -f1), household $code, member $member"
hyperfine --warmup 2 --runs 20 \
  "$bin/tungnha household search 'nguyen van'" \
  "$bin/tungnha household show $code" \
  "$bin/tungnha visit $code --outcome met --by Lan --member $member:login=yes"
