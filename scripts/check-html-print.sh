#!/usr/bin/env bash
# Prints the demo's HTML report and a team's follow-up list on A4 through headless Chromium (--print-to-pdf),
# turns the pages into PNG with pdftoppm, and checks that no page is blank, that the report carries the
# heading of an administrative document, its table and the signature block, with page numbers, and that the
# follow-up list has a page per village with boxes to tick. With --update, copies the first page of each to
# docs/ for the README. Needs the Debian packages chromium and poppler-utils.
set -euo pipefail
source "$(dirname "$0")/demo-store.sh"
"$bin" followups --format html --out "$work/vong.html" --db "$work/demo/laptop-1.sqlite" > /dev/null
print() {
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$work/$2.pdf" "file://$1" 2> "$work/chromium-$2.log"
  pdftoppm -png -r 80 "$work/$2.pdf" "$work/$2"
  for page in "$work/$2"-*.png; do python3 scripts/png-not-blank.py "$page" > /dev/null; done
  pdftotext -layout "$work/$2.pdf" "$work/$2.txt"
  echo "$2: $(pdfinfo "$work/$2.pdf" | awk '/^Pages/ {print $2}') pages, $(pdfinfo "$work/$2.pdf" | awk -F': *' '/^Page size/ {print $2}')"
}
print "$work/demo/report.html" report
print "$work/vong.html" followups
for wanted in "UBND TỈNH LÂM ĐỒNG" "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "Độc lập - Tự do - Hạnh phúc" "BÁO CÁO" \
  "Phường Bắc Gia Nghĩa" "Tổng cộng" "NGƯỜI LẬP BIỂU" "THỦ TRƯỞNG ĐƠN VỊ" "(Ký, ghi rõ họ tên)" "Trang 1 / " "Phụ lục 1"; do
  grep -qF "$wanted" "$work/report.txt" || { echo "report: \"$wanted\" not printed" >&2; exit 1; }
done
for wanted in "DANH SÁCH HỘ CẦN ĐẾN" "Tổ dân phố 1 · Phường Bắc Gia Nghĩa" "Còn thiếu" "Ghi chú" "Trang 1 / "; do
  grep -qF "$wanted" "$work/followups.txt" || { echo "followups: \"$wanted\" not printed" >&2; exit 1; }
done
echo "heading, table, signatures and page numbers printed; every page has ink"
if [ "${1:-}" = "--update" ]; then
  cp "$work/report-1.png" docs/report-print.png
  cp "$work/followups-1.png" docs/followups-print.png
  echo "updated docs/report-print.png and docs/followups-print.png"
fi
