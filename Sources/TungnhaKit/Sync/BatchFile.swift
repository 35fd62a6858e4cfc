import Crypto
import Foundation

/// The first line of a batch file (see docs/sync-format.md).
public struct BatchHeader: Sendable, Equatable {
    public static let format = "tungnha-batch"
    public static let version = 2

    public enum Kind: String, Sendable, Codable {
        /// The writing device's own events, in sequence.
        case device
        /// Everything a gathering machine knows of one commune, sent back to its laptops.
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
            "writtenAt": .string(writtenAt.rfc3339), "tool": .string(tool),
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

/// The last line: how many events, the SHA-256 of every line before this one, and the signature of that checksum.
public struct BatchFooter: Sendable, Equatable {
    public var events: Int
    public var sha256: String
    /// Nil in a file written without one, which a merge refuses (`unsigned`).
    public var signature: BatchSignature? = nil

    public var json: JSONValue {
        var fields: JSONObject = ["end": .string(BatchHeader.format), "events": .int(Int64(events)), "sha256": .string(sha256)]
        for member in signature?.fields.members ?? [] { fields[member.key] = member.value }
        return .object(fields)
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

    /// The signature of the end line, once `finish` made it.
    private(set) var signature: BatchSignature?

    /// The whole file, and its checksum; signed by `signer` (nil only to write what a merge must refuse).
    mutating func finish(events: Int, signer: BatchSigner?) throws -> (data: Data, sha256: String) {
        let sha = hasher.finalize().hex
        signature = try signer?.sign(sha256: sha)
        var file = bytes
        file.append(contentsOf: JSONWriter.canonical(BatchFooter(events: events, sha256: sha, signature: signature).json).utf8)
        file.append(0x0A)
        return (Data(file), sha)
    }
}

/// One event line of a batch, read and checked.
struct ParsedEvent: Sendable {
    var line: Int
    var event: Event
    /// Its canonical form, as the log stores it: bytes, for they go to the store as they are.
    var canonical: [UInt8]
}

/// A batch file read whole and checked against the format, before the store is touched.
struct ParsedBatch: Sendable {
    var header: BatchHeader
    var footer: BatchFooter
    var events: [ParsedEvent]
    /// What the checks that need no store found, for those that do (`BatchChecks`, `BatchTrust`).
    var facts = BatchFacts()
    /// A sealed file's own checksum, kept with the batch so that the file is known again without opening it.
    var sealedSHA256: String?
}

/// What reading one file gave.
enum FileReading: Sendable {
    case batch(ParsedBatch)
    /// The same file (same checksum) was merged before, and its bytes still hash to it.
    case alreadyMerged(BatchHeader)
    case refused(BatchRefusal, header: BatchHeader?)
    /// Found in a folder, but not a batch file; or not a regular file (a pipe would block the merge), wherever found.
    case skipped(FileKind?)
}

/// Reading the batch format: the header, the events, the end line and the checksum (docs/sync-format.md).
/// Nothing here touches a store; `Store.merge` applies what it reads.
enum BatchFile {
    /// The identity of a batch, to know a file merged before without reading it: "device|number|sha256".
    static func fingerprint(device: String, batch: Int, sha256: String) -> String { "\(device)|\(batch)|\(sha256)" }

    /// Reads and checks a whole file. `named`: given by name (always tried), rather than found in a folder
    /// (tried only when it starts like a batch). `merged` holds the fingerprints of batches already merged.
    /// `mergedSealed` holds the batches merged from sealed files, by the same fingerprint with the sealed file's
    /// checksum: such a file is known again without being opened.
    static func read(
        _ path: String, named: Bool, merged: Set<String>, mergedSealed: [String: BatchHeader] = [:], keys: OpeningKeys?,
        accept: (CommuneRef) throws -> Void
    ) -> FileReading {
        if let kind = FileKind.irregular(path) { return .skipped(kind) }
        if !named, !looksLikeBatch(path) { return .skipped(nil) }
        var header: BatchHeader?
        do {
            // A sealed file for another commune is refused as such, before anyone tries to open it.
            let envelope = SealedBatch.envelope(path)
            if let routed = envelope.flatMap(SealedBatch.commune(of:)) { try accept(routed) }
            let input: BatchInput
            switch try BatchInput.open(path, envelope: envelope, keys: keys, known: { mergedSealed[$0] }) {
            case .input(let opened): input = opened
            case .mergedBefore(let known): return .alreadyMerged(known)
            }
            let read = try readHeader(input)
            header = read
            try accept(read.commune)
            if let footer = readFooter(input), merged.contains(fingerprint(device: read.device, batch: read.batch, sha256: footer.sha256)),
                try hashBeforeEnd(input) == footer.sha256
            {
                return .alreadyMerged(read)
            }
            var batch = try BatchChecks.check(try parse(input, header: read), own: keys?.device, sealed: input.isSealed)
            batch.sealedSHA256 = input.sealedSHA256
            return .batch(batch)
        } catch let refusal as BatchRefusal {
            return .refused(refusal, header: header)
        } catch {
            return .refused(.unreadable(detail: error.localizedDescription), header: header)
        }
    }

