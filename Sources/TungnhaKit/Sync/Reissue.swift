import GRDB

/// What `sync reissue` did on a laptop whose device id another machine also wrote under.
public struct ReissueResult: Sendable, Codable, Equatable {
    public struct Moved: Sendable, Codable, Equatable {
        public var id: String
        public var type: EventKind
        public var household: String?
        public var fromDevice: String
        public var fromSeq: Int64
        public var seq: Int64
    }

    /// Set when this laptop took a new device id for it.
    public var identity: IdentityChange?
    /// The device id the events were re-issued under.
    public var device: String
    /// Each event re-issued: same content and household code, a new device and sequence number (so a new id; the
    /// old one goes with it as `reissueOf`, and references to it among the re-issued events follow).
    public var moved: [Moved]
    /// Events of the gathering machine that were kept aside here and now take the numbers this laptop gave up.
    public var applied: Int
}

extension Store {
    /// On a laptop that learnt, from a gathering machine's file, that another machine wrote other events under its
    /// device id and numbers: takes a new device id (linked to the old) if it still writes under that one, and
    /// re-issues under it every event of its own that the gathering machine does not hold — those whose numbers it
    /// holds with other events, and those never sent — keeping their content and household codes. The gathering
    /// machine's events kept aside here then take their numbers, so this store holds what the gathering machine
    /// holds, plus what it will send.
    public func reissue() throws -> ReissueResult {
        try write { db in
            guard let identity = try Store.identity(db), identity.role == .laptop else { throw CopyError.reissueOnLaptopOnly }
            // Own events (made here, not merged) whose numbers the gathering machine gave to other events.
            var theirs: [(event: Event, clash: Int64, batch: Int64)] = []
            var lost: [Int64: Event] = [:]
            for (event, clash, batch, _) in try Forks.keptAside(db) {
                let key = try EventLog.existingDeviceKey(event.device, db: db)!
                guard let mine = try Row.fetchOne(db, sql: "SELECT rowid, body FROM event WHERE device = ? AND seq = ? AND batch IS NULL", arguments: [key, event.seq])
                else { continue }
                lost[mine["rowid"]] = try EventLog.decode(mine["body"])
                theirs.append((event, clash, batch))
            }
            guard !lost.isEmpty else { throw CopyError.nothingToReissue }
            // Own events of those devices that no batch carried: the gathering machine cannot have them either.
            let forked = Set(lost.values.map(\.device))
            for device in forked {
                let sent = try Self.sentSeq(device, current: identity.id, db: db)
                let rows = try Row.fetchAll(
                    db, sql: "SELECT rowid, body FROM event WHERE device = ? AND seq > ? AND batch IS NULL",
                    arguments: [try EventLog.existingDeviceKey(device, db: db)!, sent])
                for row in rows { lost[row["rowid"]] = try EventLog.decode(row["body"]) }
                try db.execute(sql: "DELETE FROM handover WHERE device = ? AND file IS NULL", arguments: [device])
            }
            let change = forked.contains(identity.id) ? try renewIdentity(.fork, handOver: false, db: db) : nil
            let current = change?.device ?? identity.id
            let key = try EventLog.deviceKey(current, db: db)
            var seq = try EventLog.nextSeq(device: current, db: db)
            var moved: [ReissueResult.Moved] = []
            let order = lost.sorted(by: { ($0.value.device, $0.value.seq) < ($1.value.device, $1.value.seq) })
            var renamed: [String: String] = [:]
            for (_, old) in order {
                renamed[old.id] = EventRef.text(device: current, seq: seq + Int64(renamed.count))
            }
            for (rowid, old) in order {
                try db.execute(sql: "DELETE FROM event WHERE rowid = ?", arguments: [rowid])
                var event = old.renumbered(device: current, seq: seq)
                event.reissueOf = old.id
                event.body = Self.renaming(old.body, renamed)
                seq += 1
                guard case .new = try EventLog.insert(event, canonical: EventCodec.canonicalBytes(event), deviceKey: key, batch: nil, db: db) else {
                    throw StoreError.damaged(what: "event \(event.id) (seq \(event.seq))")
                }
                moved.append(ReissueResult.Moved(
                    id: event.id, type: event.kind, household: event.household, fromDevice: old.device, fromSeq: old.seq, seq: event.seq))
            }
            var applied = 0
            for (event, clash, batch) in theirs {
                let theirKey = try EventLog.deviceKey(event.device, db: db)
                switch try EventLog.insert(event, canonical: EventCodec.canonicalBytes(event), deviceKey: theirKey, batch: batch, db: db) {
                case .new:
                    applied += 1
                    try db.execute(sql: "DELETE FROM event_clash WHERE rowid = ?", arguments: [clash])
                case .known:
                    try db.execute(sql: "DELETE FROM event_clash WHERE rowid = ?", arguments: [clash])
                case .clash:
                    break
                }
            }
            // Events left the log: everything is derived again.
            try DerivedTables.startOver(db: db)
            try DerivedTables.derivePending(db: db)
            return ReissueResult(identity: change, device: current, moved: moved, applied: applied)
        }
    }

    /// A body whose references to re-issued events follow them to their new ids.
    static func renaming(_ body: EventBody, _ renamed: [String: String]) -> EventBody {
        func name(_ id: String) -> String { renamed[id] ?? id }
        switch body {
        case .householdChanged(let change): return .householdChanged(FieldChange(set: change.set, replaces: change.replaces.map(name)))
        case .memberChanged(let change): return .memberChanged(FieldChange(set: change.set, replaces: change.replaces.map(name)))
        case .visitRecorded(var visit):
            visit.replaces = visit.replaces.map(name).sorted()
            return .visitRecorded(visit)
        case .eventVoided(let target, let reason): return .eventVoided(target: name(target), reason: reason)
        case .eventCorrected(let target, let replacement): return .eventCorrected(target: name(target), replacement: renaming(replacement, renamed))
        default: return body
        }
    }

    /// The highest sequence number of `device` a batch of this store carried.
    static func sentSeq(_ device: String, current: String, db: Database) throws -> Int64 {
        let exported = device == current ? try Int64.fetchOne(db, sql: "SELECT max(last_seq) FROM export WHERE kind = 'device'") : nil
        let retired = try Int64.fetchOne(db, sql: "SELECT max(last_seq) FROM retired_export WHERE device = ? AND kind = 'device'", arguments: [device])
        let handed = try Int64.fetchOne(db, sql: "SELECT max(last_seq) FROM handover WHERE device = ? AND file IS NOT NULL", arguments: [device])
        return [exported, retired, handed].compactMap { $0 }.max() ?? 0
    }
}
