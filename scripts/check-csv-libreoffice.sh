#!/usr/bin/env bash
# Writes the demo's report as CSV, converts it with `libreoffice --headless --convert-to xlsx`, reads the
# spreadsheet back and checks that the Vietnamese names and column headers came through intact.
set -euo pipefail
source "$(dirname "$0")/demo-store.sh"
"$bin" report --as-of 2026-10-18 --format csv --out "$work/bao-cao.csv" --db "$work/demo/district.sqlite" > /dev/null
(cd "$work" && libreoffice --headless --infilter="CSV:44,34,76" --convert-to xlsx bao-cao.csv > convert.log 2>&1)
python3 - "$work/bao-cao.xlsx" <<'PY'
import re, sys, zipfile
book = zipfile.ZipFile(sys.argv[1])
strings = book.read("xl/sharedStrings.xml").decode("utf-8")
texts = [re.sub(r"<[^>]+>", "", t) for t in re.findall(r"<si>(.*?)</si>", strings, re.S)]
wanted = ["Phường Bắc Gia Nghĩa", "Phường Đông Gia Nghĩa", "Hộ đã có người biết sử dụng", "Người trưởng thành đã dùng DVCTT", "Tổng cộng", "Chưa đạt"]
missing = [w for w in wanted if w not in texts]
sheet = book.read("xl/worksheets/sheet1.xml").decode("utf-8")
rows = len(re.findall(r"<row ", sheet))
print(f"{sys.argv[1]}: {rows} rows, {len(texts)} distinct texts; Vietnamese intact: {not missing}")
if missing:
    print("missing or garbled:", missing, file=sys.stderr)
    sys.exit(1)
PY