    /// A file whose first line (after a byte-order mark) is a JSON object with `"format": "tungnha-batch"`, or a
    /// sealed batch, whatever the file is called.
    static func looksLikeBatch(_ path: String) -> Bool {
        let format = FirstLine.object(path)?["format"]
        return format == .string(BatchHeader.format) || format == .string(SealedBatch.format)
    }

    static func readHeader(_ input: BatchInput) throws -> BatchHeader {
        var reader: LineReader
        do { reader = try LineReader(input) } catch { throw BatchRefusal.unreadable(detail: error.localizedDescription) }
        defer { reader.close() }
        var header: BatchHeader?
        var failure: Error?
        try reader.forEachLine { line, _, _ in
            do { header = try parseHeader(line) } catch { failure = error }
            return false
        }
        if let failure { throw failure }
        guard let header else { throw BatchRefusal.empty }
        return header
    }

    static func parseJSON(_ line: UnsafeBufferPointer<UInt8>, number: Int, keys: JSONKeys? = nil) throws -> JSONValue {
        do {
            return try JSONParser.parse(line, keys: keys)
        } catch {
            throw BatchRefusal.notJSON(line: number, column: error.offset + 1)
        }
    }

    static func parseHeader(_ line: UnsafeBufferPointer<UInt8>) throws -> BatchHeader {
        guard case .object(let fields) = try parseJSON(line, number: 1), fields["format"] == .string(BatchHeader.format) else {
            throw BatchRefusal.notABatch
        }
        guard fields["version"] == .int(Int64(BatchHeader.version)) else {
            throw BatchRefusal.unknownVersion(found: fields["version"].map(JSONWriter.canonical) ?? "—")
        }
        do {
            var reader = try ObjectReader(.object(fields), path: "")
            _ = reader.take("format")
            _ = reader.take("version")
            guard let kind = BatchHeader.Kind(rawValue: try reader.string("kind")) else { throw reader.invalid("kind", "device|relay") }
            let device = try reader.string("device")
            guard EventID.isValid(device) else { throw reader.invalid("device", "uuid") }
            let label = try DeviceLabel.checked(try reader.string("deviceLabel"), path: "deviceLabel")
            let code = try reader.string("commune")
            guard CommuneRef.isWellFormed(code) else { throw reader.invalid("commune", "5 digits") }
            guard let scheme = Scheme(rawValue: try reader.string("scheme")) else { throw reader.invalid("scheme", "2025|pre2025") }
            let batch = try reader.integer("batch")
            guard (1...BatchLimits.batch).contains(batch) else { throw reader.invalid("batch", "1..\(BatchLimits.batch)") }
            let events = try reader.integer("events")
            guard events >= 0 else { throw reader.invalid("events", "integer >= 0") }
            let first = try reader.optionalInteger("firstSeq")
            let last = try reader.optionalInteger("lastSeq")
            if kind == .device || first != nil || last != nil {
                guard let first, (1...BatchLimits.seq).contains(first) else { throw reader.invalid("firstSeq", "1..\(BatchLimits.seq)") }
                guard let last, (first...BatchLimits.seq).contains(last) else { throw reader.invalid("lastSeq", "firstSeq..\(BatchLimits.seq)") }
            }
            guard let written = Moment(rfc3339: try reader.string("writtenAt")) else { throw reader.invalid("writtenAt", "RFC 3339 date-time") }
            let tool = try reader.optionalString("tool") ?? ""
            try reader.finish()
            return BatchHeader(
                kind: kind, device: device, deviceLabel: label, commune: CommuneRef(code: code, scheme: scheme),
                batch: Int(batch), events: Int(events), firstSeq: first, lastSeq: last, writtenAt: written, tool: tool)
        } catch let error as EventFormatError {
            throw BatchRefusal.badHeader(field: error.path, problem: error.problem)
        }
    }

    /// The end line: three fields, or six with the signature (`signer`, `key`, `signature`).
    static func parseFooter(_ value: JSONValue, line: Int) throws -> BatchFooter {
        guard case .object(let fields) = value, fields.count == 3 || fields.count == 6, fields["end"] == .string(BatchHeader.format),
            case .int(let count)? = fields["events"], case .string(let sha)? = fields["sha256"], sha.count == 64
        else { throw BatchRefusal.badEnd(line: line) }
        let signature = BatchSignature(signer: fields["signer"], key: fields["key"], signature: fields["signature"])
        guard (fields.count == 6) == (signature != nil) else { throw BatchRefusal.badEnd(line: line) }
        return BatchFooter(events: Int(count), sha256: sha.lowercased(), signature: signature)
    }

