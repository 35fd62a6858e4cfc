import Crypto
import Foundation

/// The first line of a batch file (see docs/sync-format.md).
public struct BatchHeader: Sendable, Equatable {
    public static let format = "tungnha-batch"
    public static let version = 1

    public enum Kind: String, Sendable, Codable {
        /// The writing device's own events, in sequence.
        case device
        /// Everything a district machine knows of one commune, sent back to its laptops.
        case relay
    }

    public var kind: Kind
    public var device: String
    public var deviceLabel: String
    public var commune: CommuneRef
    /// 1, 2, 3… per device.
    public var batch: Int
    public var events: Int
    /// The range of the writing device's sequence numbers this batch holds (none in a relay batch without its own events).
    public var firstSeq: Int64?
    public var lastSeq: Int64?
    public var writtenAt: Moment
    public var tool: String

    public var json: JSONValue {
        var fields: JSONObject = [
            "format": .string(Self.format), "version": .int(Int64(Self.version)), "kind": .string(kind.rawValue),
            "device": .string(device), "deviceLabel": .string(deviceLabel), "commune": .string(commune.code),
            "scheme": .string(commune.scheme.rawValue), "batch": .int(Int64(batch)), "events": .int(Int64(events)),
            "writtenAt": .string(writtenAt.rfc3339), "tool": .string(tool), "signature": .null,
        ]
        fields["firstSeq"] = firstSeq.map { .int($0) } ?? .null
        fields["lastSeq"] = lastSeq.map { .int($0) } ?? .null
        return .object(fields)
    }

    /// The name the tool gives the file: it sorts by commune, device and batch number. Merging never relies on it.
    public var fileName: String {
        let number = String(batch)
        return "tungnha_\(commune.scheme.rawValue)-\(commune.code)_\(device.prefix(8))_\(String(repeating: "0", count: max(0, 6 - number.count)) + number)"
            + (kind == .relay ? "_relay" : "") + ".jsonl"
    }
}

/// The last line: how many events, and the SHA-256 of every byte before this line.
public struct BatchFooter: Sendable, Equatable {
    public var events: Int
    public var sha256: String

    public var json: JSONValue {
        .object(["end": .string(BatchHeader.format), "events": .int(Int64(events)), "sha256": .string(sha256)])
    }
}

extension SHA256.Digest {
    var hex: String { map { byte in String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16) }.joined() }
}

/// Writes a batch file: header, events, footer, with the checksum computed as it goes.
struct BatchWriter {
    private var bytes: [UInt8] = []
    private var hasher = SHA256()

    init(header: BatchHeader) {
        append(JSONWriter.canonical(header.json))
    }

    mutating func append(_ line: String) {
        let start = bytes.count
        bytes.append(contentsOf: line.utf8)
        bytes.append(0x0A)
        bytes.withUnsafeBufferPointer { hasher.update(bufferPointer: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: $0[start...]))) }
    }

    /// The whole file, and its checksum.
    mutating func finish(events: Int) -> (data: Data, sha256: String) {
        let sha = hasher.finalize().hex
        var file = bytes
        file.append(contentsOf: JSONWriter.canonical(BatchFooter(events: events, sha256: sha).json).utf8)
        file.append(0x0A)
        return (Data(file), sha)
    }
}
