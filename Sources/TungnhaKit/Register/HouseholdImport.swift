import Foundation
import GRDB

public struct HouseholdImportOptions: Sendable {
    /// The sheet of a workbook, by name or number (1 is the first); the first visible sheet when nil.
    public var sheet: String?
    public var columns: RegisterColumns
    /// The village of every row (a list without a village column), or the one village to take from a list of several.
    public var village: String?
    /// Show what would be created, and create nothing.
    public var dryRun: Bool

    public init(sheet: String? = nil, columns: RegisterColumns = RegisterColumns(), village: String? = nil, dryRun: Bool = false) {
        self.sheet = sheet
        self.columns = columns
        self.village = village
        self.dryRun = dryRun
    }
}

/// What importing a household list did, or would do in a dry run.
public struct HouseholdImport: Sendable, Codable, Equatable {
    public struct Line: Sendable, Codable, Equatable {
        public var row: Int
        public var village: String
        /// From the register; shown on this machine only.
        public var head: String?
        public var address: String?
        /// The household's code: the one created, or the one it matched. Nil in a dry run.
        public var code: String?
    }

    public struct Repeat: Sendable, Codable, Equatable {
        public var row: Int
        public var sameAs: Int
    }

    public var file: String
    public var sheet: String?
    public var headerRow: Int
    /// Each column read: field → "C (Họ và tên chủ hộ)".
    public var columns: [String: String]
    public var dryRun: Bool
    public var villagesAdded: [String]
    public var created: [Line]
    /// Rows imported before, from this file or another.
    public var alreadyImported: [Line]
    /// Rows that are households volunteers had registered already (same village and address, same head where named).
    public var alreadyRegistered: [Line]
    public var repeatedRows: [Repeat]
}

extension Store {
    /// Imports the commune's household list on a team's laptop: each household not yet there is registered
    /// without names (its events carry the village, address and declared members only), and its head's name
    /// and phone stay in a table of this machine. Everything is checked before anything is written.
    public func importHouseholds(
        _ path: String, _ options: HouseholdImportOptions, progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) throws -> HouseholdImport {
        let commune = try read { db in try laptopCommune(db) }
        let table = try SheetTable.load(path: path, sheet: options.sheet)
        let sheet = try RegisterSheet.read(table, columns: options.columns, village: options.village)
        var plan = try read { db in try Self.plan(sheet, commune: commune, db: db) }
        plan.file = path
        plan.dryRun = options.dryRun
        guard !options.dryRun else { return plan }

        for village in plan.villagesAdded { _ = try addVillage(name: village) }
        let source = (path as NSString).lastPathComponent
        let total = plan.created.count + plan.alreadyRegistered.count
        var done = 0
        let entries = Dictionary(uniqueKeysWithValues: sheet.entries.map { ($0.row, $0) })
        for index in plan.created.indices {
            let entry = entries[plan.created[index].row]!
            let household = try registerHousehold(
                HouseholdInput(village: entry.village, noNames: true, address: entry.address, declaredMembers: entry.declaredMembers))
            try remember(household.code, entry, name: entry.head, phone: entry.phone, source: source)
            plan.created[index].code = household.code
            done += 1
            progress(done, total)
        }
        for line in plan.alreadyRegistered {
            // Linked, so that the next import finds it at once; it gets no name from the list.
            try remember(line.code!, entries[line.row]!, name: nil, phone: nil, source: source)
            done += 1
            progress(done, total)
        }
        return plan
    }

    private func remember(_ code: String, _ entry: RegisterEntry, name: String?, phone: String?, source: String) throws {
        try write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO register_household (household, match_key, head_name, phone, source, imported_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [code, entry.matchKey, name, phone, source + ":" + String(entry.row), now.rfc3339])
        }
    }

    /// Sorts each row: imported before, registered by volunteers already, or to create (with the villages it needs).
    static func plan(_ sheet: RegisterSheet, commune: CommuneRef, db: Database) throws -> HouseholdImport {
        var imported: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT match_key, household FROM register_household") { imported[row["match_key"]] = row["household"] }
        let linked = Set(imported.values)
        let villages = Set(try String.fetchAll(
            db, sql: "SELECT key FROM village WHERE scheme = ? AND commune = ?", arguments: [commune.scheme.rawValue, commune.code]))
        struct Known {
            var code: String
            var head: String?
            var address: String?
        }
        var households: [String: [Known]] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT code, village_key, head_name, address FROM household WHERE merged_into IS NULL AND scheme = ? AND commune = ? ORDER BY code",
            arguments: [commune.scheme.rawValue, commune.code])
        {
            let code: String = row["code"]
            guard !linked.contains(code) else { continue }
            households[row["village_key"], default: []].append(Known(
                code: code, head: (row["head_name"] as String?).map(Folding.fold), address: (row["address"] as String?).map(Folding.fold)))
        }
        var result = HouseholdImport(
            file: "", sheet: sheet.sheet, headerRow: sheet.headerRow,
            columns: Dictionary(uniqueKeysWithValues: sheet.columns.map { ($0.key.rawValue, $0.value) }), dryRun: true, villagesAdded: [],
            created: [], alreadyImported: [], alreadyRegistered: [], repeatedRows: sheet.repeated.map { HouseholdImport.Repeat(row: $0.row, sameAs: $0.of) })
        var used = Set<String>()
        var newVillages: [String: String] = [:]
        for entry in sheet.entries {
            var line = HouseholdImport.Line(row: entry.row, village: entry.village, head: entry.head, address: entry.address, code: nil)
            if let code = imported[entry.matchKey] {
                line.code = code
                result.alreadyImported.append(line)
                continue
            }
            let villageKey = Folding.fold(entry.village)
            let head = entry.head.map(Folding.fold), address = entry.address.map(Folding.fold)
            let match = households[villageKey]?.first { known in
                guard !used.contains(known.code) else { return false }
                if let address, !address.isEmpty {
                    return known.address == address && (known.head == nil || head == nil || known.head == head)
                }
                return known.address == nil && known.head != nil && known.head == head
            }
            if let match {
                used.insert(match.code)
                line.code = match.code
                result.alreadyRegistered.append(line)
                continue
            }
            if !villages.contains(villageKey), newVillages[villageKey] == nil {
                newVillages[villageKey] = entry.village
                result.villagesAdded.append(entry.village)
            }
            result.created.append(line)
        }
        return result
    }
}
