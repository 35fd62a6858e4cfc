import Foundation
import GRDB

extension Store {
    /// Writes the batches of earlier device ids of this store that wait to be sent (see `renewIdentity`): each is
    /// that id's next batch, holding the events it made that no batch had carried. The gathering machine may have
    /// some of them from the machine the store was copied from: the same events, so they are known there, never
    /// doubled.
    public func exportHandovers(to folder: String) throws -> [ExportResult] {
        try write { db in
            var results: [ExportResult] = []
            let current = try Store.identity(db)?.id ?? ""
            let waiting = try Row.fetchAll(db, sql: "SELECT * FROM handover WHERE file IS NULL ORDER BY device, number")
            for row in waiting {
                let device: String = row["device"]
                let commune = CommuneRef(code: row["commune"], scheme: Scheme(rawValue: row["scheme"]) ?? .y2025)
                let bodies = try String.fetchAll(
                    db, sql: "SELECT body FROM event WHERE device = ? AND seq BETWEEN ? AND ? ORDER BY seq",
                    arguments: [try EventLog.existingDeviceKey(device, db: db) ?? -1, row["first_seq"], row["last_seq"]])
                guard !bodies.isEmpty else { continue }
                let header = BatchHeader(
                    kind: .device, device: device, deviceLabel: row["label"], commune: commune, batch: row["number"], events: bodies.count,
                    firstSeq: row["first_seq"], lastSeq: row["last_seq"], writtenAt: now, tool: "tungnha \(TungnhaVersion.string)")
                var writer = BatchWriter(header: header)
                for body in bodies { writer.append(body) }
                let (data, sha, sealedFor) = try finishSigned(&writer, header: header, bodies: bodies, number: nil, db: db)
                // Named apart from a batch of the same number the machine the store was copied from may write.
                let name = (header.fileName as NSString).deletingPathExtension + "_by-" + String(current.prefix(8)) + ".jsonl"
                let file = try Self.place(data, named: name, in: folder)
                try db.execute(
                    sql: "UPDATE handover SET written_at = ?, sha256 = ?, file = ? WHERE device = ? AND number = ?",
                    arguments: [header.writtenAt.rfc3339, sha, name, device, row["number"]])
                results.append(
                    ExportResult(
                        batch: header.batch, kind: .device, file: file, commune: commune.code, scheme: commune.scheme, events: bodies.count,
                        firstSeq: header.firstSeq, lastSeq: header.lastSeq, writtenAt: header.writtenAt.rfc3339, sha256: sha, again: false,
                        device: device, sealedFor: sealedFor))
            }
            return results
        }
    }

    /// Events of earlier device ids still waiting for `exportHandovers`.
    func handoverWaiting(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT coalesce(sum(events), 0) FROM handover WHERE file IS NULL") ?? 0
    }
}
