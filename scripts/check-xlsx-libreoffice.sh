#!/usr/bin/env bash
# Writes the report as .xlsx (`report --format xlsx`) and has LibreOffice headless open and save it again,
# as a colleague's spreadsheet would: checks that every sheet survives, that the figures are numbers, the
# shares numbers with a percentage format, the date a date, and a code with leading zeros (00004) text.
# Needs the Debian package libreoffice-calc.
set -euo pipefail
source "$(dirname "$0")/demo-store.sh"
source "$(dirname "$0")/office-store.sh"
"$bin" report --as-of 2026-10-18 --format xlsx --out "$work/bao-cao.xlsx" --db "$work/demo/province.sqlite" > /dev/null
"$bin" report --format xlsx --out "$work/ba-dinh.xlsx" --db "$work/badinh.sqlite" > /dev/null
mkdir -p "$work/saved"
(cd "$work" && libreoffice --headless --convert-to xlsx --outdir saved bao-cao.xlsx ba-dinh.xlsx > convert.log 2>&1)
python3 "$(dirname "$0")/xlsx-cells.py" xlsx "$work"
