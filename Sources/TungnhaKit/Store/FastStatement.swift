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

    /// Binds one row's values. Text and blobs are copied into a buffer on the stack and bound where they lie just
    /// before the statement runs, so that SQLite copies none of them (each copy was one of its allocations).
    struct Binder {
        let handle: OpaquePointer
        var index: Int32 = 0
        private let arena: UnsafeMutableRawBufferPointer
        private var used = 0
        private let spans: UnsafeMutableBufferPointer<Span>
        private var placed = 0
        static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

        struct Span {
            var index: Int32
            var offset: Int32
            var count: Int32
            var isText: Bool
        }

        /// Room for one row, within what Swift allocates on the stack (1 KB each): larger values are handed to
        /// SQLite to copy.
        static let arenaBytes = 1_024
        static let spanCount = 48

        fileprivate init(handle: OpaquePointer, arena: UnsafeMutableRawBufferPointer, spans: UnsafeMutableBufferPointer<Span>) {
            self.handle = handle
            self.arena = arena
            self.spans = spans
        }

        mutating func text(_ value: String?) {
            index += 1
            guard var value else {
                sqlite3_bind_null(handle, index)
                return
            }
            value.withUTF8 { place(UnsafeRawBufferPointer($0), isText: true) }
        }

        /// Text already in UTF-8 (the caller made it so).
        mutating func text(bytes: [UInt8]) {
            index += 1
            bytes.withUnsafeBytes { place($0, isText: true) }
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
            guard !value.isEmpty else {
                sqlite3_bind_zeroblob(handle, index, 0)
                return
            }
            value.withUnsafeBytes { place($0, isText: false) }
        }

        private mutating func place(_ bytes: UnsafeRawBufferPointer, isText: Bool) {
            guard let source = bytes.baseAddress, !bytes.isEmpty else {
                // The empty text, from a byte of its own: a null pointer would bind NULL.
                sqlite3_bind_text(handle, index, Binder.empty, 0, nil)
                return
            }
            guard bytes.count <= arena.count - used, placed < spans.count else {
                if isText {
                    sqlite3_bind_text(handle, index, source.assumingMemoryBound(to: CChar.self), Int32(bytes.count), Binder.transient)
                } else {
                    sqlite3_bind_blob(handle, index, source, Int32(bytes.count), Binder.transient)
                }
                return
            }
            arena.baseAddress!.advanced(by: used).copyMemory(from: source, byteCount: bytes.count)
            spans[placed] = Span(index: index, offset: Int32(used), count: Int32(bytes.count), isText: isText)
            placed += 1
            used += bytes.count
        }

        /// Binds what `place` put in the buffer; the statement must let go of it (reset and clear) before the
        /// buffer goes.
        fileprivate func bindPlaced() {
            for span in spans[..<placed] {
                let start = UnsafeRawPointer(arena.baseAddress!.advanced(by: Int(span.offset)))
                if span.isText {
                    sqlite3_bind_text(handle, span.index, start.assumingMemoryBound(to: CChar.self), span.count, nil)
                } else {
                    sqlite3_bind_blob(handle, span.index, start, span.count, nil)
                }
            }
        }

        // Written once, never changed or freed: safe to share.
        nonisolated(unsafe) private static let empty: UnsafeMutablePointer<CChar> = {
            let byte = UnsafeMutablePointer<CChar>.allocate(capacity: 1)
            byte.initialize(to: 0)
            return byte
        }()
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
        try bound(bind) { handle in
            while true {
                switch sqlite3_step(handle) {
                case SQLITE_ROW: if try !read(Columns(handle: handle)) { return }
                case SQLITE_DONE: return
                case let code: throw failure(code)
                }
            }
        }
    }

    /// Runs `body` on the statement reset and bound anew; it lets go of the values before they go.
    @inline(__always)
    private func bound<T>(_ bind: (inout Binder) -> Void, _ body: (OpaquePointer) throws -> T) throws -> T {
        let handle = statement.sqliteStatement
        return try withUnsafeTemporaryAllocation(byteCount: Binder.arenaBytes, alignment: 8) { arena in
            try withUnsafeTemporaryAllocation(of: Binder.Span.self, capacity: Binder.spanCount) { spans in
                sqlite3_reset(handle)
                sqlite3_clear_bindings(handle)
                defer {
                    sqlite3_reset(handle)
                    sqlite3_clear_bindings(handle)
                }
                var binder = Binder(handle: handle, arena: arena, spans: spans)
                bind(&binder)
                binder.bindPlaced()
                return try body(handle)
            }
        }
    }

    /// SQLite's error, with the statement's text and none of its arguments.
    private func failure(_ code: Int32) -> DatabaseError {
        let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }

    /// Binds, runs to completion, and returns how many rows changed.
    @discardableResult
    func run(_ bind: (inout Binder) -> Void) throws -> Int {
        try bound(bind) { handle in
            let code = sqlite3_step(handle)
            guard code == SQLITE_DONE else { throw failure(code) }
            return Int(sqlite3_changes(db.sqliteConnection))
        }
    }
}
