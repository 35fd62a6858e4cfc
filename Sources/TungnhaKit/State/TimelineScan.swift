import GRDB
import GRDBSQLite

/// A timeline point read in place from its stored bytes, for the past figures of a million households: nothing
/// is built but what a report adds up. Village and volunteer are byte ranges of the stored blob.
struct ScannedPoint {
    var counted = false
    var village: Range<Int> = 0..<0
    var visited = false
    var covered = false
    var lastVisitDay: Int64?
    var volunteer: Range<Int>?
    var lastActivity: Int64 = 0
    /// Members as (year of birth, DVCTT done, VNeID level 2), in `Timeline.ScanBuffers.members`.
    var members: Range<Int> = 0..<0
}

extension Timeline {
    /// Reusable storage of a scan: members of the points in force.
    struct ScanBuffers {
        var members: [TimelinePoint.Member] = []
    }

    /// Walks the stored points (`encode`'s bytes) and calls `body` with the point in force at the end of each of
    /// `days` (ascending), where one is. Damaged bytes end the walk for this household.
    static func scan(
        _ bytes: UnsafeRawBufferPointer, days: [Int64], buffers: inout ScanBuffers, _ body: (Int, ScannedPoint, inout ScanBuffers) -> Void
    ) {
        var input = BinaryReader(bytes)
        guard (try? input.byte()) == codingVersion, let count = try? input.unsigned() else { return }
        var current: ScannedPoint?
        var next = 0
        buffers.members.removeAll(keepingCapacity: true)
        var day: Int64 = 0
        var lastActivity: Int64 = 0
        var village: Range<Int> = 0..<0
        var volunteer: Range<Int>?
        for _ in 0..<count {
            guard let delta = try? input.signed() else { return }
            let pointDay = day &+ delta
            // Points before this one's day are in force for the days asked before it.
            while next < days.count, days[next] < pointDay {
                if let current { body(next, current, &buffers) }
                next += 1
            }
            if next == days.count { return }
            day = pointDay
            do {
                let flags = try input.byte()
                if flags & 16 != 0 { village = try input.stringRange() }
                if flags & 32 != 0 { volunteer = try input.flag() ? try input.stringRange() : nil }
                let lastVisitDay = flags & 8 != 0 ? day &+ (try input.signed()) : nil
                lastActivity = lastActivity &+ (try input.signed())
                let memberCount = try input.count()
                buffers.members.removeAll(keepingCapacity: true)
                for _ in 0..<memberCount {
                    let born = try input.signed() &+ 2000
                    let abilities = try input.byte()
                    buffers.members.append(TimelinePoint.Member(birthYear: Int(truncatingIfNeeded: born), dvctt: abilities & 1 != 0, level2: abilities & 2 != 0))
                }
                current = ScannedPoint(
                    counted: flags & 1 != 0, village: village, visited: flags & 2 != 0, covered: flags & 4 != 0, lastVisitDay: lastVisitDay,
                    volunteer: volunteer, lastActivity: lastActivity, members: 0..<buffers.members.count)
            } catch {
                return
            }
        }
        while next < days.count {
            if let current { body(next, current, &buffers) }
            next += 1
        }
    }
}

extension HouseholdTimelineRecord {
    /// Calls `body` with each household's commune and stored timeline bytes, in place: a raw statement, because
    /// the past figures read a million of them in well under a second.
    static func scanAll(db: Database, _ body: (CommuneRef, UnsafeRawBufferPointer) throws -> Void) throws {
        let statement = try db.makeStatement(sql: "SELECT scheme, commune, points FROM household_timeline")
        let handle = statement.sqliteStatement
        var communes: [String: CommuneRef] = [:]
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: nil, sql: statement.sql) }
            let scheme = String(cString: sqlite3_column_text(handle, 0))
            let commune = String(cString: sqlite3_column_text(handle, 1))
            let key = scheme + commune
            let ref = communes[key] ?? CommuneRef(code: commune, scheme: Scheme(rawValue: scheme) ?? .y2025)
            communes[key] = ref
            let length = Int(sqlite3_column_bytes(handle, 2))
            guard let blob = sqlite3_column_blob(handle, 2) else { continue }
            try body(ref, UnsafeRawBufferPointer(start: blob, count: length))
        }
    }
}
