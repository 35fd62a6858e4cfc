import Crypto
import Foundation

/// Where the lines of a batch come from: the file itself, or the batch a sealed file holds, opened in memory (its
/// plain bytes never touch the disk).
enum BatchInput: Sendable {
    case file(String)
    /// The opened batch, the sealed file it came from, and that file's own checksum.
    case memory(Data, sealedFile: String, sealedSHA256: String)

    /// The file as given: what a refusal names and quarantine copies.
    var path: String {
        switch self {
        case .file(let path), .memory(_, let path, _): return path
        }
    }

    var isSealed: Bool {
        if case .memory = self { return true }
        return false
    }

    /// A sealed file's own checksum.
    var sealedSHA256: String? {
        if case .memory(_, _, let sha256) = self { return sha256 }
        return nil
    }

    /// The file at `path`, opened with `keys` when it is sealed.
    static func open(_ path: String, keys: OpeningKeys?) throws(BatchRefusal) -> Opening {
        try open(path, envelope: SealedBatch.envelope(path), keys: keys)
    }

    /// The file at `path`, whose first line, when it is sealed, is `envelope`. `known` is asked with a sealed file's
    /// fingerprint (its own checksum) before the file is opened: a file merged before is not opened again.
    static func open(_ path: String, envelope: JSONValue?, keys: OpeningKeys?, known: (String) -> BatchHeader? = { _ in nil })
        throws(BatchRefusal) -> Opening
    {
        guard let envelope else { return .input(.file(path)) }
        guard FileKind.isRegular(path), let bytes = FileManager.default.contents(atPath: path) else { throw BatchRefusal.unreadable(detail: path) }
        let checked = try SealedBatch.checked(bytes)
        if let fingerprint = SealedBatch.fingerprint(of: envelope, sha256: checked.sha256), let header = known(fingerprint) {
            return .mergedBefore(header)
        }
        return .input(.memory(try SealedBatch.open(checked, keys: keys), sealedFile: path, sealedSHA256: checked.sha256))
    }

    /// What opening a file gave: its lines, or the header of the sealed file it is, merged before.
    enum Opening {
        case input(BatchInput)
        case mergedBefore(BatchHeader)
    }

    /// The last `count` bytes, to find the end line without reading the rest.
    func tail(_ count: Int) -> Data? {
        switch self {
        case .memory(let data, _, _):
            return data.suffix(count)
        case .file(let path):
            guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
            defer { try? handle.close() }
            guard let size = try? handle.seekToEnd(), size > 0 else { return nil }
            let tail = min(size, UInt64(count))
            try? handle.seek(toOffset: size - tail)
            return try? handle.read(upToCount: Int(tail))
        }
    }
}

/// The first line of a file, read from its first 64 KiB, without a byte-order mark or a carriage return.
enum FirstLine {
    static func read(_ path: String) -> [UInt8]? {
        guard FileKind.isRegular(path), let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 1 << 16)) ?? Data()
        var line = Array(head.prefix { $0 != 0x0A })
        if line.starts(with: LineReader.byteOrderMark) { line.removeFirst(3) }
        if line.last == 0x0D { line.removeLast() }
        return line
    }

    /// The first line as a JSON object, if it is one.
    static func object(_ path: String) -> JSONValue? {
        guard let line = read(path), line.first == UInt8(ascii: "{") || line.first == UInt8(ascii: " ") else { return nil }
        return try? line.withUnsafeBufferPointer { try JSONParser.parse($0) }
    }
}

/// What a merge needs to open the sealed files given to it, and to know its own events: this machine's device id and
/// the private key batches are sealed to.
struct OpeningKeys: Sendable {
    var device: String
    /// The X25519 private key's bytes (Crypto's key types are not `Sendable`; this crosses to the reading thread).
    var agreementKey: Data

    var agreement: Curve25519.KeyAgreement.PrivateKey {
        get throws { try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: agreementKey) }
    }
}

/// Files a merge must not open: a pipe or a device would block it, a socket cannot be read.
public enum FileKind: String, Sendable, Codable {
    case pipe, socket, device, other

    /// Nil for a regular file (or a link to one), else what the file is.
    static func irregular(_ path: String) -> FileKind? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFIFO: return .pipe
        case S_IFSOCK: return .socket
        case S_IFCHR, S_IFBLK: return .device
        default: return .other
        }
    }

    static func isRegular(_ path: String) -> Bool { irregular(path) == nil }
}
