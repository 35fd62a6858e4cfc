#!/usr/bin/env bash
# Opens the demo's HTML report in headless Chromium (Debian package `chromium`), takes a screenshot and
# checks it is not blank. With --update, copies the screenshot to docs/report-screenshot.png for the README.
set -euo pipefail
source "$(dirname "$0")/demo-store.sh"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,1500 \
  --screenshot="$work/report.png" "file://$work/demo/report.html" 2> "$work/chromium.log"
python3 scripts/png-not-blank.py "$work/report.png"
grep -q "<svg " "$work/demo/report.html"
if [ "${1:-}" = "--update" ]; then
  cp "$work/report.png" docs/report-screenshot.png
  echo "updated docs/report-screenshot.png"
fi
