import Foundation

/// The administrative unit a printed document is issued in the name of, and the place written before its date.
public struct OfficialUnit: Sendable, Equatable {
    /// As it stands on the document, e.g. "UBND TỈNH LÂM ĐỒNG"; empty leaves a line to fill in by hand.
    public var name: String
    /// "Lâm Đồng" in "Lâm Đồng, ngày 18 tháng 10 năm 2026"; empty leaves dots.
    public var place: String

    public init(name: String, place: String) {
        self.name = name
        self.place = place
    }

    /// The People's Committee of a 2025 commune.
    public static func commune(_ code: String, _ l: Language) -> OfficialUnit? {
        guard let unit = AdminUnits.shared.commune(CommuneRef(code: code, scheme: .y2025)) else { return nil }
        return OfficialUnit(name: Messages.committee(ofCommune: unit.name, l), place: placeName(unit.name))
    }

    /// The People's Committee of a 2025 province.
    public static func province(_ code: String, _ l: Language) -> OfficialUnit? {
        guard let unit = AdminUnits.shared.province(code, scheme: .y2025) else { return nil }
        return OfficialUnit(name: Messages.committee(ofProvince: unit.name, l), place: placeName(unit.name))
    }

    /// The unit a report covers: the one commune, else the one province its lines lie in; nil when they span several.
    public static func of(_ report: CoverageReport, storeProvince: String?, _ l: Language) -> OfficialUnit? {
        if let commune = report.commune { return .commune(commune, l) }
        if let province = report.province { return .province(province, l) }
        var communes = Set<String>()
        var provinces = Set<String>()
        for row in report.rows where !row.split {
            guard let code = row.code else { continue }
            switch report.level {
            case .commune, .village: communes.insert(code)
            case .province: provinces.insert(code)
            default: break
            }
        }
        for code in communes {
            if let province = AdminUnits.shared.commune(CommuneRef(code: code, scheme: .y2025))?.province { provinces.insert(province) }
        }
        if communes.count == 1, let only = communes.first { return .commune(only, l) }
        if provinces.count == 1, let only = provinces.first { return .province(only, l) }
        if provinces.isEmpty, let storeProvince { return .province(storeProvince, l) }
        return nil
    }

    /// "Phường Bắc Gia Nghĩa" → "Bắc Gia Nghĩa", "Thành phố Hà Nội" → "Hà Nội".
    static func placeName(_ name: String) -> String {
        for prefix in ["Thành phố ", "Tỉnh ", "Phường ", "Xã ", "Thị trấn ", "Đặc khu "] where name.hasPrefix(prefix) {
            return String(name.dropFirst(prefix.count))
        }
        return name
    }
}

