import Foundation
import XMLCoder
import ZIPFoundation

/// Reads one sheet of an .xlsx workbook (Excel, LibreOffice, Google Sheets) as text: shared strings, inline
/// strings, numbers, formula results and booleans. Styles, dates and formulas themselves are not interpreted.
public enum XLSXReader {
    /// A part of the workbook larger than this is refused: a small compressed file can hide a huge one.
    public static let maxPartBytes = 64 << 20

    public static func read(_ data: Data, sheet wanted: String? = nil) throws -> SheetTable {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw SpreadsheetError.notAWorkbook(part: "zip")
        }
        let workbook: WorkbookPart = try decode(part("xl/workbook.xml", archive))
        let relations: RelationshipsPart = try decode(part("xl/_rels/workbook.xml.rels", archive))
        let sheets = workbook.sheets.sheet
        guard !sheets.isEmpty else { throw SpreadsheetError.notAWorkbook(part: "xl/workbook.xml") }
        let chosen: WorkbookPart.Sheet
        if let wanted {
            let folded = Folding.fold(wanted)
            if let match = sheets.first(where: { Folding.fold($0.name) == folded }) {
                chosen = match
            } else if let index = Int(wanted), (1...sheets.count).contains(index) {
                chosen = sheets[index - 1]
            } else {
                throw SpreadsheetError.noSuchSheet(name: wanted, sheets: sheets.map(\.name))
            }
        } else {
            chosen = sheets.first { $0.state == nil || $0.state == "visible" } ?? sheets[0]
        }
        guard let target = relations.relationship.first(where: { $0.id == chosen.relation })?.target else {
            throw SpreadsheetError.notAWorkbook(part: "xl/_rels/workbook.xml.rels")
        }
        // Targets are relative to xl/, or absolute within the package.
        let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        var shared: [String] = []
        if archive["xl/sharedStrings.xml"] != nil {
            let strings: SharedStringsPart = try decode(part("xl/sharedStrings.xml", archive))
            shared = (strings.si ?? []).map(\.text)
        }
        let worksheet: WorksheetPart = try decode(part(path, archive))
        var rows: [SheetTable.Row] = []
        var previous = 0
        for row in worksheet.sheetData.row ?? [] {
            let number = row.r.flatMap(Int.init) ?? previous + 1
            previous = number
            guard rows.count < SheetTable.maxRows, number <= 1_048_576 else { throw SpreadsheetError.tooManyRows(limit: SheetTable.maxRows) }
            var cells: [String] = []
            var nextColumn = 0
            for cell in row.c ?? [] {
                let column = cell.r.flatMap(columnIndex) ?? nextColumn
                nextColumn = column + 1
                guard column < SheetTable.maxColumns else { throw SpreadsheetError.tooManyColumns(row: number, limit: SheetTable.maxColumns) }
                let value = text(of: cell, shared: shared)
                guard value.count <= SheetTable.maxCellLength else { throw SpreadsheetError.cellTooLong(row: number, limit: SheetTable.maxCellLength) }
                if cells.count <= column { cells += Array(repeating: "", count: column + 1 - cells.count) }
                cells[column] = value
            }
            rows.append(SheetTable.Row(number: number, cells: cells))
        }
        return SheetTable(sheet: chosen.name, rows: rows)
    }

    /// The names of the workbook's sheets, in order.
    public static func sheetNames(_ data: Data) throws -> [String] {
        guard let archive = try? Archive(data: data, accessMode: .read) else { throw SpreadsheetError.notAWorkbook(part: "zip") }
        let workbook: WorkbookPart = try decode(part("xl/workbook.xml", archive))
        return workbook.sheets.sheet.map(\.name)
    }

    /// "C7" → 2; "AB1" → 27.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { break }
            index = index * 26 + Int(scalar.value - 64)
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : index - 1
    }

    static func text(of cell: WorksheetPart.Cell, shared: [String]) -> String {
        switch cell.t {
        case "s":
            guard let index = cell.v.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), shared.indices.contains(index) else { return "" }
            return shared[index]
        case "inlineStr": return cell.inline?.text ?? ""
        case "b": return cell.v == "1" ? "TRUE" : "FALSE"
        case "str", "e": return cell.v ?? ""
        default: return number(cell.v ?? "")
        }
    }

    /// A number as a person would type it: 912345678 rather than 9.12345678E8, 12 rather than 12.0.
    static func number(_ raw: String) -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        guard trimmed.contains("E") || trimmed.contains("e") || trimmed.hasSuffix(".0"), let value = Double(trimmed),
            value == value.rounded(), abs(value) < 1e15
        else { return trimmed }
        return String(Int64(value))
    }

    static func part(_ path: String, _ archive: Archive) throws -> Data {
        guard let entry = archive[path] else { throw SpreadsheetError.notAWorkbook(part: path) }
        guard entry.uncompressedSize <= UInt64(maxPartBytes) else { throw SpreadsheetError.partTooLarge(part: path, limit: maxPartBytes) }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                // The size in the header may lie; the bytes themselves are counted too.
                guard data.count + chunk.count <= maxPartBytes else { throw SpreadsheetError.partTooLarge(part: path, limit: maxPartBytes) }
                data.append(chunk)
            }
        } catch let error as SpreadsheetError {
            throw error
        } catch {
            throw SpreadsheetError.notAWorkbook(part: path)
        }
        return data
    }

    static func decode<Part: Decodable>(_ data: Data) throws -> Part {
        let decoder = XMLDecoder(trimValueWhitespaces: false, removeWhitespaceElements: true)
        decoder.shouldProcessNamespaces = true
        do {
            return try decoder.decode(Part.self, from: data)
        } catch {
            throw SpreadsheetError.notAWorkbook(part: String(describing: Part.self))
        }
    }
}

