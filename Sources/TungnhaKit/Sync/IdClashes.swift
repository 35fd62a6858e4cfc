import Foundation
import GRDB

/// An event that arrived under the name (device and number) of another the store already held, with other content:
/// kept aside, not applied. `conflicts` lists them with both files, until they are mended.
public struct IdClash: Sendable, Codable, Equatable {
    public var event: String
    public var device: String
    public var label: String?
    public var seq: Int64
    /// The file that brought the event kept aside.
    public var file: String?
    /// The file the event held came from; nil when it was recorded on this machine.
    public var heldFrom: String?
}

extension Store {
    /// Every event kept aside because another held its name.
    public func idClashes() throws -> [IdClash] {
        try read { db in
            let labels = try SyncStatus.deviceLabels(db)
            let rows = try Row.fetchAll(
                db, sql: """
                    SELECT c.id, b.file AS file, e.file AS held FROM event_clash c
                    LEFT JOIN batch b ON b.rowid = c.batch LEFT JOIN batch e ON e.rowid = c.existing_batch ORDER BY c.rowid
                    """)
            return rows.compactMap { row in
                guard let (device, seq) = EventRef.parse(row["id"]) else { return nil }
                return IdClash(event: row["id"], device: device, label: labels[device], seq: seq, file: row["file"], heldFrom: row["held"])
            }
        }
    }

    /// A file merged before, whose events clashed then, says so again when it comes back.
    func withEarlierClashes(_ outcomes: [FileOutcome]) throws -> [FileOutcome] {
        guard outcomes.contains(where: { $0.status == .alreadyMerged }) else { return outcomes }
        return try read { db in
            try outcomes.map { outcome in
                guard outcome.status == .alreadyMerged, let device = outcome.device, let number = outcome.batch else { return outcome }
                var outcome = outcome
                let sha = BatchFile.readFooter(.file(outcome.file))?.sha256
                let rows = try Row.fetchAll(
                    db, sql: """
                        SELECT c.id, c.body, e.file AS held FROM batch b JOIN event_clash c ON c.batch = b.rowid
                        LEFT JOIN batch e ON e.rowid = c.existing_batch
                        WHERE b.device = ? AND b.number = ? AND (? IS NULL OR b.sha256 = ?) ORDER BY c.rowid
                        """, arguments: [device, number, sha, sha])
                for row in rows {
                    let event = try EventLog.decode(row["body"])
                    let fork = try EventLog.existingDeviceKey(event.device, db: db).flatMap { try EventLog.event(deviceKey: $0, seq: event.seq, db: db) } != nil
                    outcome.clashes.append(FileOutcome.Clash(
                        event: event.id, line: 0, otherFile: row["held"], forkOf: fork ? event.device : nil, seq: fork ? event.seq : nil))
                }
                return outcome
            }
        }
    }
}

/// What `conflicts` lists: fields two devices set differently, and events kept aside for another's name.
public struct ConflictList: Sendable, Encodable {
    public var fields: [ConflictView]
    public var idClashes: [IdClash]

    public init(fields: [ConflictView], idClashes: [IdClash]) {
        self.fields = fields
        self.idClashes = idClashes
    }
}
