import Foundation

/// A column of the commune's household list (sổ hộ) that the import reads.
public enum RegisterField: String, Sendable, Codable, CaseIterable {
    case head, address, village, phone, members

    /// Header texts that name this column, folded (no diacritics, lower case, punctuation as spaces).
    var headers: [String] {
        switch self {
        case .head:
            return [
                "chu ho", "ten chu ho", "ho ten chu ho", "ho va ten chu ho", "ho ten", "ho va ten", "head", "head of household",
                "head name", "householder",
            ]
        case .address: return ["dia chi", "so nha", "dia chi thuong tru", "noi o", "noi o hien nay", "address"]
        case .village:
            return [
                "thon", "to dan pho", "thon to dan pho", "thon to", "ap", "ban", "khu pho", "to", "khom", "thon ban", "thon xom", "xom",
                "village", "hamlet",
            ]
        case .phone: return ["dien thoai", "so dien thoai", "sdt", "dt", "so dt", "dien thoai lien he", "phone", "phone number", "mobile"]
        case .members: return ["so nhan khau", "nhan khau", "so thanh vien", "so nguoi", "so khau", "members", "household size"]
        }
    }
}

/// How the columns are found: by their header, unless named on the command line (a header text or a letter).
public struct RegisterColumns: Sendable, Equatable {
    public var named: [RegisterField: String]

    public init(named: [RegisterField: String] = [:]) { self.named = named }

    /// Folded, with punctuation as spaces: "Thôn/Tổ dân phố (*)" → "thon to dan pho".
    static func key(_ header: String) -> String {
        Folding.fold(String(Folding.fold(header).unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) ? Character($0) : " " }))
    }

    /// The row that names the columns: the first of the first 20 rows in which two fields are recognised by
    /// their header; with every column given by its letter, a file may have no header row at all (row 0).
    func locate(in table: SheetTable) throws -> (header: SheetTable.Row, columns: [RegisterField: Int]) {
        // Columns named by their header: the row that has them all.
        let texts = named.filter { Self.letterIndex($0.value) == nil }
        for row in table.rows.prefix(20) {
            let keys = Set(row.cells.map(Self.key))
            let namedFound = !texts.isEmpty && texts.values.allSatisfy { keys.contains(Self.key($0)) }
            if namedFound || recognised(row) >= 2 { return (row, try match(row)) }
        }
        if !named.isEmpty, named.values.allSatisfy({ Self.letterIndex($0) != nil }) {
            let none = SheetTable.Row(number: 0, cells: [])
            return (none, try match(none))
        }
        if let (field, given) = named.sorted(by: { $0.key.rawValue < $1.key.rawValue }).first(where: { Self.letterIndex($0.value) == nil }) {
            let headers = table.rows.prefix(20).max { $0.cells.filter { !$0.isEmpty }.count < $1.cells.filter { !$0.isEmpty }.count }?.cells ?? []
            throw HouseholdRegisterError.columnNotFound(field: field, given: given, headers: headers.filter { !$0.isEmpty })
        }
        throw HouseholdRegisterError.noHeader(sheet: table.sheet)
    }

    /// How many fields this row names by a header text (columns given by letter do not count).
    func recognised(_ row: SheetTable.Row) -> Int {
        let keys = row.cells.map(Self.key)
        return RegisterField.allCases.filter { field in
            if let given = named[field] { return keys.contains(Self.key(given)) }
            return keys.contains { Self.names(field, $0) }
        }.count
    }

    /// A header names a field exactly, or starts with one of its several-word names ("họ và tên chủ hộ (ghi rõ)").
    static func names(_ field: RegisterField, _ key: String) -> Bool {
        field.headers.contains(key) || field.headers.contains { $0.contains(" ") && key.hasPrefix($0 + " ") }
    }

    /// The columns of one candidate header row.
    func match(_ row: SheetTable.Row) throws -> [RegisterField: Int] {
        let keys = row.cells.map(Self.key)
        var columns: [RegisterField: Int] = [:]
        for field in RegisterField.allCases {
            if let given = named[field] {
                let wanted = Self.key(given)
                if let index = keys.firstIndex(of: wanted) ?? Self.letterIndex(given) {
                    columns[field] = index
                } else {
                    throw HouseholdRegisterError.columnNotFound(field: field, given: given, headers: row.cells.filter { !$0.isEmpty })
                }
                continue
            }
            let exact = keys.indices.filter { field.headers.contains(keys[$0]) }
            let found = exact.isEmpty ? keys.indices.filter { Self.names(field, keys[$0]) } : exact
            if found.count > 1 {
                throw HouseholdRegisterError.ambiguousColumn(
                    field: field, columns: found.map { SpreadsheetCell.column($0) + " (" + row.cells[$0] + ")" })
            }
            if let index = found.first { columns[field] = index }
        }
        // A column named on the command line wins over one found by its header.
        let claimed = Set(named.keys.compactMap { columns[$0] })
        for field in RegisterField.allCases where named[field] == nil {
            if let index = columns[field], claimed.contains(index) { columns[field] = nil }
        }
        return columns
    }

    /// "C" → 2, for a column named by its letter.
    static func letterIndex(_ text: String) -> Int? {
        let letters = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard (1...2).contains(letters.count), letters.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else { return nil }
        return XLSXReader.columnIndex(letters)
    }
}

