import Foundation
import GRDB

/// A row of `household_fold`: a household's fold, kept so that new events that sort after it are folded onto it.
/// Households linked by merges have none: they are always folded again from their events.
struct HouseholdFoldRecord: DerivedRecord {
    static let databaseTableName = "household_fold"
    static let replaceSQL = makeReplaceSQL()

    enum Columns: String, ColumnExpression, CaseIterable { case code, state }

    var code: String
    var state: [UInt8]

    init(_ fold: HouseholdFold) {
        code = fold.root
        state = fold.encoded()
    }

    init(row: Row) throws {
        code = row[Columns.code]
        state = [UInt8](row[Columns.state] as Data)
    }

    func cell(_ column: Columns) -> Cell {
        switch column {
        case .code: return .text(code)
        case .state: return .blob(state)
        }
    }

    /// The fold of `code`; nil when it has none. A fold that does not read back is an error, never a crash.
    static func fold(_ code: String, db: Database) throws -> HouseholdFold? {
        guard let data = try Data.fetchOne(db.cachedStatement(sql: "SELECT state FROM household_fold WHERE code = ?"), arguments: [code]) else {
            return nil
        }
        do {
            return try HouseholdFold.decode([UInt8](data))
        } catch {
            throw StoreError.damaged(what: "household_fold \(code)")
        }
    }

    static func delete(_ code: String, db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM household_fold WHERE code = ?").execute(arguments: [code])
    }
}

/// A row of `household_timeline`: what a household code counted for at the end of each day something changed.
struct HouseholdTimelineRecord: DerivedRecord {
    static let databaseTableName = "household_timeline"
    static let replaceSQL = makeReplaceSQL()

    enum Columns: String, ColumnExpression, CaseIterable { case code, scheme, commune, points }

    var code: String
    var commune: CommuneRef
    var points: [TimelinePoint]

    init(code: String, commune: CommuneRef, points: [TimelinePoint]) {
        self.code = code
        self.commune = commune
        self.points = points
    }

    init(row: Row) throws {
        code = row[Columns.code]
        commune = CommuneRef(code: row[Columns.commune], scheme: Scheme(rawValue: row[Columns.scheme]) ?? .y2025)
        do {
            points = try Timeline.decode([UInt8](row[Columns.points] as Data))
        } catch {
            throw StoreError.damaged(what: "household_timeline \(code)")
        }
    }

    func cell(_ column: Columns) -> Cell {
        switch column {
        case .code: return .text(code)
        case .scheme: return .text(commune.scheme.rawValue)
        case .commune: return .text(commune.code)
        case .points: return .blob(Timeline.encode(points))
        }
    }

    static func find(_ code: String, db: Database) throws -> HouseholdTimelineRecord? {
        try HouseholdTimelineRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM household_timeline WHERE code = ?"), arguments: [code])
    }

    /// Calls `body` with every timeline, one at a time: the past figures read them all, in well under a second per
    /// million households.
    static func forEach(db: Database, _ body: (HouseholdTimelineRecord) throws -> Void) throws {
        let cursor = try HouseholdTimelineRecord.fetchCursor(db, sql: "SELECT * FROM household_timeline")
        while let record = try cursor.next() { try body(record) }
    }

    static func delete(_ code: String, db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM household_timeline WHERE code = ?").execute(arguments: [code])
    }
}
