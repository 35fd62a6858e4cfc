# Sourced by the office check scripts, after demo-store.sh: a laptop of Phường Ba Đình (00004, Hà Nội), whose
# code starts with zeros, with two households imported from a register, in $work/badinh.sqlite.
"$bin" init --commune 00004 --device-name "Laptop Ba Đình" --db "$work/badinh.sqlite" > /dev/null
printf '\xef\xbb\xbfChủ hộ,Địa chỉ,Thôn,Điện thoại\r\nNguyễn Văn An,"Số 1, ngõ 2",Tổ dân phố 1,0912345678\r\nLê Thị Bình,Số 3,Tổ dân phố 1,\r\n' > "$work/so-ho.csv"
"$bin" register households "$work/so-ho.csv" --db "$work/badinh.sqlite" > /dev/null
