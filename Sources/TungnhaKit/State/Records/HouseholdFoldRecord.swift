import Foundation
import GRDB

/// A row of `household_fold`: every household code that has events has one. It lists where the household's events
/// are in the log (so that folding again needs no index of events by household), and keeps the household's fold,
/// so that new events that sort after it are folded onto it. Households linked by merges keep no fold: they are
/// always folded again from their events. A registered household's columns (`HouseholdRecord`) are in the same row.
struct HouseholdFoldRecord: DerivedRecord {
    static let databaseTableName = "household_fold"
    static let writeSQL = makeReplaceSQL()

    enum Columns: String, ColumnExpression, CaseIterable { case key, code, events, state }

    /// The number the derived rows know this household by, given the first time it is seen; nil until saved.
    var key: Int64?
    var code: String
    /// The rowids of its events in the log, in log order.
    var events: [Int64]
    var state: [UInt8]?

    init(key: Int64?, code: String, events: [Int64], fold: HouseholdFold?) {
        self.key = key
        self.code = code
        self.events = events
        state = fold?.encoded()
    }

    init(row: Row) throws {
        key = row[Columns.key]
        code = row[Columns.code]
        do {
            events = try Self.decodeRowids([UInt8](row[Columns.events] as Data))
        } catch {
            throw StoreError.damaged(what: "household_fold \(code)")
        }
        state = (row[Columns.state] as Data?).map { [UInt8]($0) }
    }

    func cell(_ column: Columns) -> Cell {
        switch column {
        case .key: return .int(key)
        case .code: return .text(code)
        case .events: return .blob(Self.encodeRowids(events))
        case .state: return .blob(state)
        }
    }

    /// Saves the row and returns its key: a household seen for the first time gets the next number.
    @discardableResult
    mutating func save(db: Database) throws -> Int64 {
        guard let key else {
            try save(fast: db)
            key = db.lastInsertedRowID
            return db.lastInsertedRowID
        }
        // A row that has its key changes in place: its code, and so the index of codes, stays as it was.
        try FastStatement(db, "UPDATE household_fold SET events = ?, state = ? WHERE key = ?").run { binder in
            binder.blob(Self.encodeRowids(events))
            binder.blob(state)
            binder.int(key)
        }
        return key
    }

    /// One change of a household's row: its events and fold, and its household columns (`HouseholdRecord`), bound
    /// in that order. A stored row is updated; a new one inserted, and given its key.
    static let updateWithHouseholdSQL = """
        UPDATE household_fold SET \(updateList(leaving: [.key, .code])), \(HouseholdRecord.updateList(leaving: [.key, .code], after: Columns.allCases.count))
        WHERE key = ?1 AND code = ?2
        """
    static let insertWithHouseholdSQL: String = {
        let columns = parameters(leaving: []) + HouseholdRecord.parameters(leaving: [.key, .code], after: Columns.allCases.count)
        return "INSERT INTO household_fold (\(columns.map(\.name).joined(separator: ", "))) VALUES (\(columns.map(\.parameter).joined(separator: ", ")))"
    }()

    /// Saves the row with the household columns of the same code, in one change of the row; returns its key.
    @discardableResult
    mutating func save(with household: HouseholdRecord, statements: RowStatements) throws -> Int64 {
        guard household.code == code else { throw StoreError.damaged(what: "household_fold \(code)") }
        let changed = try (key == nil ? statements.insertWithHousehold : statements.updateWithHousehold).run { binder in
            bind(to: &binder)
            household.bind(to: &binder)
        }
        guard changed == 1 else { throw StoreError.damaged(what: "household_fold \(code)") }
        if key == nil { key = statements.insertWithHousehold.db.lastInsertedRowID }
        return key!
    }

    /// The fold it keeps; nil for a household linked by merges. One that does not read back is an error, not a crash.
    func fold() throws -> HouseholdFold? {
        guard let state else { return nil }
        do {
            return try HouseholdFold.decode(state)
        } catch {
            throw StoreError.damaged(what: "household_fold \(code)")
        }
    }

    static func encodeRowids(_ rowids: [Int64]) -> [UInt8] {
        var out = BinaryWriter()
        var previous: Int64 = 0
        for rowid in rowids {
            out.signed(rowid &- previous)
            previous = rowid
        }
        return out.bytes
    }

    static func decodeRowids(_ bytes: [UInt8]) throws -> [Int64] {
        var input = BinaryReader(bytes)
        var rowids: [Int64] = []
        var previous: Int64 = 0
        while input.index < bytes.count {
            previous &+= try input.signed()
            rowids.append(previous)
        }
        return rowids
    }

