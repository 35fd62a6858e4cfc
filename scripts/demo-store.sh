# Sourced by the check scripts: the built tool in $bin, a folder in $work removed on exit, and the demo's
# stores in $work/demo.
cd "$(dirname "$0")/.."
bin="${TUNGNHA:-$(swift build --show-bin-path)/tungnha}"
[ -x "$bin" ] || swift build
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" demo --dir "$work/demo" > /dev/null
