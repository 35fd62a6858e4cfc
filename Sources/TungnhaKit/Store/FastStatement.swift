import GRDB
import GRDBSQLite

/// A cached statement bound and stepped through SQLite's C interface, without boxing each value:
/// a province-scale merge runs these millions of times.
struct FastStatement {
    let statement: Statement
    let db: Database

    init(_ db: Database, _ sql: String) throws {
        self.db = db
        statement = try db.cachedStatement(sql: sql)
    }

    struct Binder {
        let handle: OpaquePointer
        var index: Int32 = 0
        static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

        mutating func text(_ value: String?) {
            index += 1
            if let value { sqlite3_bind_text(handle, index, value, -1, Binder.transient) } else { sqlite3_bind_null(handle, index) }
        }

        mutating func int(_ value: Int64?) {
            index += 1
            if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
        }

        mutating func int(_ value: Int?) { int(value.map(Int64.init)) }

        mutating func bool(_ value: Bool?) { int(value.map { $0 ? Int64(1) : 0 }) }

        mutating func blob(_ value: [UInt8]?) {
            index += 1
            guard let value else {
                sqlite3_bind_null(handle, index)
                return
            }
            if value.isEmpty {
                sqlite3_bind_zeroblob(handle, index, 0)
            } else {
                _ = value.withUnsafeBytes { raw in sqlite3_bind_blob(handle, index, raw.baseAddress, Int32(raw.count), Binder.transient) }
            }
        }
    }

    /// Binds, runs to completion, and returns how many rows changed.
    @discardableResult
    func run(_ bind: (inout Binder) -> Void) throws -> Int {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        var binder = Binder(handle: handle)
        bind(&binder)
        let code = sqlite3_step(handle)
        defer { sqlite3_reset(handle) }
        guard code == SQLITE_DONE else {
            let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
        return Int(sqlite3_changes(db.sqliteConnection))
    }
}