/// The parts of an xlsx package the reader needs, as XML: only the elements and attributes it reads.
struct WorkbookPart: Decodable {
    struct Sheet: Decodable {
        var name: String
        var relation: String
        var state: String?

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            name = try container.decode(String.self, forKey: AnyKey("name"))
            state = try container.decodeIfPresent(String.self, forKey: AnyKey("state"))
            // `r:id`; some XML parsers give the attribute without its prefix.
            relation = try container.decodeIfPresent(String.self, forKey: AnyKey("r:id")) ?? container.decode(String.self, forKey: AnyKey("id"))
        }
    }
    struct Sheets: Decodable { var sheet: [Sheet] }
    var sheets: Sheets
}

struct RelationshipsPart: Decodable {
    struct Relationship: Decodable {
        var id: String
        var target: String
        enum CodingKeys: String, CodingKey {
            case id = "Id"
            case target = "Target"
        }
    }
    var relationship: [Relationship]
    enum CodingKeys: String, CodingKey { case relationship = "Relationship" }
}

/// `<t>` with its text, kept as written (`xml:space="preserve"`).
struct TextNode: Decodable {
    var value: String?
    enum CodingKeys: String, CodingKey { case value = "" }
}

/// A string made of plain text or of formatted runs.
struct RichText: Decodable {
    struct Run: Decodable { var t: TextNode? }
    var t: TextNode?
    var r: [Run]?
    var text: String { t?.value ?? (r ?? []).map { $0.t?.value ?? "" }.joined() }
}

struct SharedStringsPart: Decodable {
    var si: [RichText]?
}

struct WorksheetPart: Decodable {
    struct Cell: Decodable {
        var r: String?
        var t: String?
        var v: String?
        var inline: RichText?
        enum CodingKeys: String, CodingKey {
            case r, t, v
            case inline = "is"
        }
    }
    struct Row: Decodable {
        var r: String?
        var c: [Cell]?
    }
    struct SheetData: Decodable { var row: [Row]? }
    var sheetData: SheetData
}

struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
