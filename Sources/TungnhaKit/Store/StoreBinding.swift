import Foundation
import GRDB

/// What ties a store to the one file on the one machine that writes under its device id: the machine's id and the
/// file's inode. A plain `cp` (to another folder or another machine) makes a new inode; moving the file within its
/// disk (`mv`, renaming a folder) keeps it, and renaming the laptop changes neither. The path is kept to say where
/// the store was.
struct FileBinding: Equatable {
    var machine: String
    var inode: UInt64
    var path: String

    static let keys = (machine: "store.machine", inode: "store.inode", path: "store.path")
    /// Set in a file `tungnha backup` wrote: it is restored, never written to as it is.
    static let backupKey = "store.backup"

    /// The file at `path` on this machine now.
    static func here(_ path: String, _ environment: StoreEnvironment) -> FileBinding {
        var status = stat()
        let inode = stat(path, &status) == 0 ? UInt64(status.st_ino) : 0
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        return FileBinding(machine: environment.machineID ?? machineID(), inode: inode, path: absolute)
    }

    /// The system's machine id (systemd or D-Bus); empty when there is none, and then only the inode is compared.
    static func machineID() -> String {
        for file in ["/etc/machine-id", "/var/lib/dbus/machine-id"] {
            if let text = try? String(contentsOfFile: file, encoding: .utf8) {
                let id = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if !id.isEmpty { return id }
            }
        }
        return ""
    }

    static func stored(_ db: Database) throws -> FileBinding? {
        var values: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM setting WHERE key LIKE 'store.%'") { values[row["key"]] = row["value"] }
        guard let inode = values[keys.inode].flatMap(UInt64.init) else { return nil }
        return FileBinding(machine: values[keys.machine] ?? "", inode: inode, path: values[keys.path] ?? "")
    }

    func save(_ db: Database) throws {
        for (key, value) in [(Self.keys.machine, machine), (Self.keys.inode, String(inode)), (Self.keys.path, path)] {
            try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: [key, value])
        }
    }

    /// The same file on the same machine, wherever it now sits on that disk.
    func isSameFile(as other: FileBinding) -> Bool {
        inode == other.inode && (machine.isEmpty || other.machine.isEmpty || machine == other.machine)
    }
}

/// Where a store stands against the file it was bound to.
public enum BindingStatus: Sendable, Equatable, Codable {
    /// The file it was bound to, or a store never bound (it is bound on its next command).
    case bound
    /// Another file than the one it was bound to: a copy, or a move to another disk or machine.
    case elsewhere(was: String, otherMachine: Bool)
    /// A backup written by `tungnha backup`.
    case backup(at: String)
}

public enum CopyError: TungnhaError, Equatable {
    /// A backup is restored, not used as it is.
    case isBackup(path: String)
    /// `--moved` on a store that is where it was bound.
    case notMoved(path: String)
    case backupExists(path: String)
    case backupOfItself(path: String)
    case restoreOver(path: String)
    case notAStoreFile(path: String)
    case nothingToReissue
    case reissueOnLaptopOnly
}

extension Store {
    /// Where this store stands against the file it was bound to; changes nothing.
    public func bindingStatus() throws -> BindingStatus {
        let here = FileBinding.here(path, environment)
        return try read { db in
            if let at = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [FileBinding.backupKey]) {
                return .backup(at: at)
            }
            guard let bound = try FileBinding.stored(db), !bound.isSameFile(as: here) else { return .bound }
            return .elsewhere(was: bound.path, otherMachine: !bound.machine.isEmpty && !here.machine.isEmpty && bound.machine != here.machine)
        }
    }

    /// Run before a command uses the store: a store that is not the file it was bound to (copied by hand, or put
    /// back from a copy) stops writing under its device id and takes a new one, linked to the old, before anything
    /// is recorded. A store never bound (made by an earlier version) is bound now. A backup is refused.
    public func checkCopy() throws -> IdentityChange? {
        let here = FileBinding.here(path, environment)
        // Read first: a command that only reads must not wait for the write lock a long merge holds.
        let settled = try read { db in
            try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [FileBinding.backupKey]) == nil
                && (try FileBinding.stored(db)).map { $0.isSameFile(as: here) && $0.path == here.path } == true
        }
        if settled { return nil }
        return try write { db in
            if try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [FileBinding.backupKey]) != nil {
                throw CopyError.isBackup(path: path)
            }
            guard let bound = try FileBinding.stored(db) else {
                try here.save(db)
                return nil
            }
            guard !bound.isSameFile(as: here) else {
                if bound.path != here.path { try here.save(db) }
                return nil
            }
            var change = try renewIdentity(.copy, db: db)
            change.was = bound.path
            change.otherMachine = !bound.machine.isEmpty && !here.machine.isEmpty && bound.machine != here.machine
            return change
        }
    }

    /// The store was moved on purpose (to another disk or machine) and the old file is no longer used: it keeps
    /// its device id and is bound to where it is now.
    public func acceptMove() throws -> String {
        let here = FileBinding.here(path, environment)
        return try write { db in
            guard let bound = try FileBinding.stored(db), !bound.isSameFile(as: here) else { throw CopyError.notMoved(path: path) }
            try here.save(db)
            return bound.path
        }
    }
}
