# Sourced by the benchmarks: a release build, its folder in $bin, a fresh folder in $work, and what they share.
cd "$(dirname "$0")/.."
swift build -c release > /dev/null
bin=$(swift build -c release --show-bin-path)
rm -rf "$work"
mkdir -p "$work"

# seconds and peak memory (MB) of a command: "12.34 156"
measure() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -n 1 | awk '{printf "%s %d\n", $1, $2 / 1024}'; }
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }

# three_runs BASE COPY COMMAND...: COMMAND three times, each after copying the store BASE to COPY (none when BASE is
# empty): "median-seconds highest-MB a/b/c" (the three times in the order run).
three_runs() {
  local base=$1 copy=$2
  shift 2
  for _ in 1 2 3; do
    if [ -n "$base" ]; then rm -f "$copy" "$copy"-*; cp "$base" "$copy"; fi
    measure "$@"
  done | python3 -c '
import sys
runs = [line.split() for line in sys.stdin]
seconds = sorted(float(r[0]) for r in runs)
print(f"{seconds[1]:.2f} {max(int(r[1]) for r in runs)} " + "/".join(r[0] for r in runs))'
}

# The batch files of one province of HOUSEHOLDS households in DIR/batches, made once.
generate() {
  if [ ! -d "$1/batches" ]; then
    "$bin/tungnha-bench" generate --out "$1/batches" --households "$2" > "$1/generate.txt" 2> /dev/null
  fi
}

# DIR/b12 holds batches 1–2 of every device, DIR/b3 batch 3: the weekly delivery.
split_weekly() {
  rm -rf "$1/b12" "$1/b3" && mkdir -p "$1/b12" "$1/b3"
  for file in "$1"/batches/*.jsonl; do
    case "$file" in *_000003.jsonl) ln -s "$file" "$1/b3/" ;; *) ln -s "$file" "$1/b12/" ;; esac
  done
}

# gathering DIR DB: a province's gathering machine in DB that trusts the generated laptops (the scenario's
# enrollment file vouches for every one of them, as a commune's machine would).
gathering() {
  local province fingerprint
  province=$(sed -n 's/.* communes of province \([0-9]*\),.*/\1/p' "$1/generate.txt")
  fingerprint=$(sed -n 's/.*--fingerprint //p' "$1/generate.txt")
  "$bin/tungnha" init --gathering-machine --province "$province" --device-name "Bench" --db "$2" > /dev/null
  "$bin/tungnha" enroll add "$1/batches.enrollment.jsonl" --fingerprint "$fingerprint" --db "$2" > /dev/null
}
