import Crypto
import Foundation
import GRDB

/// The batch files a commune's gathering machine accepted, kept byte for byte in its store (so a backup or a moved
/// store keeps them too), for `forward` to pass on to the province unchanged.
enum ReceivedFiles {
    /// Called as a merge records a batch. On a commune's gathering machine, keeps the file's bytes, checked to be
    /// the bytes just read. A file whose every event this machine already had is not kept: those events reach the
    /// province in the files that brought them, or in this machine's own batch.
    static func keep(_ batch: ParsedBatch, file: String, row: Int64, outcome: FileOutcome, db: Database) throws {
        let role = try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM setting WHERE key = 'device.role'"))
        guard role == DeviceIdentity.Role.communeGathering.rawValue, outcome.newEvents > 0 || !outcome.clashes.isEmpty else { return }
        guard let data = FileManager.default.contents(atPath: file), isAsRead(data, batch) else { throw ForwardError.changedWhileMerging(file: file) }
        try db.execute(
            sql: "INSERT INTO received_file (batch, name, bytes) VALUES (?, ?, ?)", arguments: [row, batch.header.fileName, data])
    }

    /// Whether `data` are the bytes the merge read: a plain file's end line and checksum, or a sealed file's own
    /// checksum (the merge kept it), so that a sealed file is not opened a second time.
    static func isAsRead(_ data: Data, _ batch: ParsedBatch) -> Bool {
        if let sealed = batch.sealedSHA256 { return (try? SealedBatch.checked(data))?.sha256 == sealed }
        guard let end = endLine(of: data) else { return false }
        return end.footer == batch.footer && end.sha256 == batch.footer.sha256
    }

    /// Whether kept bytes are still those received: a plain file against the batch's checksum; a sealed one against
    /// its own (a store restored from a backup has new keys and cannot open what it kept, but still passes it on).
    static func intact(_ data: Data, sha256: String) -> Bool {
        isSealed(data) ? SealedBatch.isIntact(data) : endLine(of: data)?.sha256 == sha256
    }

    static func isSealed(_ data: Data) -> Bool {
        SealedBatch.isEnvelope(Array(data.drop { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }.prefix { $0 != 0x0A && $0 != 0x0D }))
    }

    /// A batch file's end line, and the SHA-256 of every byte before it (what the end line must state).
    static func endLine(of data: Data) -> (footer: BatchFooter, sha256: String)? {
        let bytes = [UInt8](data)
        var end = bytes.count
        // Blank space after the end line is allowed (docs/sync-format.md, section 2).
        while end > 0, [0x0A, 0x0D, 0x20, 0x09].contains(bytes[end - 1]) { end -= 1 }
        guard let newline = bytes[..<end].lastIndex(of: 0x0A) else { return nil }
        let line = Array(bytes[(newline + 1)..<end])
        guard let value = try? line.withUnsafeBufferPointer({ try JSONParser.parse($0) }), let footer = try? BatchFile.parseFooter(value, line: 0)
        else { return nil }
        return (footer, SHA256.hash(data: bytes[...newline]).hex)
    }
}
