#!/usr/bin/env bash
# What signing, sealing and checking cost (see bench/README.md, "Signed and sealed batches"):
#   BEFORE=DIR [AFTER=DIR] bash bench/trust.sh [HOUSEHOLDS]      default 200000
# BEFORE holds the release binaries `tungnha` and `tungnha-bench` of a build without signatures (the commit before
# issue 9). For each side it times, with the same scenario: writing every laptop's batches (tungnha-bench generate:
# a laptop's export, at province scale), merging them all into an empty district store, merging them again, and one
# commune's relay (`export --commune`). The current side (a release build of this checkout, or the binaries in AFTER)
# runs twice: signed only, and signed and sealed.
set -euo pipefail
households=${1:-200000}
before=${BEFORE:?set BEFORE to a folder with the release tungnha and tungnha-bench built before issue 9}
root=${BENCH_DIR:-/tmp/tungnha-bench}/trust-$households
work=$root/build
if [ -n "${AFTER:-}" ]; then bin=$AFTER; else source "$(dirname "$0")/release.sh"; fi
rm -rf "$root/before" "$root/signed" "$root/sealed" "$root"/*.sqlite* "$root"/*.jsonl "$root"/*.tungnha
mkdir -p "$root"

# seconds and peak memory (MB) of a command, "12.34 156"; its output is kept in $root/last.out
seconds() { /usr/bin/time -f "%e %M" -o "$root/last.time" "$@" > "$root/last.out" 2> /dev/null; awk '{printf "%s %d\n", $1, $2 / 1024}' "$root/last.time"; }

side() {  # side NAME TUNGNHA TUNGNHA_BENCH [--seal]
  local name=$1 tool=$2 bench=$3 seal=${4:-}
  local dir=$root/$name db=$root/$name.sqlite
  "$tool" init --district-server --device-name "Bench" --db "$db" > /dev/null
  local extra=()
  if [ -n "$seal" ]; then
    "$tool" enroll show --out "$root/district.tungnha" --db "$db" > /dev/null
    extra=(--seal-to "$root/district.tungnha")
  fi
  read -r generate generate_mb <<< "$(seconds "$bench" generate --out "$dir" --households "$households" "${extra[@]}")"
  if [ -f "$dir.enrollment.jsonl" ]; then
    # The scenario's commune machine vouches for every device: enrolled once, with the fingerprint generate printed.
    "$tool" enroll add "$dir.enrollment.jsonl" --fingerprint "$(sed -n 's/.*--fingerprint //p' "$root/last.out")" --db "$db" > /dev/null
  fi
  read -r merge merge_mb <<< "$(seconds "$tool" merge "$dir" --db "$db" --json)"
  read -r again again_mb <<< "$(seconds "$tool" merge "$dir" --db "$db" --json)"
  cp "$db" "$root/$name-relay.sqlite"
  local commune
  commune=$(sqlite3 "$db" "SELECT commune FROM household GROUP BY commune ORDER BY count(*) DESC LIMIT 1")
  read -r relay relay_mb <<< "$(seconds "$tool" export --commune "$commune" --out "$root/$name-relay" --db "$root/$name-relay.sqlite" --json)"
  echo "| $name | $generate | $merge | $merge_mb | $again | $relay | $(du -sh "$dir" | cut -f1) |"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(swift --version 2>&1 | head -n 1)"
echo "### $households households"
echo
echo "| | generate (s) | merge (s) | merge peak (MB) | merge again (s) | relay of the largest commune (s) | batch files |"
echo "|---|---|---|---|---|---|---|"
side before "$before/tungnha" "$before/tungnha-bench"
side signed "$bin/tungnha" "$bin/tungnha-bench"
side sealed "$bin/tungnha" "$bin/tungnha-bench" --seal
