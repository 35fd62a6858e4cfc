import Foundation
import GRDB
import GRDBSQLite

/// One value of a row, unboxed: what a record hands to SQLite for a column.
enum Cell {
    case text(String?)
    case int(Int64?)
    case blob([UInt8]?)

    static func bool(_ value: Bool?) -> Cell { .int(value.map { $0 ? 1 : 0 }) }
    static func int(_ value: Int?) -> Cell { .int(value.map(Int64.init)) }

    var databaseValue: DatabaseValue {
        switch self {
        case .text(let value): return value?.databaseValue ?? .null
        case .int(let value): return value?.databaseValue ?? .null
        case .blob(let value): return value.map { Data($0).databaseValue } ?? .null
        }
    }
}

/// A row of a table the derivation writes. Its `Columns` are the table's only column list: GRDB's persistence
/// and the fast insert of a merge both take it from here, so that no value can be bound in the wrong place.
protocol DerivedRecord: FetchableRecord, PersistableRecord {
    associatedtype Columns: CaseIterable, Hashable, RawRepresentable, ColumnExpression where Columns.RawValue == String
    func cell(_ column: Columns) -> Cell
    /// The statement that writes one row, made once: `INSERT OR REPLACE` of every column (`makeReplaceSQL()`), or
    /// the `UPDATE` of a record whose columns live in another table's row (`makeUpdateSQL`).
    static var writeSQL: String { get }
}

extension DerivedRecord {
    func encode(to container: inout PersistenceContainer) {
        for column in Columns.allCases { container[column.rawValue] = cell(column).databaseValue }
    }

    static func makeReplaceSQL() -> String {
        let names = Columns.allCases.map(\.rawValue)
        return "INSERT OR REPLACE INTO \(databaseTableName) (\(names.joined(separator: ", "))) VALUES (\(databaseQuestionMarks(count: names.count)))"
    }

    /// For a record whose columns live in another table's row, which must exist and be its own (`key` and every
    /// column of `matching` equal to the record's): `UPDATE` of the other columns, bound in the order of `Columns`
    /// all the same (`?N` is the Nth of them).
    static func makeUpdateSQL(of table: String, keyedBy key: Columns, matching: [Columns]) -> String {
        let columns = Array(Columns.allCases)
        let row = ([key] + matching).map { "\($0.rawValue) = ?\(columns.firstIndex(of: $0)! + 1)" }
        return "UPDATE \(table) SET \(updateList(leaving: [key] + matching)) WHERE \(row.joined(separator: " AND "))"
    }

    /// This record's columns but `leaving`, each with its parameter: "?N", N its place in `Columns` after `after`.
    static func parameters(leaving: [Columns], after: Int = 0) -> [(name: String, parameter: String)] {
        Columns.allCases.enumerated().filter { !leaving.contains($0.element) }.map { ($0.element.rawValue, "?\(after + $0.offset + 1)") }
    }

    /// "a = ?1, b = ?2": this record's columns but `leaving`, numbered as `parameters` numbers them.
    static func updateList(leaving: [Columns], after: Int = 0) -> String {
        parameters(leaving: leaving, after: after).map { "\($0.name) = \($0.parameter)" }.joined(separator: ", ")
    }

    /// Binds every column, in the order of `Columns`.
    func bind(to binder: inout FastStatement.Binder) {
        for column in Columns.allCases {
            switch cell(column) {
            case .text(let value): binder.text(value)
            case .int(let value): binder.int(value)
            case .blob(let value): binder.blob(value)
            }
        }
    }

    /// The `UPDATE` that leaves such a row without this record's columns: every column but `key` and `leaving` null.
    static func makeClearSQL(of table: String, keyedBy key: Columns, leaving: [Columns]) -> String {
        let set = Columns.allCases.filter { $0 != key && !leaving.contains($0) }.map { "\($0.rawValue) = NULL" }
        return "UPDATE \(table) SET \(set.joined(separator: ", ")) WHERE \(key.rawValue) = ?"
    }

    /// The statement `save(fast:)` runs, for a loop that saves many rows of this table with it.
    static func writeStatement(_ db: Database) throws -> FastStatement { try FastStatement(db, writeSQL) }

    /// Inserts or replaces the row through a cached statement bound value by value: millions of rows in a merge.
    func save(fast db: Database) throws { try save(fast: Self.writeStatement(db)) }

    func save(fast statement: FastStatement) throws {
        // One row, inserted, replaced or updated: an update that finds no row would lose the record.
        let changed = try statement.run { bind(to: &$0) }
        guard changed == 1 else { throw StoreError.damaged(what: Self.databaseTableName) }
    }
}

/// The statements a derivation writes households' rows with, found once for many households: finding a cached
/// statement hashes its SQL, which cost as much as binding the row.
struct RowStatements {
    let updateWithHousehold: FastStatement
    let insertWithHousehold: FastStatement
    let member: FastStatement
    let visit: FastStatement
    let timeline: FastStatement

    init(_ db: Database) throws {
        updateWithHousehold = try FastStatement(db, HouseholdFoldRecord.updateWithHouseholdSQL)
        insertWithHousehold = try FastStatement(db, HouseholdFoldRecord.insertWithHouseholdSQL)
        member = try MemberRecord.writeStatement(db)
        visit = try VisitRecord.writeStatement(db)
        timeline = try HouseholdTimelineRecord.writeStatement(db)
    }
}
