#!/usr/bin/env python3
"""Build the seed TSV files of tungnha from the public vn-admin CSVs.

Usage:  python3 seed/build.py [/path/to/vn-admin]

The source folder defaults to ../shared/data/vn-admin relative to the
repository root (the parent of this script's folder). The TSV files are
written next to this script. Standard library only (Python 3.11).

Every expected row count is asserted; any mismatch, malformed code or
unknown conversion note stops the script with a non-zero exit status.
Cross-checks between the sources are printed, not fixed.
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

SEED = Path(__file__).resolve().parent
REPO = SEED.parent
DEFAULT_SRC = REPO / ".." / "shared" / "data" / "vn-admin"

# Expected row counts (see the data README).
N_PROVINCES_2025 = 34
N_COMMUNES_2025 = 3321
N_APPROX_HOUSEHOLDS = 3304
N_PROVINCES_PRE = 63
N_DISTRICTS_PRE = 696
N_COMMUNES_PRE = 10051
N_CONVERSION_MAPPING = 10571
N_CONVERSION_CODELESS = 34  # province headers in capitals, plus stray rows
N_SPLIT_OLD_README = 441  # "Nhập một phần": old communes split across several new ones

# Conversion note -> how. Matched in order against the cleaned note (NFC,
# whitespace collapsed). Anything that matches no rule is an error.
HOW_RULES = [
    (r"Nh[ậâ]p toàn bộ( diện tích)?", "whole"),  # "Nhâp" typo occurs once
    (r"Nh[ậâ]p một phần( diện tích| dân số| diện tích, toàn bộ dân số)?", "part"),
    (r"Phần còn lại sau khi tách một phần vào .+", "part"),
    (r"Đổi tên(, đổi loại hình)? từ một phần .+", "part"),
    (r"Giữ nguyên", "unchanged"),
    (r"Đổi tên|Đổi loại hình|Đổi tên, đổi loại hình", "unchanged"),
    (r"Sắp xếp toàn bộ xã .+ thành đặc khu .+", "unchanged"),
    (r"Sắp xếp toàn bộ huyện .+ thành đặc khu .+", "whole"),
]

ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


class BuildError(Exception):
    pass


def check(cond: bool, msg: str) -> None:
    if not cond:
        raise BuildError(msg)


def clean(s: str) -> str:
    """NFC, no zero-width characters, whitespace runs (incl. line breaks) -> one space, trimmed."""
    s = unicodedata.normalize("NFC", s.translate(ZERO_WIDTH))
    return re.sub(r"\s+", " ", s).strip()


def loose(s: str) -> str:
    """Loose comparison key for names: no diacritics, case or spacing (đ kept as d)."""
    s = unicodedata.normalize("NFD", clean(s).replace("đ", "d").replace("Đ", "D"))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return re.sub(r"[^0-9a-z]", "", s.lower())


def tone_key(s: str) -> str:
    """Key that ignores only where the tone mark sits (Hoà/Hòa, Thuỷ/Thủy) and case."""
    s = unicodedata.normalize("NFD", clean(s))
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    base = "".join(ch for ch in s if ch not in tones)
    marks = "".join(sorted(ch for ch in s if ch in tones))
    return unicodedata.normalize("NFC", base).lower() + "|" + marks


code_repairs: Counter = Counter()


def code(raw: str, width: int, what: str, *, allow_empty: bool = False) -> str:
    """Zero-padded code string. Accepts '123', ' 00123 ', '15556.0'; anything else fails."""
    s = raw.strip()
    if s == "" and allow_empty:
        return ""
    m = re.fullmatch(r"(\d+)(?:\.0+)?", s)
    digits = (m.group(1).lstrip("0") or "0") if m else ""
    check(m is not None and len(digits) <= width, f"bad {what} code {raw!r}")
    out = digits.zfill(width)
    if out != raw:
        code_repairs[f"{what}: {raw!r} -> {out!r}"] += 1
    return out


def read_csv(path: Path, ncols: int) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    for i, r in enumerate(rows, 1):
        check(len(r) == ncols, f"{path.name} line-record {i}: {len(r)} columns, expected {ncols}")
    return rows


def read_dicts(path: Path, header: list[str]) -> list[dict[str, str]]:
    rows = read_csv(path, len(header))
    check(rows[0] == header, f"{path.name}: unexpected header {rows[0]}")
    return [dict(zip(header, r)) for r in rows[1:]]


def write_tsv(name: str, header: list[str], rows: list[list[str]]) -> int:
    for r in rows:
        check(len(r) == len(header), f"{name}: row width {r}")
        for f in r:
            check("\t" not in f and "\n" not in f and "\r" not in f, f"{name}: bad field {f!r}")
    # Staged as NAME.tmp; renamed into place only when the whole build has passed.
    path = SEED / (name + ".tmp")
    text = "\t".join(header) + "\n" + "".join("\t".join(r) + "\n" for r in rows)
    path.write_text(text, encoding="utf-8", newline="\n")
    return path.stat().st_size


def intfield(s: str, what: str) -> str:
    s = s.strip()
    check(re.fullmatch(r"\d+", s) is not None, f"bad integer {what}: {s!r}")
    return str(int(s))


def verify_outputs(sizes: dict[str, int]) -> None:
    """Re-read every TSV and check the format promises made in README.md."""
    widths = {"code": None, "province": 2, "district": 3, "old_code": 5, "new_code": 5}
    code_width = {"provinces-2025.tsv": 2, "provinces-pre2025.tsv": 2, "districts-pre2025.tsv": 3}
    for name in sizes:
        raw = (SEED / (name + ".tmp")).read_bytes()
        check(b"\r" not in raw and raw.endswith(b"\n"), f"{name}: line endings")
        lines = raw.decode("utf-8").split("\n")[:-1]
        header = lines[0].split("\t")
        keys = []
        for ln in lines[1:]:
            f = ln.split("\t")
            check(len(f) == len(header), f"{name}: bad row {ln!r}")
            for h, v in zip(header, f):
                check(v == clean(v), f"{name}: unclean value {v!r}")
                w = code_width.get(name, 5) if h == "code" else widths.get(h)
                if w:
                    check(re.fullmatch(rf"\d{{{w}}}", v) is not None, f"{name}: bad {h} {v!r}")
                elif h not in ("name", "how"):
                    check(v == "" or re.fullmatch(r"\d+", v) is not None, f"{name}: bad {h} {v!r}")
            keys.append(tuple(f[:2]) if name.startswith("conversion") else f[0])
        check(keys == sorted(keys) and len(set(keys)) == len(keys), f"{name}: not sorted/unique")


def fmt(n: int) -> str:
    return f"{n:,}"


def main(argv: list[str]) -> int:
    if len(argv) > 2 or (len(argv) == 2 and argv[1] in ("-h", "--help")):
        print(__doc__)
        return 2
    src = Path(argv[1]) if len(argv) == 2 else DEFAULT_SRC
    src = src.resolve()
    check(src.is_dir(), f"source folder not found: {src}")
    print(f"source: {src}")
    print(f"output: {SEED}")
    sizes: dict[str, int] = {}
    notes: list[str] = []  # data oddities, printed at the end

    # ---------------------------------------------------------------- 2025
    prov25 = {}
    for r in read_dicts(src / "provinces_2025_gso_cv915.csv", ["province_code", "province_name"]):
        c = code(r["province_code"], 2, "province-2025")
        check(c not in prov25, f"duplicate 2025 province {c}")
        prov25[c] = clean(r["province_name"])
    check(len(prov25) == N_PROVINCES_2025, f"2025 provinces: {len(prov25)} != {N_PROVINCES_2025}")
    sizes["provinces-2025.tsv"] = write_tsv(
        "provinces-2025.tsv", ["code", "name"], [[c, prov25[c]] for c in sorted(prov25)])

    com25: dict[str, tuple[str, str]] = {}
    prov_name_mismatch = 0
    prov_prefix: set[str] = set()
    for r in read_dicts(src / "communes_2025_gso_cv1027.csv",
                        ["province_code", "province_name", "commune_code", "commune_name"]):
        c = code(r["commune_code"], 5, "commune-2025")
        p = code(r["province_code"], 2, "province-2025")
        check(c not in com25, f"duplicate 2025 commune {c}")
        check(p in prov25, f"2025 commune {c}: unknown province {p}")
        pn = clean(r["province_name"])
        if pn != prov25[p]:
            if re.sub(r"^Tỉnh ", "", pn) == prov25[p]:
                prov_prefix.add(p)
            else:
                prov_name_mismatch += 1
        com25[c] = (p, clean(r["commune_name"]))
    check(len(com25) == N_COMMUNES_2025, f"2025 communes: {len(com25)} != {N_COMMUNES_2025}")
    if prov_prefix:
        notes.append(f"province names: the 1027 commune list writes 'Tỉnh X' where the 915 list writes 'X' "
                     f"({len(prov_prefix)} provinces); provinces-2025.tsv keeps the 915 form")
    if prov_name_mismatch:
        notes.append(f"communes-2025: {prov_name_mismatch} rows whose province name differs from the 915 list")

    approx: dict[str, list[str]] = {}
    approx_rows = 0
    approx_name_mismatch = []
    for r in read_dicts(src / "approx_households2019_by_commune_2025.csv",
                        ["ma_xa_moi", "tinh_moi", "xa_moi", "ho_2019_uoc_tinh",
                         "dan_so_2019_uoc_tinh", "so_xa_2019_gop", "so_xa_2019_chia_tach_mot_phan"]):
        c = code(r["ma_xa_moi"], 5, "commune-2025")
        check(c not in approx, f"approx households: duplicate {c}")
        check(c in com25, f"approx households: {c} is not a 2025 commune")
        if clean(r["xa_moi"]) != com25[c][1]:
            approx_name_mismatch.append((c, clean(r["xa_moi"]), com25[c][1]))
        approx_rows += 1
        if not r["ho_2019_uoc_tinh"].strip():
            # no estimate: counts empty and 0 communes of 2019 counted in
            check(not r["dan_so_2019_uoc_tinh"].strip() and r["so_xa_2019_gop"].strip() in ("", "0"),
                  f"approx households: {c} has no households but other figures: {r}")
            continue
        approx[c] = [intfield(r[k], k) for k in ("ho_2019_uoc_tinh", "dan_so_2019_uoc_tinh",
                                                  "so_xa_2019_gop", "so_xa_2019_chia_tach_mot_phan")]
    check(len(approx) == N_APPROX_HOUSEHOLDS, f"approx households: {len(approx)} != {N_APPROX_HOUSEHOLDS}")
    notes.append(f"approx households file: {approx_rows} rows, {approx_rows - len(approx)} of them with empty "
                 f"counts (written as empty)")
    if approx_name_mismatch:
        notes.append(f"approx households: {len(approx_name_mismatch)} commune names differ from 1027 list, "
                     f"e.g. {approx_name_mismatch[:3]}")
    rows = [[c, com25[c][0], com25[c][1], *approx.get(c, ["", "", "", ""])] for c in sorted(com25)]
    sizes["communes-2025.tsv"] = write_tsv(
        "communes-2025.tsv",
        ["code", "province", "name", "households_2019", "population_2019", "parts_2019", "split_parts_2019"],
        rows)
    no_approx = sorted(set(com25) - set(approx))

    # Xã Ia Mơ: 1027 prints 23737, the conversion table / national list give 23938.
    iamo = {c: com25[c][1] for c in ("23938", "23737") if c in com25}
    print(f"Ia Mơ check (communes-2025): {iamo}")

    # ------------------------------------------------------------ pre-2025
    prov_pre: dict[str, str] = {}
    dist_pre: dict[str, tuple[str, str]] = {}
    com_pre: dict[str, tuple[str, str]] = {}
    empty_districts = []
    conflicts = []
    for r in read_dicts(src / "communes_pre2025_gso_2025-01-04.csv",
                        ["Tỉnh Thành Phố", "Mã TP", "Quận Huyện", "Mã QH", "Phường Xã", "Mã PX", "Cấp",
                         "Tên Tiếng Anh"]):
        p = code(r["Mã TP"], 2, "province-pre2025")
        d = code(r["Mã QH"], 3, "district-pre2025")
        c = code(r["Mã PX"], 5, "commune-pre2025", allow_empty=True)
        pn, dn, cn = clean(r["Tỉnh Thành Phố"]), clean(r["Quận Huyện"]), clean(r["Phường Xã"])
        if prov_pre.setdefault(p, pn) != pn:
            conflicts.append(f"province {p}: {prov_pre[p]!r} / {pn!r}")
        if dist_pre.setdefault(d, (p, dn)) != (p, dn):
            conflicts.append(f"district {d}: {dist_pre[d]} / {(p, dn)}")
        if c == "":
            check(cn == "", f"pre-2025 commune without code: {r}")
            empty_districts.append(f"{d} {dn}")
            continue
        check(c not in com_pre, f"duplicate pre-2025 commune {c}")
        com_pre[c] = (d, cn)
    check(not conflicts, "pre-2025 list is inconsistent: " + "; ".join(conflicts[:10]))
    check(len(prov_pre) == N_PROVINCES_PRE, f"pre-2025 provinces: {len(prov_pre)} != {N_PROVINCES_PRE}")
    check(len(dist_pre) == N_DISTRICTS_PRE, f"pre-2025 districts: {len(dist_pre)} != {N_DISTRICTS_PRE}")
    check(len(com_pre) == N_COMMUNES_PRE, f"pre-2025 communes: {len(com_pre)} != {N_COMMUNES_PRE}")
    notes.append(f"pre-2025 list: {len(empty_districts)} districts have no communes "
                 f"(rows without a commune code): {', '.join(empty_districts)}")
    sizes["provinces-pre2025.tsv"] = write_tsv(
        "provinces-pre2025.tsv", ["code", "name"], [[c, prov_pre[c]] for c in sorted(prov_pre)])
    sizes["districts-pre2025.tsv"] = write_tsv(
        "districts-pre2025.tsv", ["code", "province", "name"],
        [[d, *dist_pre[d]] for d in sorted(dist_pre)])

    # ------------------------------------- 2019 census -> pre-2025 communes
    census = []
    for r in read_csv(src / "census2019_households_by_commune.csv", 24)[1:]:
        census.append((code(r[0], 5, "commune-2019", allow_empty=True), clean(r[3]), int(intfield(r[4], "ho_tong"))))
    changes: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    ch_rows = read_dicts(src / "changes_2019_to_2024-11_gso.csv",
                         ["province_code_2019", "province_name_2019", "district_code_2019", "district_name_2019",
                          "commune_code_2019", "commune_name_2019", "commune_name_2024_11",
                          "commune_code_2024_11", "district_name_2024_11", "district_code_2024_11",
                          "province_name_2024_11", "province_code_2024_11", "note"])
    for r in ch_rows:
        c19 = code(r["commune_code_2019"], 5, "commune-2019")
        c24 = code(r["commune_code_2024_11"], 5, "commune-2024-11", allow_empty=True)
        changes[c19].append((clean(r["commune_name_2019"]), c24, clean(r["commune_name_2024_11"])))
    census_code_count = Counter(c for c, _, _ in census if c)

    hh = Counter()
    contributors = Counter()
    unplaced = Counter()     # reason -> households
    unplaced_n = Counter()   # reason -> 2019 communes
    split_n = split_extra = 0
    total_hh = sum(h for _, _, h in census)
    placed_hh = 0
    name_mismatch_2019 = 0
    for c19, name, h in census:
        reason = None
        targets: list[str] = []
        if not c19:
            reason = "no 2019 code in census file"
        elif c19 not in changes:
            reason = "2019 code not in change record"
        else:
            rows_ = changes[c19]
            same = [x for x in rows_ if loose(x[0]) == loose(name)]
            if not same:
                name_mismatch_2019 += 1
            if same:
                rows_ = same
            elif census_code_count[c19] > 1:
                rows_ = []
                reason = "2019 code shared by several census rows, name not found"
            targets = sorted({x[1] for x in rows_ if x[1]})
            if not reason and not targets:
                reason = "no Nov 2024 commune (e.g. Lý Sơn, no communes since 2024)"
            elif not reason:
                targets = [t for t in targets if t in com_pre]
                if not targets:
                    reason = "Nov 2024 commune no longer in the 4 Jan 2025 list"
        if reason:
            unplaced[reason] += h
            unplaced_n[reason] += 1
            continue
        placed_hh += h
        if len(targets) > 1:
            split_n += 1
            split_extra += h * (len(targets) - 1)
        for t in targets:
            hh[t] += h
            contributors[t] += 1
    sizes["communes-pre2025.tsv"] = write_tsv(
        "communes-pre2025.tsv", ["code", "district", "name", "households_2019"],
        [[c, com_pre[c][0], com_pre[c][1], str(hh[c]) if c in hh else ""] for c in sorted(com_pre)])
    hh_stats = {
        "census_communes": len(census), "census_households": total_hh,
        "pre_with_figure": len(hh), "placed_households": placed_hh,
        "unplaced_households": sum(unplaced.values()), "unplaced_communes": sum(unplaced_n.values()),
        "split_2019": split_n, "split_extra": split_extra,
    }

    # ---------------------------------------------------------- conversion
    raw = read_csv(src / "conversion_pre2025_to_2025_gso.csv", 9)
    mapping = []
    prov_headers = []
    no_old = []
    unmapped = Counter()
    notes_by_how: dict[str, Counter] = defaultdict(Counter)
    label_issues: dict[str, set] = defaultdict(set)  # kind -> distinct codes
    label_examples: dict[str, list] = defaultdict(list)
    old_labels = []  # (row number, old code, old name, district code from label)

    def flag(kind: str, key: str, example: str) -> None:
        if key not in label_issues[kind]:
            label_issues[kind].add(key)
            if len(label_examples[kind]) < 4:
                label_examples[kind].append(example)

    def paren_code(label: str, width: int) -> str:
        m = re.search(r"\((\d+)\)\s*$", clean(label))
        return m.group(1).zfill(width) if m else ""

    for i, r in enumerate(raw[2:], 3):
        if not r[2].strip() and not r[4].strip():
            check(clean(r[0]) != "" and all(not f.strip() for f in r[1:]),
                  f"conversion record {i}: neither a mapping row nor a province header: {r}")
            prov_headers.append(clean(r[0]))
            if clean(r[0]) != clean(r[0]).upper():
                notes.append(f"conversion: record {i} has no codes and is not a capitalised province "
                             f"header: {clean(r[0])!r} (skipped too)")
            continue
        new = code(r[2], 5, "commune-2025")
        old = code(r[4], 5, "commune-pre2025", allow_empty=True)
        note = clean(r[5])
        how = next((h for pat, h in HOW_RULES if re.fullmatch(pat, note)), None)
        if how is None:
            unmapped[note] += 1
            continue
        notes_by_how[how][note] += 1
        if not old:
            no_old.append(f"{new} {clean(r[1])} <- {clean(r[3]) or '(no name)'} [{note}]")
            continue
        mapping.append((old, new, how))
        # label cross-checks (reported, not fixed)
        if new in com25:
            if clean(r[1]) != com25[new][1]:
                kind = ("new name differs only in tone-mark placement/case"
                        if tone_key(r[1]) == tone_key(com25[new][1]) else "new name spelled differently")
                flag(kind, new, f"{new} {clean(r[1])!r} / {com25[new][1]!r}")
            if paren_code(r[0], 2) != com25[new][0]:
                flag("new province label differs from 1027 list", new, f"{new}: {clean(r[0])!r}")
        old_labels.append((i, old, clean(r[3]), paren_code(r[6], 3)))
        if old in com_pre:
            d, n = com_pre[old]
            if clean(r[3]) != n:
                if tone_key(r[3]) == tone_key(n):
                    kind = "old name differs only in tone-mark placement/case"
                elif loose(r[3]) == loose(n):
                    kind = "old name differs in other diacritics/punctuation"
                else:
                    kind = "old name differs (spelling, rename or type change since Jan 2025)"
                flag(kind, old, f"{old} {clean(r[3])!r} / {n!r}")
            if paren_code(r[6], 3) != d:
                flag("old district label differs from 4 Jan 2025 list", old, f"{old}: {clean(r[6])!r} / {d}")
            if paren_code(r[7], 2) != dist_pre[d][0]:
                flag("old province label differs from 4 Jan 2025 list", old,
                     f"{old}: {clean(r[7])!r} / {dist_pre[d][0]}")
    if unmapped:
        for n, k in unmapped.items():
            print(f"UNMAPPED conversion note ({k} rows): {n!r}", file=sys.stderr)
        raise BuildError(f"{len(unmapped)} unmapped conversion note value(s)")
    n_mapping = len(mapping) + len(no_old)
    check(n_mapping == N_CONVERSION_MAPPING, f"conversion mapping rows: {n_mapping} != {N_CONVERSION_MAPPING}")
    check(len(prov_headers) == N_CONVERSION_CODELESS,
          f"conversion rows without codes: {len(prov_headers)} != {N_CONVERSION_CODELESS}")
    caps = [h for h in prov_headers if h == h.upper()]
    have_hdr = {loose(re.sub(r"^(TỈNH|THÀNH PHỐ) ", "", h)) for h in caps} | {loose(h) for h in caps}
    missing_hdr = sorted(prov25[p] for p in prov25 if loose(prov25[p]) not in have_hdr)
    conv = sorted(set(mapping))
    dups = len(mapping) - len(conv)
    pair_how = defaultdict(set)
    for o, n, h in conv:
        pair_how[(o, n)].add(h)
    conflicting = sorted(k for k, v in pair_how.items() if len(v) > 1)
    sizes["conversion-pre2025-to-2025.tsv"] = write_tsv(
        "conversion-pre2025-to-2025.tsv", ["old_code", "new_code", "how"], [list(x) for x in conv])

    # cross-checks
    old_codes = {o for o, _, _ in conv}
    new_codes = {n for _, n, _ in conv}
    old_missing = sorted(old_codes - set(com_pre))
    new_missing = sorted(new_codes - set(com25))
    pre_absent = sorted(set(com_pre) - old_codes)
    new_absent = sorted(set(com25) - new_codes - {x.split()[0] for x in no_old})
    by_old = defaultdict(set)
    how_by_old = defaultdict(set)
    for o, n, h in conv:
        by_old[o].add(n)
        how_by_old[o].add(h)
    split_old = sorted(o for o, ns in by_old.items() if len(ns) > 1)
    split_not_part = sorted(o for o in split_old if "part" not in how_by_old[o])
    part_single = sorted(o for o, ns in by_old.items() if len(ns) == 1 and "part" in how_by_old[o])
    # A conversion row whose old name is not the name of its code, but is the name of
    # another pre-2025 commune of the same district: the code is probably wrong.
    by_district_name = defaultdict(list)
    for c, (d, n) in com_pre.items():
        by_district_name[(d, loose(n))].append(c)
    suspect = []
    for i, o, n, d in old_labels:
        if o in com_pre and loose(com_pre[o][1]) == loose(n):
            continue
        cands = [c for c in by_district_name.get((d, loose(n)), []) if c != o]
        if cands:
            suspect.append(f"record {i}: {n} coded {o}"
                           + (f" ({com_pre[o][1]})" if o in com_pre else " (code not in the Jan 2025 list)")
                           + f"; the Jan 2025 list has {n} as {'/'.join(cands)}")
    how_counts = Counter(h for _, _, h in conv)
    iamo_conv = sorted({(o, n) for o, n, _ in conv if "23938" in (o, n) or "23737" in (o, n)})

    # unchanged should mean one old commune -> one new commune with no other source
    by_new = defaultdict(set)
    for o, n, _ in conv:
        by_new[n].add(o)
    unchanged_not_1to1 = sorted(o for o, n, h in conv if h == "unchanged" and (len(by_old[o]) > 1 or len(by_new[n]) > 1))

    verify_outputs(sizes)
    for name in sizes:
        (SEED / (name + ".tmp")).replace(SEED / name)

    # ------------------------------------------------------------- summary
    print()
    print("== rows written")
    for name, size in sizes.items():
        n = (SEED / name).read_text(encoding="utf-8").count("\n") - 1
        print(f"  {name:34s} {fmt(n):>7s} rows  {fmt(size):>9s} bytes")
    print(f"  total size of TSVs: {fmt(sum(sizes.values()))} bytes")
    print()
    print("== communes-2025")
    print(f"  with 2019 household estimate: {fmt(len(approx))} of {fmt(len(com25))} "
          f"(sum {fmt(sum(int(v[0]) for v in approx.values()))}); without: "
          f"{', '.join(f'{c} {com25[c][1]}' for c in no_approx)}")
    print()
    print("== communes-pre2025 households_2019 (census 2019 -> Nov 2024 -> 4 Jan 2025 list)")
    print(f"  census communes: {fmt(hh_stats['census_communes'])}, households: {fmt(total_hh)}")
    print(f"  pre-2025 communes with a figure: {fmt(len(hh))} of {fmt(len(com_pre))} "
          f"(sum {fmt(sum(hh.values()))}); without: {fmt(len(com_pre) - len(hh))}")
    print(f"  households placed: {fmt(placed_hh)} ({placed_hh / total_hh:.1%}) from "
          f"{fmt(len(census) - hh_stats['unplaced_communes'])} census communes")
    print(f"  households not placed: {fmt(hh_stats['unplaced_households'])} "
          f"({hh_stats['unplaced_households'] / total_hh:.1%}) from {fmt(hh_stats['unplaced_communes'])} census communes:")
    for reason, h in unplaced.most_common():
        print(f"    {fmt(unplaced_n[reason]):>5s} communes, {fmt(h):>9s} households: {reason}")
    print(f"  2019 communes split across several pre-2025 communes (counted whole in each): {split_n}, "
          f"adding {fmt(split_extra)} households counted more than once")
    print(f"  census rows whose name is not found under their 2019 code in the change record: {name_mismatch_2019}")
    print()
    print("== conversion-pre2025-to-2025")
    print(f"  mapping rows read: {fmt(n_mapping)}; rows without codes skipped: {len(prov_headers)} "
          f"({len(caps)} capitalised province headers)")
    print(f"  provinces with no capitalised header row: {missing_hdr}")
    print(f"  rows without an old commune code (not written): {len(no_old)}")
    for x in no_old:
        print(f"    {x}")
    print(f"  exact duplicate rows dropped: {dups}; (old,new) pairs with conflicting how: {len(conflicting)}")
    print(f"  rows written: {fmt(len(conv))}  how: " + ", ".join(f"{h} {fmt(k)}" for h, k in sorted(how_counts.items())))
    for h in ("whole", "part", "unchanged"):
        print(f"    {h}: " + "; ".join(f"{n!r} x{k}" for n, k in notes_by_how[h].most_common()))
    print(f"  old codes not in communes-pre2025: {len(old_missing)} {old_missing[:20]}")
    print(f"  new codes not in communes-2025: {len(new_missing)} {new_missing[:20]}")
    print(f"  pre-2025 communes absent from the conversion table: {len(pre_absent)} "
          f"{[f'{c} {com_pre[c][1]}' for c in pre_absent[:20]]}")
    print(f"  2025 communes never a target: {len(new_absent)} {new_absent[:20]}")
    print(f"  old communes split across several new ones: {len(split_old)} (data README: {N_SPLIT_OLD_README})")
    print(f"    of which no row says 'part': {len(split_not_part)} {split_not_part}")
    print(f"  old communes marked 'part' but going to a single new one: {len(part_single)} {part_single}")
    print(f"  'unchanged' rows that are not one-to-one: {len(unchanged_not_1to1)} {unchanged_not_1to1}")
    print(f"  Ia Mơ rows (23938/23737): {iamo_conv}")
    print(f"  rows whose old code looks wrong (old name belongs to another commune of the same district): "
          f"{len(suspect)}")
    for x in suspect:
        print(f"    {x}")
    for kind, codes in sorted(label_issues.items(), key=lambda kv: -len(kv[1])):
        print(f"  label check: {kind}: {len(codes)} codes, e.g. {label_examples[kind][:3]}")
    if code_repairs:
        print()
        print("== codes repaired while reading (not canonical in the source)")
        for k, v in code_repairs.most_common():
            print(f"  {v} x {k}")
    print()
    print("== other notes")
    for n in notes:
        print(f"  {n}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except BuildError as e:
        for tmp in SEED.glob("*.tsv.tmp"):
            tmp.unlink()
        print(f"ERROR: {e}", file=sys.stderr)
        sys.exit(1)
