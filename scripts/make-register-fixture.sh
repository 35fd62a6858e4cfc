#!/usr/bin/env bash
# Makes Tests/TungnhaKitTests/Fixtures/so-ho-phu-ly.xlsx the way a commune office would: a household list typed
# as CSV, opened and saved as .xlsx by LibreOffice (headless). LibreOffice turns the phone numbers into numbers
# (dropping the leading 0) and the member counts into numbers; the title rows above the header and the total
# row below it are as offices write them. Needs the Debian package libreoffice-calc.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v libreoffice > /dev/null || { apt-get update -qq && apt-get install -y -qq libreoffice-calc > /dev/null; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '\xef\xbb\xbf' > "$work/so-ho-phu-ly.csv"
cat >> "$work/so-ho-phu-ly.csv" <<'CSV'
DANH SÁCH HỘ GIA ĐÌNH PHƯỜNG PHỦ LÝ,,,,,
(Kèm theo sổ hộ năm 2026),,,,,
STT,Họ và tên chủ hộ,Địa chỉ,Thôn/Tổ dân phố,Số điện thoại,Số nhân khẩu
1,Nguyễn Văn An,"Số 12, ngõ 5, Lê Lợi",Tổ dân phố Lê Lợi,0912345678,4
2,Đặng Thị Hoà,"Số 14, ngõ 5, Lê Lợi",Tổ dân phố Lê Lợi,,3
3,Trần Văn Bình,Số 20 Lê Lợi,Tổ dân phố Lê Lợi,0987 654 321,5
4,Lê Thị Cúc,"Số 3, ngõ 2, Trần Phú",Tổ dân phố Trần Phú,,2
5,Phạm Văn Dũng,"Số 7, ngõ 2, Trần Phú",Tổ dân phố Trần Phú,0356123456,6
6,Vũ Thị Én,Số 9 Trần Phú,Tổ dân phố Trần Phú,,1
,,,,,
Tổng cộng,,,,,21
CSV
(cd "$work" && libreoffice --headless --infilter="CSV:44,34,76,1" --convert-to xlsx so-ho-phu-ly.csv > convert.log 2>&1)
cp "$work/so-ho-phu-ly.xlsx" Tests/TungnhaKitTests/Fixtures/so-ho-phu-ly.xlsx
echo "wrote Tests/TungnhaKitTests/Fixtures/so-ho-phu-ly.xlsx ($(stat -c %s Tests/TungnhaKitTests/Fixtures/so-ho-phu-ly.xlsx) bytes)"
