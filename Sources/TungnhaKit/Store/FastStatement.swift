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

        /// Bound from the string's own bytes: passing a String as a C string copies a short one to the heap first.
        mutating func text(_ value: String?) {
            index += 1
            guard var value else {
                sqlite3_bind_null(handle, index)
                return
            }
            let (handle, index) = (handle, index)
            value.withUTF8 { bytes in
                guard let start = bytes.baseAddress, !bytes.isEmpty else {
                    // A null pointer would bind NULL, not the empty text.
                    _ = sqlite3_bind_text(handle, index, "", 0, nil)
                    return
                }
                _ = start.withMemoryRebound(to: CChar.self, capacity: bytes.count) { sqlite3_bind_text(handle, index, $0, Int32(bytes.count), Binder.transient) }
            }
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

    /// The columns of the row a statement stands on, read without boxing.
    struct Columns {
        let handle: OpaquePointer

        func text(_ index: Int32) -> String? {
            guard sqlite3_column_type(handle, index) != SQLITE_NULL, let bytes = sqlite3_column_text(handle, index) else { return nil }
            return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, index))), as: UTF8.self)
        }

        func int(_ index: Int32) -> Int64? {
            sqlite3_column_type(handle, index) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, index)
        }

        /// nil for NULL, and when SQLite could not hand the bytes over (out of memory): never an empty value instead.
        func bytes(_ index: Int32) -> [UInt8]? {
            guard sqlite3_column_type(handle, index) != SQLITE_NULL else { return nil }
            let start = sqlite3_column_blob(handle, index)
            let count = Int(sqlite3_column_bytes(handle, index))
            guard count > 0 else { return [] }
            guard let start else { return nil }
            return [UInt8](UnsafeRawBufferPointer(start: start, count: count))
        }
    }

    /// Binds, steps once, and reads the first row with `read`; nil when there is none.
    func first<T>(_ bind: (inout Binder) -> Void, read: (Columns) -> T) throws -> T? {
        var found: T?
        try rows(bind) { columns in
            found = read(columns)
            return false
        }
        return found
    }

    /// Binds, and reads every row with `read`, in order.
    func each(_ bind: (inout Binder) -> Void, read: (Columns) throws -> Void) throws {
        try rows(bind) { columns in
            try read(columns)
            return true
        }
    }

    /// Steps through the rows while `read` asks for more.
    private func rows(_ bind: (inout Binder) -> Void, read: (Columns) throws -> Bool) throws {
        let handle = bound(bind)
        defer { sqlite3_reset(handle) }
        while true {
            switch sqlite3_step(handle) {
            case SQLITE_ROW: if try !read(Columns(handle: handle)) { return }
            case SQLITE_DONE: return
            case let code: throw failure(code)
            }
        }
    }

    /// The statement, reset and bound anew.
    @inline(__always)
    private func bound(_ bind: (inout Binder) -> Void) -> OpaquePointer {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        var binder = Binder(handle: handle)
        bind(&binder)
        return handle
    }

    /// SQLite's error, with the statement's text and none of its arguments.
    private func failure(_ code: Int32) -> DatabaseError {
        let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }

    /// Binds, runs to completion, and returns how many rows changed.
    @discardableResult
    func run(_ bind: (inout Binder) -> Void) throws -> Int {
        let handle = bound(bind)
        let code = sqlite3_step(handle)
        defer { sqlite3_reset(handle) }
        guard code == SQLITE_DONE else { throw failure(code) }
        return Int(sqlite3_changes(db.sqliteConnection))
    }
}
