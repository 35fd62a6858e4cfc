import Foundation
import ZIPFoundation

/// One sheet of a workbook: title lines, a header row, the table, notes.
public struct Worksheet: Sendable, Equatable {
    public enum RowRole: Sendable, Equatable {
        /// The document's title: large and bold.
        case title
        /// A line above or below the table (the unit, the date, a note): plain, no borders.
        case note
        /// The table's column headings: bold, wrapped, shaded; repeated on every printed page.
        case header
        case body
        /// The total line: bold.
        case total
    }

    public struct Row: Sendable, Equatable {
        public var role: RowRole
        public var cells: [SheetCell]

        public init(_ role: RowRole, _ cells: [SheetCell]) {
            self.role = role
            self.cells = cells
        }
    }

    public var name: String
    public var rows: [Row]
    /// Character widths of the columns, left to right.
    public var widths: [Double]

    public init(name: String, rows: [Row], widths: [Double]) {
        self.name = name
        self.rows = rows
        self.widths = widths
    }
}

/// Writes a minimal, valid .xlsx: numbers typed as numbers, shares as percentage-formatted numbers, codes as
/// text, dates as dates; inline strings (no shared string table); landscape A4, fitted to the page width.
public enum XLSXWriter {
    public static func write(_ sheets: [Worksheet], modified: Date = Date(timeIntervalSince1970: 1_767_225_600)) throws -> Data {
        let archive = try Archive(accessMode: .create)
        var names: [String] = []
        for sheet in sheets { names.append(uniqueName(sheet.name, taken: names)) }
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheets.count)),
            ("_rels/.rels", rootRelations),
            ("xl/workbook.xml", workbook(names, headerRows: sheets.map { $0.rows.firstIndex { $0.role == .header } })),
            ("xl/_rels/workbook.xml.rels", workbookRelations(sheets.count)),
            ("xl/styles.xml", styles),
        ]
        for (index, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet))) }
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: modified, compressionMethod: .deflate,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        guard let data = archive.data else { throw SpreadsheetError.notAWorkbook(part: "zip") }
        return data
    }

    /// Excel refuses sheet names over 31 characters, with []:*?/\ in them, or used twice.
    static func uniqueName(_ wanted: String, taken: [String]) -> String {
        let cleaned = String(wanted.filter { !"[]:*?/\\".contains($0) }.prefix(31))
        var name = cleaned.isEmpty ? "Sheet" : cleaned
        var number = 2
        while taken.contains(where: { $0.lowercased() == name.lowercased() }) {
            name = String(cleaned.prefix(27)) + " (\(number))"
            number += 1
        }
        return name
    }

    // MARK: Styles

    /// The number format of each kind of cell, by position in `kinds`: general, text, count, share, date, time.
    static func kind(_ cell: SheetCell) -> Int {
        switch cell {
        case .empty, .heading: return 0
        case .text, .code: return 1
        case .count: return 2
        case .share: return 3
        case .date: return 4
        case .time: return 5
        }
    }

    static let kinds = [0, 49, 3, 164, 165, 166]

    /// The style index of a cell: 0 default, 1 title, 2 header, then six kinds for each of note, body and total.
    static func style(_ role: Worksheet.RowRole, _ cell: SheetCell) -> Int {
        switch role {
        case .title: return 1
        case .header: return 2
        case .note: return 3 + kind(cell)
        case .body: return 9 + kind(cell)
        case .total: return 15 + kind(cell)
        }
    }

    static let styles: String = {
        var xfs = [
            #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#,
            #"<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#,
            #"<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>"#,
        ]
        for (font, border) in [(0, 0), (0, 1), (1, 1)] {
            for format in kinds {
                xfs.append(#"<xf numFmtId="\#(format)" fontId="\#(font)" fillId="0" borderId="\#(border)" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1"><alignment vertical="center" wrapText="\#(format == 49 ? 1 : 0)"/></xf>"#)
            }
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
            <numFmts count="3"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/><numFmt numFmtId="166" formatCode="dd/mm/yyyy hh:mm"/></numFmts>
            <fonts count="3"><font><sz val="11"/><name val="Times New Roman"/></font><font><b/><sz val="11"/><name val="Times New Roman"/></font><font><b/><sz val="14"/><name val="Times New Roman"/></font></fonts>
            <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE8EDF3"/><bgColor indexed="64"/></patternFill></fill></fills>
            <borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
            <cellXfs count="\(xfs.count)">\(xfs.joined())</cellXfs>
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
            </styleSheet>
            """
    }()

    // MARK: Parts

    static func worksheet(_ sheet: Worksheet) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            <sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>
            """
        if let header = sheet.rows.firstIndex(where: { $0.role == .header }) {
            xml += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"\(header + 1)\" topLeftCell=\"A\(header + 2)\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
        }
        if !sheet.widths.isEmpty {
            xml += "<cols>" + sheet.widths.enumerated().map { "<col min=\"\($0 + 1)\" max=\"\($0 + 1)\" width=\"\($1)\" customWidth=\"1\"/>" }.joined() + "</cols>"
        }
        xml += "<sheetData>"
        for (index, row) in sheet.rows.enumerated() {
            xml += "<row r=\"\(index + 1)\">"
            for (column, cell) in row.cells.enumerated() {
                xml += self.cell(cell, reference: SpreadsheetCell.column(column) + String(index + 1), style: style(row.role, cell))
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        xml += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
        xml += "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        xml += "<headerFooter><oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter>"
        return xml + "</worksheet>"
    }

    static func cell(_ cell: SheetCell, reference: String, style: Int) -> String {
        let head = "<c r=\"\(reference)\" s=\"\(style)\""
        switch cell {
        case .empty: return head + "/>"
        case .text(let text), .code(let text), .heading(let text):
            return head + " t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(text))</t></is></c>"
        case .count(let value): return head + "><v>\(value)</v></c>"
        case .share(let share): return head + "><v>\(share.fraction)</v></c>"
        case .date(let date): return head + "><v>\(serial(date))</v></c>"
        case .time(let moment):
            let local = moment.millis + Int64(Moment.vietnamOffsetMinutes) * 60_000
            let days = Double(local) / 86_400_000 + 25_569
            return head + "><v>\(String(format: "%.6f", days))</v></c>"
        }
    }

    /// Days since 30 December 1899, as spreadsheets count dates.
    static func serial(_ date: LocalDate) -> Int64 { date.daysSinceEpoch + 25_569 }

    /// Text for XML: the five entities escaped, characters XML 1.0 forbids left out.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                guard value >= 0x20, value != 0xFFFE, value != 0xFFFF else { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func contentTypes(_ sheets: Int) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\((0..<sheets).map { "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" }.joined())</Types>
        """
    }

    static let rootRelations = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """

    static func workbook(_ names: [String], headerRows: [Int?]) -> String {
        let sheets = names.enumerated().map { "<sheet name=\"\(escape($1))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined()
        // The header row is printed again at the top of every page.
        let titles = zip(names.indices, headerRows).compactMap { index, row in
            row.map { "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">'\(escape(names[index].replacingOccurrences(of: "'", with: "''")))'!$\($0 + 1):$\($0 + 1)</definedName>" }
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets>\(sheets)</sheets>\(titles.isEmpty ? "" : "<definedNames>" + titles + "</definedNames>")</workbook>
            """
    }

    static func workbookRelations(_ sheets: Int) -> String {
        let relations = (0..<sheets).map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(relations)<Relationship Id="rId\(sheets + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
            """
    }
}
