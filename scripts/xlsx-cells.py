#!/usr/bin/env python3
"""Reads the workbooks LibreOffice wrote in the office checks and checks the type of each cell that matters:
figures are numbers, shares are numbers (with a percentage format in an .xlsx report), the date is a date,
codes keep their leading zeros as text, Vietnamese text is intact. Standard library only.
Usage: xlsx-cells.py csv|xlsx FOLDER"""
import re
import sys
import zipfile
from xml.etree import ElementTree

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
failures = []


def load(path):
    """Sheet name → {cell reference: (kind, value, number format)}; kind is 'number' or 'text'."""
    book = zipfile.ZipFile(path)
    strings = []
    if "xl/sharedStrings.xml" in book.namelist():
        for item in ElementTree.fromstring(book.read("xl/sharedStrings.xml")).findall("m:si", NS):
            strings.append("".join(t.text or "" for t in item.iter("{%s}t" % NS["m"])))
    styles = ElementTree.fromstring(book.read("xl/styles.xml"))
    formats = {int(f.get("numFmtId")): f.get("formatCode") for f in styles.findall("m:numFmts/m:numFmt", NS)}
    xfs = [int(x.get("numFmtId", "0")) for x in styles.findall("m:cellXfs/m:xf", NS)]
    relations = {r.get("Id"): r.get("Target") for r in ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))}
    sheets = {}
    for sheet in ElementTree.fromstring(book.read("xl/workbook.xml")).findall("m:sheets/m:sheet", NS):
        target = relations[sheet.get(REL)].lstrip("/")
        target = target if target.startswith("xl/") else "xl/" + target
        cells = {}
        for c in ElementTree.fromstring(book.read(target)).iter("{%s}c" % NS["m"]):
            v = c.find("m:v", NS)
            text = v.text if v is not None else ""
            kind = c.get("t", "n")
            if kind == "s":
                text = strings[int(text)]
            elif kind == "inlineStr":
                text = "".join(t.text or "" for t in c.iter("{%s}t" % NS["m"]))
            number = kind == "n" and text != ""
            style = int(c.get("s", "0"))
            code = xfs[style] if style < len(xfs) else 0
            cells[c.get("r")] = ("number" if number else "text", text, formats.get(code, str(code)))
        sheets[sheet.get("name")] = cells
    return sheets


def column_of(cells, header, row):
    for ref, (_, value, _) in cells.items():
        if value == header and re.fullmatch(r"[A-Z]+%d" % row, ref):
            return re.match(r"[A-Z]+", ref).group(0)
    failures.append("no column %r in row %d" % (header, row))
    return "ZZ"


def expect(name, cells, ref, kind, value=None, fmt=None):
    got = cells.get(ref)
    ok = got is not None and got[0] == kind and (value is None or got[1] == value) and (fmt is None or re.search(fmt, got[2] or ""))
    print("%-34s %-6s %s" % (name + " " + ref, "ok" if ok else "WRONG", got))
    if not ok:
        failures.append("%s %s: wanted %s %r %s, got %r" % (name, ref, kind, value, fmt or "", got))


def check_csv(folder):
    for file, lang in [("bao-cao", "vi"), ("ba-dinh", "vi"), ("ba-dinh-en", "en")]:
        cells = next(iter(load("%s/%s.xlsx" % (folder, file)).values()))
        headers = {
            "vi": ["Số liệu đến hết ngày", "Mã", "Hộ đã ghi", "Tỷ lệ hộ đạt trên hộ đã ghi (%)", "Chỉ tiêu hộ (%)"],
            "en": ["Figures as of", "Code", "Households registered", "Covered of registered (%)", "Household target (%)"],
        }[lang]
        date, code, registered, share, target = (column_of(cells, h, 1) for h in headers)
        expect(file, cells, date + "2", "number", fmt=r"(?i)(d.*m.*y|y.*m.*d)")
        expect(file, cells, code + "2", "text", "24611" if file == "bao-cao" else "00004")
        expect(file, cells, registered + "2", "number", "223" if file == "bao-cao" else "2")
        expect(file, cells, share + "2", "number", "58.7" if file == "bao-cao" else "0")  # 131 of 223 households covered
        expect(file, cells, target + "2", "number", "100")
        if file == "bao-cao":
            texts = {value for (_, value, _) in cells.values()}
            for wanted in ["Phường Bắc Gia Nghĩa", "Phường Đông Gia Nghĩa", "Hộ đã có người biết sử dụng", "Tổng cộng", "Chưa đạt", "TĐTDS 2019 (ước tính)"]:
                if wanted not in texts:
                    failures.append("bao-cao: %r missing or garbled" % wanted)
    cells = next(iter(load(folder + "/vong.xlsx").values()))
    expect("vong", cells, column_of(cells, "Mã xã", 1) + "2", "text", "00004")
    an = next(re.sub(r"[A-Z]+", "", ref) for ref, (_, value, _) in cells.items() if value == "Nguyễn Văn An (sổ hộ)")
    expect("vong", cells, column_of(cells, "Điện thoại", 1) + an, "text", "0912345678")
    expect("vong", cells, column_of(cells, "Số lượt đã đến", 1) + "2", "number", "0")


def check_xlsx(folder):
    book = load(folder + "/saved/bao-cao.xlsx")
    names = list(book)
    if names != ["Theo xã, phường", "Theo thôn, tổ dân phố", "Theo người đến hộ"]:
        failures.append("sheets: %r" % names)
    for name, cells in book.items():
        header = next(int(ref[1:]) for ref, (_, value, _) in cells.items() if ref.startswith("A") and value in ("Xã/Phường", "Thôn/Tổ dân phố", "Người đến hộ"))
        row = header + 1
        expect(name, cells, "B3", "number", fmt=r"(?i)d.*m.*y")
        expect(name, cells, column_of(cells, "Hộ đã ghi", header) + str(row), "number")
        expect(name, cells, column_of(cells, "Tỷ lệ hộ đạt trên hộ đã ghi (%)", header) + str(row), "number", fmt="%")
    first = book["Theo xã, phường"]
    expect("bao-cao", first, "B2", "text", "UBND TỈNH LÂM ĐỒNG")
    expect("bao-cao", first, "A7", "text", "Phường Bắc Gia Nghĩa")
    expect("bao-cao", first, "B7", "text", "24611")
    expect("bao-cao", first, "J7", "number", "0.587", fmt="%")
    cells = load(folder + "/saved/ba-dinh.xlsx")["Theo xã, phường"]
    expect("ba-dinh", cells, "B2", "text", "UBND PHƯỜNG BA ĐÌNH")
    expect("ba-dinh", cells, "B7", "text", "00004")
    expect("ba-dinh", cells, "G7", "number", "2")


{"csv": check_csv, "xlsx": check_xlsx}[sys.argv[1]](sys.argv[2])
if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
print("all cells as they should be")
