#!/usr/bin/env bash
# What signing, sealing and checking cost (see bench/README.md, "Signed and sealed batches"):
#   [BEFORE=DIR] [AFTER=DIR] bash bench/trust.sh [HOUSEHOLDS]      default 200000
# BEFORE, when given, holds the release binaries `tungnha` and `tungnha-bench` of a build without signatures (the
# commit before issue 9); without it only the signed and the sealed sides run, and perf measures the share of the
# merge's and the export's time spent in signatures, seals and their checks. For each side it times, with the same scenario: writing every laptop's batches (tungnha-bench generate:
# a laptop's export, at province scale), merging them all into an empty district store, merging them again, and one
# commune's relay (`export --commune`). The current side (a release build of this checkout, or the binaries in AFTER)
# runs twice: signed only, and signed and sealed.
set -euo pipefail
households=${1:-200000}
before=${BEFORE:-}
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
  "$tool" init --district-server --device-name "Bench" --db "$db" > /dev/null 2>&1
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
[ -z "$before" ] || side before "$before/tungnha" "$before/tungnha-bench"
side signed "$bin/tungnha" "$bin/tungnha-bench"
side sealed "$bin/tungnha" "$bin/tungnha-bench" --seal

# The share of the sealed side's merge and of one laptop's export spent in signatures, seals and their checks
# (Ed25519, X25519/HPKE, ChaCha20-Poly1305, the checks of BatchChecks and BatchTrust), sampled by perf.
command -v perf > /dev/null || { apt-get update -qq && apt-get install -y -qq linux-perf > /dev/null; }
share() {  # share NAME COMMAND...: "NAME: X% of the samples"
  local name=$1; shift
  perf record -q -F 499 -g -o "$root/perf.data" -- "$@" > /dev/null 2>&1
  perf report -i "$root/perf.data" --no-children --sort sym --stdio 2>/dev/null | python3 -c '
import re, sys
crypto = re.compile(r"ed25519|x25519|curve25519|hpke|chacha|poly1305|BatchChecks|BatchTrust|BatchSignature|SealedBatch|Signing|KeyAgreement|base64", re.I)
sha = re.compile(r"sha256", re.I)
shares = [0.0, 0.0]
for line in sys.stdin:
    m = re.match(r"\s+([0-9.]+)%\s+(?:\S+\s+)?\[[.k]\]\s+(.*)", line)
    if m:
        if crypto.search(m.group(2)): shares[0] += float(m.group(1))
        elif sha.search(m.group(2)): shares[1] += float(m.group(1))
print(f"{shares[0]:.1f}% of the samples in signatures, seals and their checks; {shares[1]:.1f}% in SHA-256 (the checksum, and the seal'"'"'s)")' | sed "s/^/$name: /"
}
# A fresh store and files sealed to it, so that the timed sides above run without perf.
rm -rf "$root/share.sqlite"* "$root/share" "$root/share.enrollment.jsonl"
"$bin/tungnha" init --district-server --device-name "Bench" --db "$root/share.sqlite" > /dev/null 2>&1
"$bin/tungnha" enroll show --out "$root/share.tungnha" --db "$root/share.sqlite" > /dev/null
"$bin/tungnha-bench" generate --out "$root/share" --households "$households" --seal-to "$root/share.tungnha" > "$root/share.out" 2> /dev/null
"$bin/tungnha" enroll add "$root/share.enrollment.jsonl" --fingerprint "$(sed -n 's/.*--fingerprint //p' "$root/share.out")" --db "$root/share.sqlite" > /dev/null
echo
share "merge of sealed files: signatures, seals and the merge's checks" "$bin/tungnha" merge "$root/share" --db "$root/share.sqlite" --json
rm -rf "$root/share-export" "$root/share-export.enrollment.jsonl"
share "writing every laptop's batches signed and sealed (tungnha-bench generate)" "$bin/tungnha-bench" generate --out "$root/share-export" --households "$households" --seal-to "$root/share.tungnha"
