#!/usr/bin/env bash
# Writes reports as CSV and opens them the way an office would, through `libreoffice --headless`: the
# Vietnamese CSV (';', decimal ',') under the vi-VN locale (1066), the English one (',', '.') under en-US
# (1033). Checks in the converted workbooks that the Vietnamese text is intact, that the figures are typed
# as numbers (percentages too), that the date the figures are for is a date, and that a commune code with
# leading zeros (00004) kept them. Needs the Debian package libreoffice-calc.
set -euo pipefail
source "$(dirname "$0")/demo-store.sh"
source "$(dirname "$0")/office-store.sh"
"$bin" report --as-of 2026-10-18 --format csv --out "$work/bao-cao.csv" --db "$work/demo/province.sqlite" > /dev/null
"$bin" report --format csv --out "$work/ba-dinh.csv" --db "$work/badinh.sqlite" > /dev/null
"$bin" report --format csv --lang en --out "$work/ba-dinh-en.csv" --db "$work/badinh.sqlite" > /dev/null
"$bin" followups --format csv --out "$work/vong.csv" --db "$work/badinh.sqlite" > /dev/null
(cd "$work" && for file in bao-cao ba-dinh vong; do
  libreoffice --headless --infilter="CSV:59,34,76,1,,1066" --convert-to xlsx "$file.csv" > "convert-$file.log" 2>&1
done && libreoffice --headless --infilter="CSV:44,34,76,1,,1033" --convert-to xlsx ba-dinh-en.csv > convert-en.log 2>&1)
python3 "$(dirname "$0")/xlsx-cells.py" csv "$work"
