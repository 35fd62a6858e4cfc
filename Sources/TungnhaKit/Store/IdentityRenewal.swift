import GRDB

/// A store that took a new device id, so that two machines never write under one.
public struct IdentityChange: Sendable, Codable, Equatable {
    public var how: DeviceCopy.How
    /// The id it had.
    public var previous: String
    /// The id it writes under from now on.
    public var device: String
    public var label: String
    public var role: DeviceIdentity.Role
    /// Events of the previous id that no batch had carried yet: the next export sends them, as that id's batch.
    public var handedOver: Int
    /// Where the store was before, when it was found to be a copy.
    public var was: String?
    public var otherMachine: Bool
}

extension Store {
    /// Takes a new device id, linked to the old one: on a laptop or a commune's gathering machine, a `device.copied`
    /// event (the first of the new id) tells the machine its batches go to. Batches written under the old id are kept
    /// apart, and its events not yet sent wait for the next export. The store is bound to the file it is now.
    /// `handOver`: false when the caller moves the old id's unsent events itself (`reissue`).
    func renewIdentity(_ how: DeviceCopy.How, handOver: Bool = true, db: Database) throws -> IdentityChange {
        guard let identity = try Store.identity(db) else { throw StoreError.notAStore(path: path) }
        let previousKey = try EventLog.existingDeviceKey(identity.id, db: db)
        let lastSeq = try previousKey.flatMap { try Int64.fetchOne(db, sql: "SELECT max(seq) FROM event WHERE device = ?", arguments: [$0]) } ?? 0
        var handedOver = 0
        if handOver, identity.role.sendsOwnEvents, let key = previousKey, let commune = identity.commune {
            let exported = try Int64.fetchOne(db, sql: "SELECT max(last_seq) FROM export WHERE kind = 'device'") ?? 0
            let waiting = try Row.fetchOne(
                db, sql: "SELECT min(seq) AS first, max(seq) AS last, count(*) AS events FROM event WHERE device = ? AND seq > ?",
                arguments: [key, exported])!
            handedOver = waiting["events"]
            if handedOver > 0 {
                let number = (try Int.fetchOne(db, sql: "SELECT max(number) FROM export") ?? 0) + 1
                try db.execute(
                    sql: """
                        INSERT INTO handover (device, label, scheme, commune, number, first_seq, last_seq, events)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        identity.id, identity.label, commune.scheme.rawValue, commune.code, number, waiting["first"] as Int64,
                        waiting["last"] as Int64, handedOver,
                    ])
            }
        }
        try db.execute(
            sql: """
                INSERT INTO retired_export (device, number, kind, scheme, commune, first_seq, last_seq, upto_rowid, events, written_at, sha256, file)
                SELECT ?, number, kind, scheme, commune, first_seq, last_seq, upto_rowid, events, written_at, sha256, file FROM export;
                DELETE FROM export;
                """, arguments: [identity.id])
        var random = environment.random.generator
        let id = EventID.make(using: &random)
        let settings = [
            ("device.id", id), ("device.previous", identity.id), ("device.renewed", now.rfc3339 + " " + how.rawValue),
        ]
        for (key, value) in settings {
            try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: [key, value])
        }
        // The machine this store was copied from holds the old keys: the new id signs with keys of its own.
        try MachineKeys.make(device: id, environment: environment, db: db)
        if identity.role.sendsOwnEvents, let commune = identity.commune {
            try append([Draft(commune: commune, body: .deviceCopied(DeviceCopy(source: identity.id, sourceSeq: lastSeq, how: how)))], db: db)
        }
        try FileBinding.here(path, environment).save(db)
        return IdentityChange(
            how: how, previous: identity.id, device: id, label: identity.label, role: identity.role, handedOver: handedOver, was: nil,
            otherMachine: false)
    }
}