    static func find(_ code: String, db: Database) throws -> HouseholdFoldRecord? {
        try HouseholdFoldRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM household_fold WHERE code = ?"), arguments: [code])
    }

    /// Read unboxed: a weekly delivery reads one for each household it touches.
    static func find(key: Int64, db: Database) throws -> HouseholdFoldRecord? {
        let found = try FastStatement(db, "SELECT code, events, state FROM household_fold WHERE key = ?").first({ $0.int(key) }) { columns in
            (columns.text(0), columns.bytes(1), columns.bytes(2))
        }
        guard let (code, events, state) = found else { return nil }
        guard let code else { throw StoreError.damaged(what: "household_fold \(key)") }
        guard let events, let rowids = try? decodeRowids(events) else { throw StoreError.damaged(what: "household_fold \(code)") }
        var row = HouseholdFoldRecord(key: key, code: code, events: rowids, fold: nil)
        row.state = state
        return row
    }

    static func exists(_ code: String, db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM household_fold WHERE code = ?"), arguments: [code]) ?? false
    }

    /// The key of a household code, if it has events.
    static func key(of code: String, db: Database) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT key FROM household_fold WHERE code = ?"), arguments: [code])
    }

    /// Codes starting with `prefix`, at most `limit`, in order.
    static func codes(prefix: String, limit: Int, db: Database) throws -> [String] {
        try String.fetchAll(
            db.cachedStatement(sql: "SELECT code FROM household_fold WHERE code >= ? AND code < ? ORDER BY code LIMIT ?"),
            arguments: [prefix, prefix + "~", limit])
    }

    /// The code just before and just after `code`, to find the shortest prefix that tells it apart.
    static func neighbours(of code: String, db: Database) throws -> [String] {
        let before = try String.fetchOne(
            db.cachedStatement(sql: "SELECT code FROM household_fold WHERE code < ? ORDER BY code DESC LIMIT 1"), arguments: [code])
        let after = try String.fetchOne(db.cachedStatement(sql: "SELECT code FROM household_fold WHERE code > ? ORDER BY code LIMIT 1"), arguments: [code])
        return [before, after].compactMap { $0 }
    }

    /// Every event of these households, in log order.
    static func events(of codes: [String], db: Database) throws -> [StoredEvent] {
        var rowids: [Int64] = []
        for code in codes { rowids += try find(code, db: db)?.events ?? [] }
        return try EventLog.events(rowids: rowids.sorted(), db: db)
    }
}

/// A row of `household_timeline`: what a household code counted for at the end of each day something changed.
struct HouseholdTimelineRecord: DerivedRecord {
    static let databaseTableName = "household_timeline"
    static let writeSQL = makeReplaceSQL()

    enum Columns: String, ColumnExpression, CaseIterable { case key, code, scheme, commune, points }

    var key: Int64
    var code: String
    var commune: CommuneRef
    let points: [TimelinePoint]
    /// The points as stored: encoded where the record is made, which for a merge is off the writer's thread.
    private let pointBytes: [UInt8]

    init(key: Int64, code: String, commune: CommuneRef, points: [TimelinePoint]) {
        self.key = key
        self.code = code
        self.commune = commune
        self.points = points
        pointBytes = Timeline.encode(points)
    }

    init(row: Row) throws {
        key = row[Columns.key]
        code = row[Columns.code]
        commune = CommuneRef(code: row[Columns.commune], scheme: Scheme(rawValue: row[Columns.scheme]) ?? .y2025)
        do {
            pointBytes = [UInt8](row[Columns.points] as Data)
            points = try Timeline.decode(pointBytes)
        } catch {
            throw StoreError.damaged(what: "household_timeline \(code)")
        }
    }

    func cell(_ column: Columns) -> Cell {
        switch column {
        case .key: return .int(key)
        case .code: return .text(code)
        case .scheme: return .text(commune.scheme.rawValue)
        case .commune: return .text(commune.code)
        case .points: return .blob(pointBytes)
        }
    }

    /// Its points as stored, decoded by whoever folds onto them.
    static func pointBytes(key: Int64, db: Database) throws -> [UInt8]? {
        try FastStatement(db, "SELECT points FROM household_timeline WHERE key = ?").first({ $0.int(key) }) { $0.bytes(0) } ?? nil
    }

    /// Calls `body` with every timeline, one at a time: the past figures read them all, in well under a second per
    /// million households.
    static func forEach(db: Database, _ body: (HouseholdTimelineRecord) throws -> Void) throws {
        let cursor = try HouseholdTimelineRecord.fetchCursor(db, sql: "SELECT * FROM household_timeline")
        while let record = try cursor.next() { try body(record) }
    }

    static func delete(key: Int64, db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM household_timeline WHERE key = ?").execute(arguments: [key])
    }
}
