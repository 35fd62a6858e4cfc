import Foundation

/// One cell of a table meant for a spreadsheet, with its type, so that CSV and xlsx both write it right.
public enum SheetCell: Sendable, Equatable {
    case empty
    case text(String)
    /// Digits that identify something (a commune code, a phone number): kept as text, leading zeros and all.
    case code(String)
    case count(Int)
    case share(Share)
    case date(LocalDate)
    case time(Moment)
    /// A table's column heading.
    case heading(String)

    /// What a person reads: "14.877", "18,2%", "18/10/2026".
    public func display(_ l: Language) -> String {
        switch self {
        case .empty: return ""
        case .text(let text), .code(let text), .heading(let text): return text
        case .count(let value): return formatNumber(value, l)
        case .share(let share): return formatPercent(share, l)
        case .date(let date): return date.vietnamese
        case .time(let moment): return moment.display
        }
    }
}

/// How a CSV file is written so that a spreadsheet in the reader's locale opens it without an import dialog:
/// Vietnamese files use `;` between fields and `,` before decimals, as Excel and LibreOffice do under vi-VN;
/// English files use `,` and `.`. Both start with a UTF-8 byte-order mark and end lines with CRLF.
public struct CSVDialect: Sendable, Equatable {
    public var separator: Character
    public var decimalMark: Character

    public static let vietnamese = CSVDialect(separator: ";", decimalMark: ",")
    public static let english = CSVDialect(separator: ",", decimalMark: ".")

    public static func of(_ l: Language) -> CSVDialect { l == .vi ? .vietnamese : .english }

    public func render(_ rows: [[SheetCell]]) -> Data {
        var text = ""
        for row in rows {
            text += row.map(field).joined(separator: String(separator)) + "\r\n"
        }
        return Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
    }

    public func field(_ cell: SheetCell) -> String {
        switch cell {
        case .empty: return ""
        case .count(let value): return String(value)
        case .share(let share): return share.number(decimalMark: decimalMark)
        // ISO dates are read as dates by Excel and LibreOffice in every locale.
        case .date(let date): return date.description
        case .time(let moment):
            let text = Moment(millis: moment.millis).rfc3339
            return text.prefix(10) + " " + text.dropFirst(11).prefix(5)
        case .code(let digits) where !digits.isEmpty && digits.allSatisfy({ $0.isASCII && $0.isNumber }):
            // A formula giving text: both spreadsheets keep the leading zeros that a bare 01234 would lose.
            return "=\"\(digits)\""
        case .text(let text), .code(let text), .heading(let text): return quoted(Self.neutralised(text))
        }
    }

    func quoted(_ text: String) -> String {
        guard text.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Text a spreadsheet would take for a formula gets a leading apostrophe, as Excel itself writes it and OWASP advises
    /// ("CSV injection"): text starting with =, +, -, @, a tab or a carriage return, also after spaces.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first(where: { $0 != " " && $0 != "\u{A0}" }),
            "=+-@\t\r".unicodeScalars.contains(first)
        else { return text }
        return "'" + text
    }
}
