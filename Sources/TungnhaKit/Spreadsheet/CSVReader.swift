import Foundation

/// A table read from a spreadsheet file, its rows numbered as the spreadsheet shows them (the first is 1).
public struct SheetTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var number: Int
        public var cells: [String]

        public init(number: Int, cells: [String]) {
            self.number = number
            self.cells = cells
        }
    }

    /// The sheet's name in a workbook; nil for CSV.
    public var sheet: String?
    public var rows: [Row]

    /// Limits on what a file may hold, so that a crafted one cannot exhaust the machine.
    public static let maxRows = 200_000
    public static let maxColumns = 256
    public static let maxCellLength = 4_000
}

/// Reads CSV as spreadsheets write it (RFC 4180): quoted fields holding separators, quotes ("") and line
/// breaks; CRLF, LF or CR line ends; a UTF-8 or UTF-16 byte-order mark. The separator (comma, semicolon or
/// tab) is the one that occurs most, outside quotes, in the first line.
public enum CSVReader {
    public static func read(_ data: Data) throws -> SheetTable {
        guard let text = decode(data) else { throw SpreadsheetError.notUTF8 }
        return try parse(text)
    }

    static func decode(_ data: Data) -> String? {
        let bytes = [UInt8](data.prefix(3))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return String(data: data.dropFirst(3), encoding: .utf8) }
        if bytes.starts(with: [0xFF, 0xFE]) { return String(data: data.dropFirst(2), encoding: .utf16LittleEndian) }
        if bytes.starts(with: [0xFE, 0xFF]) { return String(data: data.dropFirst(2), encoding: .utf16BigEndian) }
        return String(data: data, encoding: .utf8)
    }

    /// The separator of the first line: the most frequent of tab, semicolon and comma outside quotes (comma when none).
    static func separator(of text: String) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = ["\t": 0, ";": 0, ",": 0]
        var quoted = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.toggle() }
            if !quoted, scalar == "\n" || scalar == "\r" { break }
            if !quoted, counts[scalar] != nil { counts[scalar]! += 1 }
        }
        for candidate: Unicode.Scalar in ["\t", ";", ","] where counts[candidate]! == counts.values.max()! && counts[candidate]! > 0 {
            return candidate
        }
        return ","
    }

    public static func parse(_ text: String, separator given: Unicode.Scalar? = nil) throws -> SheetTable {
        let separator = given ?? separator(of: text)
        var rows: [SheetTable.Row] = []
        var cells: [String] = []
        var field = String.UnicodeScalarView()
        var quoted = false
        var afterQuote = false
        var number = 1
        var lastWasCR = false

        func endField() throws {
            guard cells.count < SheetTable.maxColumns else { throw SpreadsheetError.tooManyColumns(row: number, limit: SheetTable.maxColumns) }
            cells.append(String(field))
            field = String.UnicodeScalarView()
            afterQuote = false
        }
        func endRow() throws {
            try endField()
            guard rows.count < SheetTable.maxRows else { throw SpreadsheetError.tooManyRows(limit: SheetTable.maxRows) }
            rows.append(SheetTable.Row(number: number, cells: cells))
            cells = []
            number += 1
        }

        for scalar in text.unicodeScalars {
            if lastWasCR {
                lastWasCR = false
                if scalar == "\n", !quoted { continue }
            }
            if quoted {
                if scalar == "\"" {
                    quoted = false
                    afterQuote = true
                } else {
                    guard field.count < SheetTable.maxCellLength else { throw SpreadsheetError.cellTooLong(row: number, limit: SheetTable.maxCellLength) }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                // A doubled quote inside quotes is one quote; a quote opening a field starts quoting.
                if afterQuote { field.append("\"") }
                quoted = afterQuote || field.isEmpty ? true : false
                if !quoted { field.append("\"") }
                afterQuote = false
            case separator:
                try endField()
            case "\r", "\n":
                try endRow()
                lastWasCR = scalar == "\r"
            default:
                guard field.count < SheetTable.maxCellLength else { throw SpreadsheetError.cellTooLong(row: number, limit: SheetTable.maxCellLength) }
                field.append(scalar)
                afterQuote = false
            }
        }
        if quoted { throw SpreadsheetError.unclosedQuote(row: number) }
        if !field.isEmpty || !cells.isEmpty { try endRow() }
        return SheetTable(sheet: nil, rows: rows)
    }
}

/// Why a spreadsheet file could not be read.
public enum SpreadsheetError: TungnhaError, Equatable {
    case unreadable(path: String)
    case notUTF8
    case unclosedQuote(row: Int)
    case tooManyRows(limit: Int)
    case tooManyColumns(row: Int, limit: Int)
    case cellTooLong(row: Int, limit: Int)
    case notAWorkbook(part: String)
    case partTooLarge(part: String, limit: Int)
    case noSuchSheet(name: String, sheets: [String])
    case unknownFormat(path: String)
}
