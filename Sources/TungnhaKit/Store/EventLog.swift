import Foundation
import GRDB

/// An event as the store holds it: its place in the log with what it says.
struct StoredEvent: Sendable {
    var rowid: Int64
    var event: Event
}

/// The append-only table of events: the one thing every store holds and every merge adds to.
/// Ids are kept as their 16 bytes and devices as numbers, so that the log's two unique indexes stay small.
enum EventLog {
    enum Outcome: Equatable {
        case new(rowid: Int64)
        /// Same id, same content: already here.
        case known
        /// Same id (or same device and sequence number) with other content: not applied.
        case clash(existingBatch: Int64?)
    }

    /// The number the log knows a device by, made the first time the device is seen.
    static func deviceKey(_ device: String, db: Database) throws -> Int64 {
        if let key = try Int64.fetchOne(db.cachedStatement(sql: "SELECT rowid FROM device WHERE id = ?"), arguments: [device]) { return key }
        try db.cachedStatement(sql: "INSERT INTO device (id) VALUES (?)").execute(arguments: [device])
        return db.lastInsertedRowID
    }

    static func existingDeviceKey(_ device: String, db: Database) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT rowid FROM device WHERE id = ?"), arguments: [device])
    }

    /// Appends an event. Its device and sequence number name it: the same pair with the same content is known,
    /// with other content a clash (two machines wrote under one device id), which is not applied.
    /// The statement `insert` runs, for a loop that appends many events with it.
    static func inserter(_ db: Database) throws -> FastStatement {
        try FastStatement(
            db,
            """
            INSERT INTO event (device, seq, at_ms, type, scheme, commune, household, target, body, batch)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """)
    }

    static func insert(_ event: Event, canonical: [UInt8], deviceKey: Int64, batch: Int64?, db: Database, using inserter: FastStatement? = nil) throws -> Outcome {
        let changed = try (inserter ?? Self.inserter(db)).run { bind in
            bind.int(deviceKey)
            bind.int(event.seq)
            bind.int(event.at.millis)
            bind.text(event.kind.rawValue)
            bind.text(event.commune.scheme.rawValue)
            bind.text(event.commune.code)
            bind.text(event.household)
            // A re-sent event names the one it stands for, as a void names what it voids: both are found by it.
            bind.text(Derivation.target(of: event) ?? event.reissueOf)
            bind.text(bytes: canonical)
            bind.int(batch)
        }
        if changed == 1 { return .new(rowid: db.lastInsertedRowID) }
        let existing = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT body, batch FROM event WHERE device = ? AND seq = ?"), arguments: [deviceKey, event.seq])
        if let existing, (existing["body"] as String).utf8.elementsEqual(canonical) { return .known }
        return .clash(existingBatch: existing?["batch"])
    }

    static func nextSeq(device: String, db: Database) throws -> Int64 {
        guard let key = try existingDeviceKey(device, db: db) else { return 1 }
        return (try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(seq) FROM event WHERE device = ?"), arguments: [key]) ?? 0) + 1
    }

    /// Reads a stored event back. Stored events were checked on the way in and are not checked again, so that a
    /// release that tightens a limit still opens old stores; one that does not read back is an error, not a crash.
    static func decode(_ body: String) throws -> Event {
        do {
            return try EventCodec.storedEvent(from: try JSONParser.parse(body))
        } catch {
            throw StoreError.damaged(what: "event \(body.prefix(60))")
        }
    }

    /// The events at these rowids, in the order given.
    /// The statement `events(rowids:)` runs, for a loop that reads many households' events with it.
    static func reader(_ db: Database) throws -> FastStatement { try FastStatement(db, "SELECT body FROM event WHERE rowid = ?") }

    static func events(rowids: [Int64], db: Database, using reader: FastStatement? = nil) throws -> [StoredEvent] {
        let statement = try reader ?? Self.reader(db)
        return try rowids.map { rowid in
            guard let body = try statement.first({ $0.int(rowid) }, read: { $0.text(0) }) ?? nil else {
                throw StoreError.damaged(what: "event \(rowid)")
            }
            return StoredEvent(rowid: rowid, event: try decode(body))
        }
    }

    static func event(id: String, db: Database) throws -> Event? {
        guard let (device, seq) = EventRef.parse(id), let key = try existingDeviceKey(device, db: db) else { return nil }
        return try event(deviceKey: key, seq: seq, db: db)
    }

    static func event(deviceKey: Int64, seq: Int64, db: Database) throws -> Event? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT body FROM event WHERE device = ? AND seq = ?"), arguments: [deviceKey, seq])
            .map(decode)
    }

    /// Events named as people type them: "a943c319:57" (the start of the device id, and the number), or the whole id.
    static func events(typed text: String, limit: Int, db: Database) throws -> [Event] {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let seq = Int64(parts[1]), seq >= 1, !parts[0].isEmpty, parts[0].allSatisfy(\.isHexDigit) else { return [] }
        let devices = try Int64.fetchAll(
            db, sql: "SELECT rowid FROM device WHERE id >= ? AND id < ? ORDER BY id LIMIT ?", arguments: [parts[0], parts[0] + "~", limit])
        return try devices.compactMap { try event(deviceKey: $0, seq: seq, db: db) }
    }

    /// The events that void or correct `id`.
    static func actions(on id: String, db: Database) throws -> [Event] {
        try String.fetchAll(db.cachedStatement(sql: "SELECT body FROM event WHERE target = ?"), arguments: [id]).map(decode)
    }

    /// Village events of one commune and the voids and corrections of them.
    static func villageEvents(_ commune: CommuneRef, db: Database) throws -> [Event] {
        try String.fetchAll(
            db, sql: "SELECT body FROM event WHERE household IS NULL AND scheme = ? AND commune = ?",
            arguments: [commune.scheme.rawValue, commune.code]
        ).map(decode)
    }

    /// Village events up to a moment (and the voids among them), for the villages as they stood then.
    static func villageEvents(upTo millis: Int64, db: Database) throws -> [Event] {
        try String.fetchAll(
            db, sql: "SELECT body FROM event WHERE household IS NULL AND at_ms <= ?", arguments: [millis]
        ).map(decode)
    }

    /// Every merge, the voids of merges, and the voids of those voids.
    static func mergeEvents(db: Database) throws -> [Event] {
        let merges = try String.fetchAll(db, sql: "SELECT body FROM event WHERE type = 'household.merged'").map(decode)
        var events = merges
        var acted = merges
        while !acted.isEmpty {
            acted = try acted.flatMap { try actions(on: $0.id, db: db) }
            events += acted
        }
        return events
    }

    static func lastRowid(_ db: Database) throws -> Int64 { try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM event") ?? 0 }

    /// Events after `rowid`, in log order, `limit` at a time.
    static func events(after rowid: Int64, limit: Int, db: Database) throws -> [StoredEvent] {
        var events: [StoredEvent] = []
        let rows = try Row.fetchCursor(
            db.cachedStatement(sql: "SELECT rowid, body FROM event WHERE rowid > ? ORDER BY rowid LIMIT ?"), arguments: [rowid, limit])
        while let row = try rows.next() { events.append(StoredEvent(rowid: row[0], event: try decode(row[1]))) }
        return events
    }
}