/// The parts every printed page of the tool shares: the heading of a Vietnamese administrative document,
/// the signature block, and a style sheet for A4 with page numbers. Every text is escaped here.
public enum OfficialDocument {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A CSS string literal of our own catalogue text (page numbers): quotes and backslashes escaped.
    static func cssString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A4 portrait pages, landscape for the pages named `wide`, the page number at the foot of each.
    public static func styleSheet(_ l: Language, portrait: Bool = true) -> String {
        let page = Messages.pageWord(l)
        return """
            @page { size: A4 \(portrait ? "portrait" : "landscape"); margin: 15mm 15mm 16mm 20mm;
              @bottom-center { content: \(cssString(page + " ")) counter(page) " / " counter(pages); font: 9pt "DejaVu Serif", "Times New Roman", serif; } }
            @page wide { size: A4 landscape; margin: 12mm 12mm 14mm 12mm; }
            .wide { page: wide; }
            body { font-family: "DejaVu Serif", "Times New Roman", serif; font-size: 11pt; color: #000; margin: 0; }
            @media screen { body { margin: 16px auto; max-width: 1000px; } }
            .heading { display: grid; grid-template-columns: 42% 58%; text-align: center; margin-bottom: 6mm; }
            .heading .unit { font-weight: bold; text-transform: uppercase; }
            .heading .motto { font-weight: bold; }
            .heading .rule { width: 35%; margin: 2px auto 4px; border-top: 1px solid #000; }
            .heading .date { grid-column: 2; font-style: italic; margin-top: 3mm; }
            .heading .number { margin-top: 1mm; white-space: pre; }
            h1 { font-size: 14pt; text-align: center; margin: 0; }
            .subtitle { text-align: center; font-weight: bold; margin: 1mm 0; }
            .asof { text-align: center; font-style: italic; margin-bottom: 5mm; }
            h2 { font-size: 12pt; margin: 6mm 0 2mm; }
            table.figures { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
            table.figures th, table.figures td { border: 1px solid #000; padding: 2px 4px; vertical-align: middle; }
            table.figures th { font-weight: bold; text-align: center; hyphens: none; word-break: normal; overflow-wrap: normal; }
            table.figures td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
            table.figures td.c { text-align: center; }
            table.figures tr.total td { font-weight: bold; }
            table.figures thead { display: table-header-group; }
            table.figures tr { break-inside: avoid; }
            .wide table.figures { font-size: 7.5pt; table-layout: fixed; }
            .wide table.figures td { overflow-wrap: anywhere; }
            .wide table.figures td.c, .wide table.figures td.n { overflow-wrap: normal; }
            table.figures td.t { white-space: nowrap; }
            .met { color: #1a6b30; } .unmet { color: #a3191c; }
            .notes { font-size: 9.5pt; margin: 3mm 0 0; padding-left: 5mm; }
            .signatures { display: grid; grid-template-columns: 1fr 1fr; text-align: center; margin-top: 8mm; break-inside: avoid; }
            .signatures .role { font-weight: bold; text-transform: uppercase; }
            .signatures .hint { font-style: italic; font-size: 10pt; }
            .signatures .space { height: 24mm; }
            .appendix { break-before: page; }
            svg { max-width: 100%; height: auto; break-inside: avoid; }
            """
    }

    /// The unit and the national motto side by side, the number line, then the place and date.
    public static func heading(_ unit: OfficialUnit?, issued: LocalDate, _ l: Language) -> String {
        let name = unit.map(\.name).flatMap { $0.isEmpty ? nil : $0 } ?? Messages.blankUnit(l)
        let place = unit.map(\.place).flatMap { $0.isEmpty ? nil : $0 } ?? "……………"
        return """
            <header class="heading">
            <div><div class="unit">\(escape(name))</div><div class="rule"></div><div class="number">\(escape(Messages.documentNumber(l)))</div></div>
            <div><div class="motto">\(escape(Messages.nationLine(l)))</div><div class="motto">\(escape(Messages.mottoLine(l)))</div><div class="rule"></div></div>
            <div class="date">\(escape(Messages.placeAndDate(place, issued, l)))</div>
            </header>

            """
    }

    /// "Người lập biểu" and "Thủ trưởng đơn vị", each with room to sign.
    public static func signatures(_ l: Language) -> String {
        let roles = Messages.signatureRoles(l)
        return "<section class=\"signatures\">\n" + roles.map { role in
            "<div><div class=\"role\">\(escape(role.title))</div><div class=\"hint\">\(escape(role.hint))</div><div class=\"space\"></div></div>\n"
        }.joined() + "</section>\n"
    }

    /// A table of typed cells: numbers right-aligned, targets coloured, a total row in bold.
    static func table(
        header: [String], widths: [Double]? = nil, rows: [[SheetCell]], totalRows: Int, met: (Int, Int) -> Bool?, _ l: Language
    ) -> String {
        var html = "<table class=\"figures\">\n"
        if let widths {
            let sum = widths.reduce(0, +)
            html += "<colgroup>" + widths.map { "<col style=\"width:\(String(format: "%.1f", $0 / sum * 100))%\">" }.joined() + "</colgroup>\n"
        }
        html += "<thead><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for (index, row) in rows.enumerated() {
            let total = index >= rows.count - totalRows
            html += total ? "<tr class=\"total\">" : "<tr>"
            for (column, cell) in row.enumerated() {
                var text = escape(cell.display(l))
                let target = met(index, column)
                if let target { text = "<span class=\"\(target ? "met" : "unmet")\">\(text)</span>" }
                let kind: String
                switch cell {
                case .count, .share: kind = " class=\"n\""
                case .code, .date, .time: kind = " class=\"c\""
                default: kind = target == nil ? "" : " class=\"t\""
                }
                html += "<td\(kind)>\(text)</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }
}