/// Where a cell is, as a spreadsheet names it.
public enum SpreadsheetCell {
    /// 0 → "A", 27 → "AB".
    public static func column(_ index: Int) -> String {
        var index = index
        var name = ""
        repeat {
            name = String(UnicodeScalar(UInt8(65 + index % 26))) + name
            index = index / 26 - 1
        } while index >= 0
        return name
    }
}

/// One household of the register, checked: what the import creates.
public struct RegisterEntry: Sendable, Codable, Equatable {
    /// The spreadsheet row it came from.
    public var row: Int
    public var village: String
    /// Stays on this machine until the household agrees to names being kept.
    public var head: String?
    public var address: String?
    /// Stays on this machine, like the name.
    public var phone: String?
    public var declaredMembers: Int?

    /// Village, head and address folded: the same household in a second import of the file.
    public var matchKey: String {
        [village, head ?? "", address ?? ""].map(Folding.fold).joined(separator: "|")
    }
}

/// What was read from the file before anything is written.
public struct RegisterSheet: Sendable, Equatable {
    public var sheet: String?
    public var headerRow: Int
    /// Each field read, with its column letter and header: "C (Họ và tên chủ hộ)".
    public var columns: [RegisterField: String]
    public var entries: [RegisterEntry]
    /// Rows left out because they repeat an earlier row: (row, the earlier row).
    public var repeated: [(row: Int, of: Int)]

    public static func == (a: RegisterSheet, b: RegisterSheet) -> Bool {
        a.sheet == b.sheet && a.headerRow == b.headerRow && a.columns == b.columns && a.entries == b.entries
            && a.repeated.map(\.row) == b.repeated.map(\.row) && a.repeated.map(\.of) == b.repeated.map(\.of)
    }

