import Foundation
import GRDB

public struct BackupResult: Sendable, Codable, Equatable {
    public var file: String
    public var store: String
    public var at: String
    public var events: Int
    public var households: Int
}

public struct RestoreResult: Sendable, Codable, Equatable {
    public var store: String
    public var from: String
    /// When the backup was taken; nil for a store file copied some other way.
    public var backedUpAt: String?
    public var events: Int
    public var households: Int
    /// Where a store that was at `store` was put aside (`--replace`).
    public var replaced: String?
    public var identity: IdentityChange
}

extension Store {
    /// A consistent copy of the store in one file, with SQLite's online backup: it reads the store in one
    /// transaction, so a command writing meanwhile is either wholly in it or not at all. The copy is marked as a
    /// backup: it is restored (`restore`), never used as it is.
    public func backup(to file: String) throws -> BackupResult {
        let target = URL(fileURLWithPath: file).standardizedFileURL.path
        guard target != URL(fileURLWithPath: path).standardizedFileURL.path else { throw CopyError.backupOfItself(path: file) }
        guard !FileManager.default.fileExists(atPath: file) else { throw CopyError.backupExists(path: file) }
        let folder = (target as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let at = now
        do {
            let destination = try DatabaseQueue(path: file)
            try queue.backup(to: destination)
            let counts = try destination.writeWithoutTransaction { db -> (Int, Int) in
                try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: [FileBinding.backupKey, at.rfc3339])
                // A lost backup must not sign as this machine: a restored store makes keys of its own.
                try MachineKeys.wipe(db)
                // One self-contained file, whatever the store's journal.
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
                return (try Int.fetchOne(db, sql: "SELECT count(*) FROM event") ?? 0, try Int.fetchOne(db, sql: "SELECT count(*) FROM household") ?? 0)
            }
            try destination.close()
            return BackupResult(file: target, store: path, at: at.rfc3339, events: counts.0, households: counts.1)
        } catch {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: file + suffix) }
            throw error
        }
    }

    /// Makes the store at `path` from a backup (or any store file): the restored store continues under a new device
    /// id, linked to the old one, so that it never writes under the id the lost machine used. With `replace`, a store
    /// already at `path` is put aside beside it, never deleted.
    public static func restore(
        from backup: String, to path: String, replace: Bool = false, environment: StoreEnvironment = StoreEnvironment()
    ) throws -> RestoreResult {
        guard exists(at: backup) else { throw CopyError.notAStoreFile(path: backup) }
        let source: DatabaseQueue
        let backedUpAt: String?
        do {
            source = try DatabaseQueue(path: backup)
            backedUpAt = try source.read { db -> String? in
                guard try db.tableExists("setting"), try identity(db) != nil else { throw CopyError.notAStoreFile(path: backup) }
                if try Migrations.migrator.hasBeenSuperseded(db) { throw StoreError.newerVersion(path: backup) }
                return try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [FileBinding.backupKey])
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw CopyError.notAStoreFile(path: backup)
        }
        var aside: String?
        if exists(at: path) {
            guard replace else { throw CopyError.restoreOver(path: path) }
            let stamp = Moment(environment.now()).rfc3339.prefix(19).filter { $0.isNumber }
            aside = path + ".before-restore-" + stamp
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
                try FileManager.default.moveItem(atPath: path + suffix, toPath: aside! + suffix)
            }
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        do {
            let destination = try DatabaseQueue(path: path, configuration: configuration())
            try source.backup(to: destination)
            try destination.write { db in try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [FileBinding.backupKey]) }
            try destination.close()
            try source.close()
            let store = try open(at: path, environment: environment)
            let change = try store.write { db in try store.renewIdentity(.restore, db: db) }
            let counts = try store.read { db in
                (try Int.fetchOne(db, sql: "SELECT count(*) FROM event") ?? 0, try Int.fetchOne(db, sql: "SELECT count(*) FROM household") ?? 0)
            }
            return RestoreResult(
                store: path, from: backup, backedUpAt: backedUpAt, events: counts.0, households: counts.1, replaced: aside, identity: change)
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            if let aside {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.moveItem(atPath: aside + suffix, toPath: path + suffix) }
            }
            throw error
        }
    }
}
