#!/usr/bin/env bash
# Runs the release binary in a clean Debian bookworm chroot that has no Swift, only libsqlite3-0:
# proof that a volunteer's Debian or Ubuntu laptop needs nothing else.
# Usage: scripts/check-static-build.sh [BINARY]   (default: the one scripts/build-release.sh wrote)
# Needs root (debootstrap, chroot). The chroot is cached in /tmp/tungnha-bookworm (delete it for a fresh one).
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${1:-dist/tungnha-linux-x86_64}"
root="${TUNGNHA_CHROOT:-/tmp/tungnha-bookworm}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

[ -x "$binary" ] || { echo "No binary at $binary: run scripts/build-release.sh first." >&2; exit 1; }
command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap >/dev/null; }

if [ ! -e "$root/.tungnha-ready" ]; then
    rm -rf "$root"
    # minbase: essential packages only; libsqlite3-0 is the one library the binary needs beyond libc.
    debootstrap --variant=minbase --include=libsqlite3-0 bookworm "$root" "$mirror" >/tmp/tungnha-debootstrap.log 2>&1 \
        || { tail -20 /tmp/tungnha-debootstrap.log >&2; exit 1; }
    touch "$root/.tungnha-ready"
fi

# The chroot must not see Swift: no /opt/swift, no libswift*.so anywhere.
[ ! -e "$root/opt/swift" ] || { echo "The chroot has /opt/swift: not a clean check." >&2; exit 1; }
if find "$root" -name 'libswift*.so*' -o -name 'libFoundation*.so*' | grep -q .; then
    echo "The chroot holds a Swift runtime library: not a clean check." >&2; exit 1
fi

install -m 0755 "$binary" "$root/usr/local/bin/tungnha"
# Swift reads its command line from /proc/self/cmdline: a laptop has /proc, a bare chroot must mount it.
mountpoint -q "$root/proc" || mount -t proc proc "$root/proc"
trap 'umount "$root/proc" 2>/dev/null || true' EXIT
echo "Libraries the binary needs (ldd inside the chroot):"
chroot "$root" /usr/bin/ldd /usr/local/bin/tungnha | sed 's/ (0x[0-9a-f]*)//; s/^/  /'
echo "\$ tungnha --version"
chroot "$root" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=/tmp LANG=C.UTF-8 tungnha --version
echo "\$ tungnha units search \"phu ly\""
chroot "$root" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=/tmp LANG=C.UTF-8 tungnha units search "phu ly"
echo "\$ tungnha init, village add, where   (a store inside the chroot, then thrown away)"
chroot "$root" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=/tmp LANG=C.UTF-8 sh -ec '
    rm -rf /tmp/check
    tungnha init --commune 13285 --device-name "Laptop thử" --db /tmp/check/t.sqlite >/dev/null
    tungnha village add "Tổ dân phố Lê Lợi" --db /tmp/check/t.sqlite >/dev/null
    tungnha --lang en where --db /tmp/check/t.sqlite
    rm -rf /tmp/check'
echo "OK: the release binary runs on Debian bookworm without Swift."
