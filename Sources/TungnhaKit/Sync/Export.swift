import Foundation
import GRDB

/// A batch file written by `export`.
public struct ExportResult: Sendable, Codable, Equatable {
    public var batch: Int
    public var kind: BatchHeader.Kind
    public var file: String
    public var commune: String
    public var scheme: Scheme
    public var events: Int
    public var firstSeq: Int64?
    public var lastSeq: Int64?
    public var writtenAt: String
    public var sha256: String
    /// True for `export --again`: the same bytes as the first time.
    public var again: Bool
    /// For a batch of an earlier device id of this store (see `exportHandovers`): that id.
    public var device: String? = nil
    /// Batches of earlier device ids written with this one.
    public var handovers: [ExportResult]? = nil
    /// The machines the file is sealed to (empty: signed, not sealed, for it names nobody).
    public var sealedFor: [String] = []
}

public enum ExportError: TungnhaError, Equatable {
    case nothingNew(lastBatch: Int?)
    case noSuchBatch(number: Int, last: Int?)
    case communeOnGatheringOnly
    case provinceNeedsCommune
    case cannotWrite(folder: String, detail: String)
    case rewriteDiffers(number: Int)
}

extension Store {
    /// On a laptop, writes every event of this device not yet exported as one batch file. On a gathering machine,
    /// writes everything it knows of one commune (by default, a commune machine's own) for that commune's laptops.
    public func export(to folder: String, commune code: String? = nil, scheme: Scheme = .y2025) throws -> ExportResult {
        let identity = try identity()
        switch identity.role {
        case .laptop:
            if code != nil { throw ExportError.communeOnGatheringOnly }
            return try write { db in try exportOwn(to: folder, identity: identity, db: db) }
        case .communeGathering, .provinceGathering:
            let commune: CommuneRef
            if let code {
                commune = CommuneRef(code: code, scheme: scheme)
            } else if identity.role == .communeGathering, let own = identity.commune {
                commune = own
            } else {
                throw ExportError.provinceNeedsCommune
            }
            guard AdminUnits.shared.commune(commune) != nil else {
                throw SetupError.unknownCommune(
                    code: commune.code, scheme: commune.scheme, suggestions: AdminUnits.shared.suggestions(forCommune: commune.code, scheme: commune.scheme))
            }
            return try write { db in try exportRelay(commune, to: folder, identity: identity, db: db) }
        }
    }

    /// This device's events not yet in a batch, as its next device batch (a laptop's export; a commune gathering
    /// machine's own batch, written by `forward`).
    func exportOwn(to folder: String, identity: DeviceIdentity, db: Database) throws -> ExportResult {
        try writeBatch(folder: folder, db: db) { number in
            let last = try Int64.fetchOne(db, sql: "SELECT max(last_seq) FROM export WHERE kind = 'device'") ?? 0
            let bodies = try Row.fetchAll(
                db, sql: "SELECT seq, body, rowid FROM event WHERE device = ? AND seq > ? ORDER BY seq",
                arguments: [try EventLog.existingDeviceKey(identity.id, db: db) ?? -1, last])
            guard !bodies.isEmpty else {
                throw ExportError.nothingNew(lastBatch: try Int.fetchOne(db, sql: "SELECT max(number) FROM export"))
            }
            let header = BatchHeader(
                kind: .device, device: identity.id, deviceLabel: identity.label, commune: identity.commune!, batch: number,
                events: bodies.count, firstSeq: bodies.first!["seq"], lastSeq: bodies.last!["seq"], writtenAt: now,
                tool: "tungnha \(TungnhaVersion.string)")
            return (header, bodies.map { $0["body"] }, bodies.last!["rowid"])
        }
    }

    /// Everything this machine knows of one commune, for that commune's laptops.
    private func exportRelay(_ commune: CommuneRef, to folder: String, identity: DeviceIdentity, db: Database) throws -> ExportResult {
        let (code, scheme) = (commune.code, commune.scheme)
        return try writeBatch(folder: folder, db: db) { number in
            let bodies = try Row.fetchAll(
                db, sql: "SELECT device, seq, body, rowid FROM event WHERE scheme = ? AND commune = ? ORDER BY rowid",
                arguments: [scheme.rawValue, code])
            let previous = try Int64.fetchOne(
                db, sql: "SELECT max(upto_rowid) FROM export WHERE kind = 'relay' AND scheme = ? AND commune = ?",
                arguments: [scheme.rawValue, code]) ?? 0
            guard let newest = bodies.last?["rowid"] as Int64?, newest > previous else {
                throw ExportError.nothingNew(lastBatch: try Int.fetchOne(db, sql: "SELECT max(number) FROM export WHERE scheme = ? AND commune = ?", arguments: [scheme.rawValue, code]))
            }
            let ownKey = try EventLog.existingDeviceKey(identity.id, db: db)
            let own = bodies.filter { $0["device"] == ownKey }.map { $0["seq"] as Int64 }
            let header = BatchHeader(
                kind: .relay, device: identity.id, deviceLabel: identity.label, commune: commune, batch: number, events: bodies.count,
                firstSeq: own.min(), lastSeq: own.max(), writtenAt: now, tool: "tungnha \(TungnhaVersion.string)")
            return (header, bodies.map { $0["body"] }, newest)
        }
    }

