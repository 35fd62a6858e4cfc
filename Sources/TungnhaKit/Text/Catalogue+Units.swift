// The message catalogue: administrative units.

extension AdminUnits.Level: Localized {
    public func text(_ l: Language) -> String {
        switch self {
        case .province: return l.pick("tỉnh", "province")
        case .district: return l.pick("huyện", "district")
        case .commune: return l.pick("xã", "commune")
        }
    }
}

extension AdminUnits.Conversion: Localized {
    public func text(_ l: Language) -> String {
        switch self {
        case .whole: return l.pick("nhập toàn bộ", "whole")
        case .part: return l.pick("nhập một phần", "part")
        case .unchanged: return l.pick("giữ nguyên", "unchanged")
        }
    }
}

extension Messages {
    public static func unitSearch(_ query: String, _ units: [AdminUnits.Unit], _ l: Language) -> String {
        guard !units.isEmpty else {
            return l.pick(
                "Không tìm thấy đơn vị nào có tên giống \"\(query)\". Thử viết ngắn hơn, ví dụ chỉ tên riêng: \"phu ly\".",
                "No unit's name matches \"\(query)\". Try fewer words, such as the proper name alone: \"phu ly\".")
        }
        var table = TextTable(headers: [l.pick("Mã", "Code"), l.pick("Tên", "Name"), l.pick("Cấp", "Level"), l.pick("Thuộc", "In"), l.pick("Danh mục", "List")])
        table.rows = unitsRows(unitsList: units, l)
        return table.render() + "\n" + l.pick("Xem chi tiết: tungnha units show MÃ", "Details: tungnha units show CODE")
    }

    static func unitsRows(unitsList: [AdminUnits.Unit], _ l: Language) -> [[String]] {
        let all = AdminUnits.shared
        return unitsList.map { unit in
            var parent = ""
            switch unit.level {
            case .province: parent = ""
            case .district: parent = unit.parent.flatMap { all.province($0, scheme: .pre2025)?.name } ?? ""
            case .commune:
                let province = unit.province.flatMap { all.province($0, scheme: unit.scheme)?.name } ?? ""
                if unit.scheme == .pre2025, let district = unit.parent.flatMap({ all.districts[$0]?.name }) {
                    parent = district + ", " + province
                } else {
                    parent = province
                }
            }
            return [unit.code, unit.name, unit.level.text(l), parent, unit.scheme == .y2025 ? "2025" : l.pick("trước 2025", "pre-2025")]
        }
    }

    public static func unitDetail(_ details: [UnitDetail], _ l: Language) -> String {
        details.map { detail in
            var lines = ["\(detail.code)  \(detail.name)  (\(detail.level.text(l)), \(detail.scheme.text(l)))"]
            if let district = detail.district { lines.append("  " + l.pick("Huyện (trước 2025): ", "District (pre-2025): ") + "\(district.code) \(district.name)") }
            if let province = detail.province { lines.append("  " + l.pick("Tỉnh: ", "Province: ") + "\(province.code) \(province.name)") }
            if let count = detail.communes { lines.append("  " + l.pick("Số xã/phường: ", "Communes: ") + String(count)) }
            if let households = detail.households2019 {
                lines.append("  " + l.pick("Số hộ (Tổng điều tra 2019, ước tính): ", "Households (2019 census, approximate): ") + formatNumber(households))
            }
            if !detail.becameInto.isEmpty {
                lines.append("  " + l.pick("Từ 01/7/2025 thuộc:", "Since 1 July 2025 part of:"))
                lines += detail.becameInto.map { "    \($0.code)  \($0.name)" + ($0.how.map { " (\($0.text(l)))" } ?? "") }
                if detail.becameInto.count > 1, detail.level == .commune {
                    lines.append("  " + l.pick(
                        "Xã này bị chia cho nhiều xã mới: mỗi thôn cần được gán cho đúng xã mới (tungnha village assign).",
                        "This commune was split among several new ones: each village must be assigned to its new commune (tungnha village assign)."))
                }
            } else if detail.scheme == .pre2025, detail.level == .commune {
                lines.append("  " + l.pick("Không có trong bảng chuyển đổi 2025.", "Not in the 2025 conversion table."))
            }
            if !detail.cameFrom.isEmpty {
                lines.append("  " + l.pick("Hình thành từ (trước 01/7/2025):", "Made from (before 1 July 2025):"))
                lines += detail.cameFrom.map { "    \($0.code)  \($0.name)" + ($0.how.map { " (\($0.text(l)))" } ?? "") }
            }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }
}

/// 1234567 → "1.234.567", as Vietnamese writes thousands.
public func formatNumber(_ value: Int, _ l: Language = Language.current) -> String {
    let digits = String(abs(value))
    var groups: [String] = []
    var end = digits.endIndex
    while end > digits.startIndex {
        let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
        groups.insert(String(digits[start..<end]), at: 0)
        end = start
    }
    return (value < 0 ? "-" : "") + groups.joined(separator: l == .vi ? "." : ",")
}
