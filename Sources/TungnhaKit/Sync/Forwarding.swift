import Foundation
import GRDB

/// A received file `forward` wrote again, byte for byte.
public struct ForwardedFile: Sendable, Codable, Equatable {
    public var file: String
    public var device: String
    public var deviceLabel: String
    public var batch: Int
    public var kind: BatchHeader.Kind
    public var commune: String
    public var scheme: Scheme
    public var events: Int
    public var sha256: String
}

/// What one `forward` wrote for the province: the files received since the last one, unchanged, and this
/// machine's own batch of its own events (household merges, settled conflicts, voids).
public struct ForwardResult: Sendable, Codable, Equatable {
    /// Forwards are numbered 1, 2, 3…; `forward --again N` writes forward N once more.
    public var run: Int
    public var folder: String
    public var writtenAt: String
    public var again: Bool
    public var files: [ForwardedFile]
    public var own: ExportResult?
    /// Batches of an earlier device id of this store (a restored or copied store), written with this forward.
    public var handovers: [ExportResult]
    /// With `--again`: the number of this machine's own batch of that forward, when it was written under an earlier
    /// device id and cannot be written again.
    public var ownNotRewritten: Int?
}

/// On a commune's gathering machine: what waits to be forwarded, and the last forward.
public struct ForwardingStatus: Sendable, Codable, Equatable {
    public var waitingFiles: Int
    public var waitingEvents: Int
    public var lastRun: Int?
    public var lastRunAt: String?
    public var lastRunFolder: String?

    static func of(_ db: Database) throws -> ForwardingStatus {
        let waiting = try Row.fetchOne(
            db, sql: "SELECT count(*) AS files, coalesce(sum(b.events), 0) AS events FROM received_file r JOIN batch b ON b.rowid = r.batch WHERE r.run IS NULL")!
        let last = try Row.fetchOne(db, sql: "SELECT number, written_at, folder FROM forward_run ORDER BY number DESC LIMIT 1")
        return ForwardingStatus(
            waitingFiles: waiting["files"], waitingEvents: waiting["events"], lastRun: last?["number"], lastRunAt: last?["written_at"],
            lastRunFolder: last?["folder"])
    }
}

public enum ForwardError: TungnhaError, Equatable {
    /// `forward` runs on a commune's gathering machine only.
    case notCommuneGathering(role: DeviceIdentity.Role)
    case nothingNew(lastRun: Int?)
    case noSuchRun(number: Int, last: Int?)
    /// A file's bytes changed between the merge reading them and keeping them.
    case changedWhileMerging(file: String)
    /// Kept bytes that no longer match the checksum their batch was merged with.
    case keptFileDamaged(name: String)
}

extension Store {
    /// On a commune's gathering machine, writes to `folder` every received file not forwarded yet, byte for byte as
    /// it arrived, and this machine's own batch; remembers them as forward number N, which `forwardAgain` rewrites.
    public func forward(to folder: String) throws -> ForwardResult {
        let identity = try identity()
        guard identity.role == .communeGathering else { throw ForwardError.notCommuneGathering(role: identity.role) }
        // Events of an earlier device id of this store go first, as that id's batch (as `export` does).
        let handovers = try exportHandovers(to: folder)
        return try write { db in
            let number = (try Int.fetchOne(db, sql: "SELECT max(number) FROM forward_run") ?? 0) + 1
            var own: ExportResult?
            do { own = try exportOwn(to: folder, identity: identity, db: db) } catch ExportError.nothingNew { own = nil }
            let files = try Self.writeReceived(db: db, condition: "r.run IS NULL", arguments: [], to: folder)
            guard own != nil || !files.isEmpty || !handovers.isEmpty else { throw ForwardError.nothingNew(lastRun: number > 1 ? number - 1 : nil) }
            try db.execute(sql: "UPDATE received_file SET run = ? WHERE run IS NULL", arguments: [number])
            let at = now.rfc3339
            try db.execute(
                sql: "INSERT INTO forward_run (number, written_at, folder, files, device, own_batch) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [number, at, folder, files.count, identity.id, own?.batch])
            return ForwardResult(run: number, folder: folder, writtenAt: at, again: false, files: files, own: own, handovers: handovers)
        }
    }

    /// Writes forward `number` once more: the same files, byte for byte, for a folder lost on the way.
    public func forwardAgain(_ number: Int, to folder: String) throws -> ForwardResult {
        let identity = try identity()
        guard identity.role == .communeGathering else { throw ForwardError.notCommuneGathering(role: identity.role) }
        guard let run = try read({ db in try Row.fetchOne(db, sql: "SELECT * FROM forward_run WHERE number = ?", arguments: [number]) }) else {
            throw ForwardError.noSuchRun(number: number, last: try read { db in try Int.fetchOne(db, sql: "SELECT max(number) FROM forward_run") })
        }
        var own: ExportResult?
        var ownNotRewritten: Int?
        if let batch = run["own_batch"] as Int? {
            // Batches of an earlier device id are no longer this store's to rewrite (see `renewIdentity`).
            if run["device"] == identity.id { own = try exportAgain(batch, to: folder) } else { ownNotRewritten = batch }
        }
        let files = try read { db in try Self.writeReceived(db: db, condition: "r.run = ?", arguments: [number], to: folder) }
        return ForwardResult(
            run: number, folder: folder, writtenAt: run["written_at"], again: true, files: files, own: own, handovers: [],
            ownNotRewritten: ownNotRewritten)
    }

    /// Writes the kept files that meet `condition`, in the order they arrived, after checking each against its checksum.
    private static func writeReceived(db: Database, condition: String, arguments: StatementArguments, to folder: String) throws -> [ForwardedFile] {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT r.name, r.bytes, b.device, b.label, b.number, b.kind, b.scheme, b.commune, b.events, b.sha256
                FROM received_file r JOIN batch b ON b.rowid = r.batch WHERE \(condition) ORDER BY r.batch
                """, arguments: arguments)
        var files: [ForwardedFile] = []
        while let row = try rows.next() {
            let name: String = row["name"]
            let data: Data = row["bytes"]
            let sha: String = row["sha256"]
            guard ReceivedFiles.intact(data, sha256: sha) else { throw ForwardError.keptFileDamaged(name: name) }
            files.append(
                ForwardedFile(
                    file: try placeUnchanged(data, named: name, sha256: sha, in: folder), device: row["device"], deviceLabel: row["label"],
                    batch: row["number"], kind: BatchHeader.Kind(rawValue: row["kind"]) ?? .device, commune: row["commune"],
                    scheme: Scheme(rawValue: row["scheme"]) ?? .y2025, events: row["events"], sha256: sha))
        }
        return files
    }

    /// Puts `data` in `folder` under `name`, never over a different file of that name (two machines that wrote
    /// under one device id make two batches of one name): that one gets the checksum's start in its name.
    private static func placeUnchanged(_ data: Data, named name: String, sha256: String, in folder: String) throws -> String {
        let path = (folder as NSString).appendingPathComponent(name)
        guard let existing = FileManager.default.contents(atPath: path), existing != data else { return try place(data, named: name, in: folder) }
        return try place(data, named: (name as NSString).deletingPathExtension + "_" + sha256.prefix(8) + ".jsonl", in: folder)
    }
}
