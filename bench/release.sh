# Sourced by the benchmarks: a release build, its folder in $bin, and a fresh folder in $work.
cd "$(dirname "$0")/.."
swift build -c release > /dev/null
bin=$(swift build -c release --show-bin-path)
rm -rf "$work"
mkdir -p "$work"