    /// Writes batch `number` once more, byte for byte, for a file lost on the way.
    public func exportAgain(_ number: Int, to folder: String) throws -> ExportResult {
        let identity = try identity()
        return try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM export WHERE number = ?", arguments: [number]) else {
                throw ExportError.noSuchBatch(number: number, last: try Int.fetchOne(db, sql: "SELECT max(number) FROM export"))
            }
            let kind = BatchHeader.Kind(rawValue: row["kind"]) ?? .device
            let commune = CommuneRef(code: row["commune"], scheme: Scheme(rawValue: row["scheme"]) ?? .y2025)
            let bodies: [String]
            if kind == .device {
                bodies = try String.fetchAll(
                    db, sql: "SELECT body FROM event WHERE device = ? AND seq BETWEEN ? AND ? ORDER BY seq",
                    arguments: [try EventLog.existingDeviceKey(identity.id, db: db) ?? -1, row["first_seq"], row["last_seq"]])
            } else {
                bodies = try String.fetchAll(
                    db, sql: "SELECT body FROM event WHERE scheme = ? AND commune = ? AND rowid <= ? ORDER BY rowid",
                    arguments: [commune.scheme.rawValue, commune.code, row["upto_rowid"]])
            }
            let header = BatchHeader(
                kind: kind, device: identity.id, deviceLabel: identity.label, commune: commune, batch: number, events: bodies.count,
                firstSeq: row["first_seq"], lastSeq: row["last_seq"], writtenAt: Moment(rfc3339: row["written_at"])!,
                tool: "tungnha \(TungnhaVersion.string)")
            var writer = BatchWriter(header: header)
            for body in bodies { writer.append(body) }
            let (data, sha, sealedFor) = try finishSigned(&writer, header: header, bodies: bodies, number: number, db: db)
            guard sha == row["sha256"] else { throw ExportError.rewriteDiffers(number: number) }
            let path = try Self.place(data, named: header.fileName, in: folder)
            return ExportResult(
                batch: number, kind: kind, file: path, commune: commune.code, scheme: commune.scheme, events: bodies.count,
                firstSeq: header.firstSeq, lastSeq: header.lastSeq, writtenAt: header.writtenAt.rfc3339, sha256: sha, again: true,
                sealedFor: sealedFor)
        }
    }

    private func writeBatch(folder: String, db: Database, _ collect: (Int) throws -> (BatchHeader, [String], Int64)) throws -> ExportResult {
        let number = (try Int.fetchOne(db, sql: "SELECT max(number) FROM export") ?? 0) + 1
        let (header, bodies, upto) = try collect(number)
        var writer = BatchWriter(header: header)
        for body in bodies { writer.append(body) }
        let (data, sha, sealedFor) = try finishSigned(&writer, header: header, bodies: bodies, number: number, db: db)
        try db.execute(
            sql: """
                INSERT INTO export (number, kind, scheme, commune, first_seq, last_seq, upto_rowid, events, written_at, sha256, file)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                number, header.kind.rawValue, header.commune.scheme.rawValue, header.commune.code, header.firstSeq, header.lastSeq,
                upto, bodies.count, header.writtenAt.rfc3339, sha, header.fileName,
            ])
        // The file is in place before the export is recorded; if it cannot be written, nothing is recorded.
        let path = try Self.place(data, named: header.fileName, in: folder)
        return ExportResult(
            batch: number, kind: header.kind, file: path, commune: header.commune.code, scheme: header.commune.scheme,
            events: bodies.count, firstSeq: header.firstSeq, lastSeq: header.lastSeq, writtenAt: header.writtenAt.rfc3339,
            sha256: sha, again: false, sealedFor: sealedFor)
    }

    static func place(_ data: Data, named name: String, in folder: String) throws -> String {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let path = (folder as NSString).appendingPathComponent(name)
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
            return path
        } catch {
            throw ExportError.cannotWrite(folder: folder, detail: error.localizedDescription)
        }
    }
}
