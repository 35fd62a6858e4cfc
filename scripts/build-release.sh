#!/usr/bin/env bash
# Builds the release binary a volunteer's Debian or Ubuntu laptop runs without Swift installed: the Swift standard
# library and Foundation are linked in statically; only the C library and libsqlite3 (Debian's libsqlite3-0, on every
# desktop install) are loaded from the system. Writes dist/tungnha-linux-<arch>, and beside it its size and SHA-256.
# Usage: scripts/build-release.sh        Check it on a clean Debian: scripts/check-static-build.sh
set -euo pipefail
cd "$(dirname "$0")/.."
arch="$(uname -m)"
out="dist/tungnha-linux-$arch"

swift build -c release --product tungnha --static-swift-stdlib
mkdir -p dist
install -m 0755 "$(swift build -c release --show-bin-path)/tungnha" "$out"
strip "$out"

size=$(stat -c %s "$out")
sha=$(sha256sum "$out" | cut -d' ' -f1)
version=$("$out" --version)
echo "$sha  $(basename "$out")" > "$out.sha256"
cat > "$out.txt" <<INFO
tungnha $version, Linux $arch
size: $size bytes
sha256: $sha
needs from the system: $(ldd "$out" | awk '{print $1}' | grep -v -e '^/' -e 'linux-vdso' | sort | tr '\n' ' ')
INFO
cat "$out.txt"
