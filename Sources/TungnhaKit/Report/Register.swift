import Foundation
import GRDB

/// A commune's own household register: how many households each village has.
/// Once loaded, it is the report's "households expected" instead of the 2019 census.
public struct RegisterImport: Sendable, Codable, Equatable {
    public var rows: Int
    public var communes: [String]
    public var households: Int
}

public enum RegisterError: TungnhaError, Equatable {
    case unreadable(path: String)
    case badLine(line: Int, text: String)
    case unknownCommune(line: Int, code: String)
    case badCount(line: Int, text: String)
    case empty(path: String)
    /// A village name the privacy rule refuses (an ID-like number, or a number next to a secret's name).
    case village(line: Int, problem: RecordError)
}

extension Store {
    /// Reads `commune code, village, number of households` lines (a header line is allowed; comma,
    /// semicolon or tab separated; UTF-8 with or without a byte-order mark). All or nothing.
    public func importRegister(_ path: String) throws -> RegisterImport {
        guard let data = FileManager.default.contents(atPath: path), var text = String(data: data, encoding: .utf8) else {
            throw RegisterError.unreadable(path: path)
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var entries: [(commune: String, village: String, households: Int)] = []
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty else { continue }
            let separator: Character = line.contains("\t") ? "\t" : line.contains(";") ? ";" : ","
            let fields = line.split(separator: separator, omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
            guard fields.count >= 3 else { throw RegisterError.badLine(line: index + 1, text: line) }
            if index == 0, Int(fields[2]) == nil, !CommuneRef.isWellFormed(fields[0]) { continue }
            let code = fields[0].count < 5 && Int(fields[0]) != nil ? String(repeating: "0", count: 5 - fields[0].count) + fields[0] : fields[0]
            guard AdminUnits.shared.commune(CommuneRef(code: code, scheme: .y2025)) != nil else {
                throw RegisterError.unknownCommune(line: index + 1, code: fields[0])
            }
            let village = Folding.clean(fields[1])
            guard !village.isEmpty else { throw RegisterError.badLine(line: index + 1, text: line) }
            do { _ = try Store.required(village, .village) } catch let error as RecordError { throw RegisterError.village(line: index + 1, problem: error) }
            guard let count = Int(fields[2].replacingOccurrences(of: ".", with: "")), count >= 0 else {
                throw RegisterError.badCount(line: index + 1, text: fields[2])
            }
            entries.append((code, village, count))
        }
        guard !entries.isEmpty else { throw RegisterError.empty(path: path) }
        let stamp = now.rfc3339
        try write { db in
            for entry in entries {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO register (scheme, commune, village_key, village, households, imported_at) VALUES ('2025', ?, ?, ?, ?, ?)",
                    arguments: [entry.commune, Folding.fold(entry.village), entry.village, entry.households, stamp])
            }
        }
        return RegisterImport(rows: entries.count, communes: Array(Set(entries.map(\.commune))).sorted(), households: entries.reduce(0) { $0 + $1.households })
    }
}