    /// Reads and checks every row; the first bad cell stops it, named by row and column.
    public static func read(_ table: SheetTable, columns named: RegisterColumns, village: String?) throws -> RegisterSheet {
        let (header, columns) = try named.locate(in: table)
        func headerText(_ index: Int) -> String { index < header.cells.count ? Folding.clean(header.cells[index]) : "" }
        guard columns[.head] != nil || columns[.address] != nil else { throw HouseholdRegisterError.noHeadOrAddress(sheet: table.sheet) }
        let onlyVillage = try village.map { try Store.required($0, .village) }
        guard columns[.village] != nil || onlyVillage != nil else { throw HouseholdRegisterError.noVillage }
        var entries: [RegisterEntry] = []
        var seen: [String: Int] = [:]
        var repeated: [(row: Int, of: Int)] = []
        for row in table.rows where row.number > header.number {
            func cell(_ field: RegisterField) -> String? {
                guard let index = columns[field], index < row.cells.count else { return nil }
                // Control characters (a terminal's escape sequences among them) have no place in a name or an address.
                let printable = String(String.UnicodeScalarView(row.cells[index].unicodeScalars.filter {
                    $0 == "\t" || $0 == "\n" || $0 == "\r" || !($0.value < 0x20 || (0x7F...0x9F).contains($0.value))
                }))
                let text = Folding.clean(printable)
                return text.isEmpty ? nil : text
            }
            func problem(_ field: RegisterField, _ error: RecordError) -> HouseholdRegisterError {
                let index = columns[field]!
                return .badCell(row: row.number, column: SpreadsheetCell.column(index), header: headerText(index), problem: error)
            }
            let head = cell(.head), address = cell(.address), villageText = cell(.village)
            // Rows with no household in them: blank lines, a total line, a signature under the table.
            guard head != nil || address != nil else { continue }
            var entry = RegisterEntry(row: row.number, village: "", head: nil, address: nil, phone: nil, declaredMembers: nil)
            do { entry.head = try Store.text(head, .headName) } catch let error as RecordError { throw problem(.head, error) }
            do { entry.address = try Store.text(address, .address) } catch let error as RecordError { throw problem(.address, error) }
            if columns[.village] != nil {
                guard let villageText else { throw problem(.village, .empty(field: .village)) }
                do { entry.village = try Store.required(villageText, .village) } catch let error as RecordError { throw problem(.village, error) }
                if let onlyVillage, Folding.fold(onlyVillage) != Folding.fold(entry.village) { continue }
            } else {
                entry.village = onlyVillage!
            }
            if let phone = cell(.phone) {
                // A phone number typed into a number cell has lost its leading zero.
                let digits = phone.allSatisfy({ $0.isASCII && $0.isNumber }) && phone.count == 9 && !phone.hasPrefix("0") ? "0" + phone : phone
                do { entry.phone = try Store.phone(digits) } catch let error as RecordError { throw problem(.phone, error) }
            }
            if let members = cell(.members) {
                guard let count = Int(members), (1...50).contains(count) else {
                    throw problem(.members, .invalidDeclaredMembers(count: Int(members) ?? 0))
                }
                entry.declaredMembers = count
            }
            if let first = seen[entry.matchKey] {
                repeated.append((entry.row, first))
                continue
            }
            seen[entry.matchKey] = entry.row
            entries.append(entry)
        }
        guard !entries.isEmpty else { throw HouseholdRegisterError.noRows(sheet: table.sheet) }
        var described: [RegisterField: String] = [:]
        for (field, index) in columns {
            described[field] = SpreadsheetCell.column(index) + (headerText(index).isEmpty ? "" : " (" + headerText(index) + ")")
        }
        return RegisterSheet(sheet: table.sheet, headerRow: header.number, columns: described, entries: entries, repeated: repeated)
    }
}

public enum HouseholdRegisterError: TungnhaError, Equatable {
    case noHeader(sheet: String?)
    case columnNotFound(field: RegisterField, given: String, headers: [String])
    case ambiguousColumn(field: RegisterField, columns: [String])
    case noHeadOrAddress(sheet: String?)
    case noVillage
    case badCell(row: Int, column: String, header: String, problem: RecordError)
    case noRows(sheet: String?)
}

extension SheetTable {
    /// Reads a register file: .xlsx by its content (a ZIP), anything else as CSV.
    public static func load(path: String, sheet: String?) throws -> SheetTable {
        guard let data = FileManager.default.contents(atPath: path) else { throw SpreadsheetError.unreadable(path: path) }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return try XLSXReader.read(data, sheet: sheet) }
        if path.lowercased().hasSuffix(".xls") || data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { throw SpreadsheetError.unknownFormat(path: path) }
        return try CSVReader.read(data)
    }
}