    /// The end line, read from the file's tail without reading the rest.
    static func readFooter(_ input: BatchInput) -> BatchFooter? {
        guard var data = input.tail(512) else { return nil }
        while data.last == 0x0A || data.last == 0x0D || data.last == 0x20 { data.removeLast() }
        guard let start = data.lastIndex(of: 0x0A) else { return nil }
        let line = Array(data[(start + 1)...])
        guard let value = try? line.withUnsafeBufferPointer({ try JSONParser.parse($0) }) else { return nil }
        return try? parseFooter(value, line: 0)
    }

    /// The SHA-256 of every line before the end line, as the end line states it.
    static func hashBeforeEnd(_ input: BatchInput) throws -> String? {
        var reader = try LineReader(input)
        defer { reader.close() }
        var hasher = SHA256()
        var footerLine = 0
        try reader.forEachLine { line, number, _ in
            // Only a line naming "end" can be the end line: the others are hashed without being parsed.
            if line.count > 0, line[0] == UInt8(ascii: "{"), names(line, "\"end\""), let value = try? JSONParser.parse(line), value["end"] != nil {
                footerLine = number
                return false
            }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(line))
            hasher.update(data: [0x0A])
            return true
        }
        return footerLine > 0 ? hasher.finalize().hex : nil
    }

    /// Whether `line` holds the bytes of `word`.
    static func names(_ line: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        // memmem is a GNU extension Swift's Glibc module does not show: memchr for the first byte, then memcmp.
        let count = word.utf8CodeUnitCount
        guard let base = line.baseAddress, line.count >= count else { return false }
        var from = 0
        while from <= line.count - count, let found = memchr(base + from, Int32(word.utf8Start[0]), line.count - count - from + 1) {
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + index, word.utf8Start, count) == 0 { return true }
            from = index + 1
        }
        return false
    }

    /// Reads every line after the header and checks it: JSON, the event's fields, its commune, device and sequence
    /// number against the header, the count and the checksum. Any problem refuses the whole file.
    static func parse(_ input: BatchInput, header: BatchHeader) throws -> ParsedBatch {
        var reader: LineReader
        do { reader = try LineReader(input) } catch { throw BatchRefusal.unreadable(detail: error.localizedDescription) }
        defer { reader.close() }
        var hasher = SHA256()
        let keys = JSONKeys()
        var footer: BatchFooter?
        var events: [ParsedEvent] = []
        events.reserveCapacity(min(max(header.events, 0), 100_000))
        try reader.forEachLine { line, number, endsWithNewline in
            if footer != nil {
                // Only blank lines may follow the end line.
                guard line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) else { throw BatchRefusal.linesAfterEnd(line: number) }
                return true
            }
            if number == 1 {
                hasher.update(bufferPointer: UnsafeRawBufferPointer(line))
                hasher.update(data: [0x0A])
                return true
            }
            let value: JSONValue
            do {
                value = try parseJSON(line, number: number, keys: keys)
            } catch where !endsWithNewline {
                // A last line broken off mid-way: the transfer stopped early.
                throw BatchRefusal.cutShort(lines: number - 1)
            }
            if value["end"] != nil {
                footer = try parseFooter(value, line: number)
                return true
            }
            let event: Event
            do throws(EventFormatError) {
                event = try EventCodec.event(from: value)
            } catch {
                throw BatchRefusal.badEvent(line: number, field: error.path, problem: error.problem)
            }
            guard event.commune == header.commune else { throw BatchRefusal.otherCommune(line: number, found: event.commune, header: header.commune) }
            if header.kind == .device {
                guard event.device == header.device else { throw BatchRefusal.otherDevice(line: number) }
            }
            if event.device == header.device {
                guard let first = header.firstSeq, let last = header.lastSeq, (first...last).contains(event.seq) else {
                    throw BatchRefusal.seqOutOfRange(line: number, seq: event.seq, first: header.firstSeq, last: header.lastSeq)
                }
            }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(line))
            hasher.update(data: [0x0A])
            events.append(ParsedEvent(line: number, event: event, canonical: EventCodec.canonicalBytes(event)))
            return true
        }
        guard let footer else { throw BatchRefusal.cutShort(lines: reader.lineNumber) }
        guard footer.events == header.events, events.count == header.events else {
            throw BatchRefusal.countMismatch(header: header.events, footer: footer.events, actual: events.count)
        }
        let actual = hasher.finalize().hex
        guard actual == footer.sha256 else { throw BatchRefusal.checksumMismatch(declared: footer.sha256, actual: actual) }
        return ParsedBatch(header: header, footer: footer, events: events)
    }
}
