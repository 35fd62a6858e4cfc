import GRDB

/// The append-only table of events: the one thing every store holds and every merge adds to.
enum EventLog {
    enum Outcome: Equatable {
        case new
        /// Same id, same content: already here.
        case known
        /// Same id (or same device and sequence number) with other content: not applied.
        case clash(existingBatch: Int64?)
    }

    static func insert(_ event: Event, canonical: String, batch: Int64?, db: Database) throws -> Outcome {
        var target: String?
        switch event.body {
        case .eventVoided(let id, _), .eventCorrected(let id, _): target = id
        default: target = nil
        }
        let changed = try FastStatement(
            db,
            """
            INSERT INTO event (id, device, seq, at, at_ms, type, scheme, commune, household, target, body, batch)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """
        ).run { bind in
            bind.text(event.id)
            bind.text(event.device)
            bind.int(event.seq)
            bind.text(event.at.rfc3339)
            bind.int(event.at.millis)
            bind.text(event.kind.rawValue)
            bind.text(event.commune.scheme.rawValue)
            bind.text(event.commune.code)
            bind.text(event.household)
            bind.text(target)
            bind.text(canonical)
            bind.int(batch)
        }
        if changed == 1 { return .new }
        let existing = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT body, batch FROM event WHERE id = ? OR (device = ? AND seq = ?) ORDER BY id = ? DESC LIMIT 1"),
            arguments: [event.id, event.device, event.seq, event.id])
        if let existing, existing["body"] as String == canonical { return .known }
        return .clash(existingBatch: existing?["batch"])
    }

    static func nextSeq(device: String, db: Database) throws -> Int64 {
        (try Int64.fetchOne(db, sql: "SELECT max(seq) FROM event WHERE device = ?", arguments: [device]) ?? 0) + 1
    }

    /// Events stored in the log were checked on the way in; reading them back cannot fail.
    static func decode(_ body: String) -> Event {
        do {
            return try EventCodec.event(from: try JSONParser.parse(body))
        } catch {
            fatalError("stored event does not read back: \(error)")
        }
    }

    static func events(households codes: [String], db: Database) throws -> [Event] {
        guard !codes.isEmpty else { return [] }
        if codes.count == 1 {
            return try String.fetchAll(db.cachedStatement(sql: "SELECT body FROM event WHERE household = ?"), arguments: [codes[0]])
                .map(decode)
        }
        let marks = databaseQuestionMarks(count: codes.count)
        return try String.fetchAll(db, sql: "SELECT body FROM event WHERE household IN (\(marks))", arguments: StatementArguments(codes))
            .map(decode)
    }

    static func event(id: String, db: Database) throws -> Event? {
        try String.fetchOne(db, sql: "SELECT body FROM event WHERE id = ?", arguments: [id]).map(decode)
    }
}
