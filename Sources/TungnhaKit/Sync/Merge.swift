import Crypto
import Foundation
import GRDB

/// Why a batch file was refused; nothing of it was applied.
public enum BatchRefusal: TungnhaError, Equatable, Sendable {
    case unreadable(detail: String)
    case empty
    case notJSON(line: Int, column: Int)
    case notABatch
    case unknownVersion(found: String)
    case badHeader(field: String, problem: EventFormatError.Problem)
    case badEvent(line: Int, field: String, problem: EventFormatError.Problem)
    case badEnd(line: Int)
    case cutShort(lines: Int)
    case linesAfterEnd(line: Int)
    case checksumMismatch(declared: String, actual: String)
    case countMismatch(header: Int, footer: Int, actual: Int)
    case otherCommune(line: Int, found: CommuneRef, header: CommuneRef)
    case otherDevice(line: Int)
    case seqOutOfRange(line: Int, seq: Int64, first: Int64?, last: Int64?)
    case notThisLaptop(found: CommuneRef, laptop: CommuneRef)
    case notThisProvince(found: CommuneRef, province: String)

    /// The line the problem is on, if it is on one.
    public var line: Int? {
        switch self {
        case .notJSON(let line, _), .badEvent(let line, _, _), .badEnd(let line), .linesAfterEnd(let line), .otherCommune(let line, _, _),
            .otherDevice(let line), .seqOutOfRange(let line, _, _, _):
            return line
        case .badHeader: return 1
        case .cutShort(let lines): return lines
        default: return nil
        }
    }
}

/// What a merge did with one file.
public struct FileOutcome: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        case applied
        /// The same file (same checksum) was merged before: all its events are known.
        case alreadyMerged = "already-merged"
        case refused
        /// Found in a folder, but not a batch file; left alone.
        case skipped
    }

    public struct Clash: Sendable, Codable, Equatable {
        public var event: String
        public var line: Int
        /// The file the stored event came from; nil when it was recorded on this machine.
        public var otherFile: String?
    }

    public var file: String
    public var status: Status
    public var device: String?
    public var deviceLabel: String?
    public var batch: Int?
    public var commune: String?
    public var scheme: Scheme?
    public var events: Int = 0
    public var newEvents: Int = 0
    public var knownEvents: Int = 0
    public var clashes: [Clash] = []
    /// Why the file was refused (the case name), the line, and the message in the user's language.
    public var refusal: String?
    public var line: Int?
    public var message: String?
    public var quarantine: String?
}

public struct MergeOutcome: Sendable, Codable, Equatable {
    public var files: [FileOutcome]

    public var applied: Int { files.filter { $0.status == .applied }.count }
    public var alreadyMerged: Int { files.filter { $0.status == .alreadyMerged }.count }
    public var refused: Int { files.filter { $0.status == .refused }.count }
    public var newEvents: Int { files.reduce(0) { $0 + $1.newEvents } }
    public var knownEvents: Int { files.reduce(0) { $0 + $1.knownEvents } }
    public var clashes: Int { files.reduce(0) { $0 + $1.clashes.count } }

    enum CodingKeys: String, CodingKey { case files, applied, alreadyMerged, refused, newEvents, knownEvents, clashes }

    public init(files: [FileOutcome]) { self.files = files }

    public init(from decoder: Decoder) throws {
        files = try decoder.container(keyedBy: CodingKeys.self).decode([FileOutcome].self, forKey: .files)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(files, forKey: .files)
        try container.encode(applied, forKey: .applied)
        try container.encode(alreadyMerged, forKey: .alreadyMerged)
        try container.encode(refused, forKey: .refused)
        try container.encode(newEvents, forKey: .newEvents)
        try container.encode(knownEvents, forKey: .knownEvents)
        try container.encode(clashes, forKey: .clashes)
    }
}

extension Store {
    /// Merges batch files and folders of them (recursively). Each file is applied in one transaction
    /// of its own, or refused whole and copied to `quarantine/` beside the store with the reason.
    public func merge(_ paths: [String], language: Language = .vi, progress: (FileOutcome) -> Void = { _ in }) throws -> MergeOutcome {
        let identity = try identity()
        // A larger page cache for the random inserts of a big merge; still well under 200 MB in all.
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA cache_size = -98304") }
        let known = EventCache(capacity: 60_000)
        var outcomes: [FileOutcome] = []
        for (path, named) in collectFiles(paths) {
            var outcome: FileOutcome
            if !named, !Self.looksLikeBatch(path) {
                outcome = FileOutcome(file: path, status: .skipped)
            } else {
                outcome = mergeFile(path, identity: identity, language: language, known: known)
            }
            progress(outcome)
            outcomes.append(outcome)
        }
        return MergeOutcome(files: outcomes)
    }

    var quarantineFolder: String { ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("quarantine") }

    /// Files given by name are always tried; files found in folders only when they start like a batch.
    func collectFiles(_ paths: [String]) -> [(String, Bool)] {
        var files: [(String, Bool)] = []
        let quarantine = (quarantineFolder as NSString).standardizingPath
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                files.append((path, true))
                continue
            }
            guard isDirectory.boolValue else {
                files.append((path, true))
                continue
            }
            var found: [String] = []
            if let walker = FileManager.default.enumerator(atPath: path) {
                while let relative = walker.nextObject() as? String {
                    let full = (path as NSString).appendingPathComponent(relative)
                    let name = (relative as NSString).lastPathComponent
                    if name.hasPrefix(".") || (full as NSString).standardizingPath.hasPrefix(quarantine) {
                        walker.skipDescendants()
                        continue
                    }
                    var directory: ObjCBool = false
                    if FileManager.default.fileExists(atPath: full, isDirectory: &directory), !directory.boolValue { found.append(full) }
                }
            }
            files += found.sorted().map { ($0, false) }
        }
        return files
    }

    /// A file whose first line is a JSON object with `"format": "tungnha-batch"`, whatever the file is called.
    static func looksLikeBatch(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 1 << 16)) ?? Data()
        let firstLine = Array(head.prefix { $0 != 0x0A })
        guard firstLine.first == UInt8(ascii: "{") || firstLine.first == UInt8(ascii: " ") else { return false }
        let value = try? firstLine.withUnsafeBufferPointer { try JSONParser.parse($0) }
        return value?["format"] == .string(BatchHeader.format)
    }

    func mergeFile(_ path: String, identity: DeviceIdentity, language: Language, known: EventCache) -> FileOutcome {
        var outcome = FileOutcome(file: path, status: .refused)
        do {
            let header = try Self.readHeader(path)
            outcome.device = header.device
            outcome.deviceLabel = header.deviceLabel
            outcome.batch = header.batch
            outcome.commune = header.commune.code
            outcome.scheme = header.commune.scheme
            outcome.events = header.events
            try accept(header.commune, identity: identity)
            if try alreadyMerged(path, header: header) {
                outcome.status = .alreadyMerged
                outcome.knownEvents = header.events
                return outcome
            }
            let applied = try write { db in try apply(path, header: header, known: known, db: db) }
            // Only what a committed transaction holds may serve the next files.
            known.remember(applied.learned)
            outcome.status = .applied
            outcome.newEvents = applied.new
            outcome.knownEvents = applied.known
            outcome.clashes = applied.clashes
        } catch {
            let refusal = (error as? BatchRefusal) ?? .unreadable(detail: (error as? DatabaseError)?.description ?? error.localizedDescription)
            outcome.status = .refused
            outcome.refusal = caseName(refusal)
            outcome.line = refusal.line
            outcome.message = refusal.text(language)
            outcome.newEvents = 0
            outcome.knownEvents = 0
            outcome.clashes = []
            outcome.quarantine = quarantine(path, reason: refusal, language: language)
        }
        return outcome
    }

    func accept(_ commune: CommuneRef, identity: DeviceIdentity) throws {
        if identity.role == .laptop, let own = identity.commune, own != commune {
            throw BatchRefusal.notThisLaptop(found: commune, laptop: own)
        }
        if identity.role == .district, let province = identity.province {
            let units = AdminUnits.shared
            let provinces: Set<String>
            if commune.scheme == .y2025 {
                provinces = Set(units.commune(commune).flatMap(\.province).map { [$0] } ?? [])
            } else {
                provinces = Set(units.successors(of: commune.code).compactMap { units.commune(CommuneRef(code: $0.new, scheme: .y2025))?.province })
            }
            guard provinces.contains(province) else { throw BatchRefusal.notThisProvince(found: commune, province: province) }
        }
    }

    static func readHeader(_ path: String) throws -> BatchHeader {
        var reader: LineReader
        do { reader = try LineReader(path: path) } catch { throw BatchRefusal.unreadable(detail: error.localizedDescription) }
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

    static func parseJSON(_ line: UnsafeBufferPointer<UInt8>, number: Int) throws -> JSONValue {
        do {
            return try JSONParser.parse(line)
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
            _ = reader.take("signature")
            guard let kind = BatchHeader.Kind(rawValue: try reader.string("kind")) else { throw reader.invalid("kind", "device|relay") }
            let device = try reader.string("device")
            guard EventID.isValid(device) else { throw reader.invalid("device", "uuid") }
            let label = try reader.string("deviceLabel")
            let code = try reader.string("commune")
            guard CommuneRef.isWellFormed(code) else { throw reader.invalid("commune", "5 digits") }
            guard let scheme = Scheme(rawValue: try reader.string("scheme")) else { throw reader.invalid("scheme", "2025|pre2025") }
            let batch = try reader.integer("batch")
            guard batch >= 1 else { throw reader.invalid("batch", "integer >= 1") }
            let events = try reader.integer("events")
            guard events >= 0 else { throw reader.invalid("events", "integer >= 0") }
            let first = try reader.optionalInteger("firstSeq")
            let last = try reader.optionalInteger("lastSeq")
            if kind == .device || first != nil || last != nil {
                guard let first, first >= 1 else { throw reader.invalid("firstSeq", "integer >= 1") }
                guard let last, last >= first else { throw reader.invalid("lastSeq", "integer >= firstSeq") }
            }
            guard let written = Moment(rfc3339: try reader.string("writtenAt")) else { throw reader.invalid("writtenAt", "RFC 3339 date-time") }
            let tool = try reader.optionalString("tool") ?? ""
            try reader.finish()
            return BatchHeader(
                kind: kind, device: device, deviceLabel: Folding.clean(label), commune: CommuneRef(code: code, scheme: scheme),
                batch: Int(batch), events: Int(events), firstSeq: first, lastSeq: last, writtenAt: written, tool: tool)
        } catch let error as EventFormatError {
            throw BatchRefusal.badHeader(field: error.path, problem: error.problem)
        }
    }

    static func parseFooter(_ value: JSONValue, line: Int) throws -> BatchFooter {
        guard case .object(let fields) = value, fields.count == 3, fields["end"] == .string(BatchHeader.format),
            case .int(let count)? = fields["events"], case .string(let sha)? = fields["sha256"], sha.count == 64
        else { throw BatchRefusal.badEnd(line: line) }
        return BatchFooter(events: Int(count), sha256: sha.lowercased())
    }

    /// The same file merged before: its footer's checksum is on record and its bytes still match it.
    func alreadyMerged(_ path: String, header: BatchHeader) throws -> Bool {
        guard let footer = Self.readFooter(path) else { return false }
        let known = try read { db in
            try Bool.fetchOne(
                db, sql: "SELECT 1 FROM batch WHERE device = ? AND number = ? AND sha256 = ? LIMIT 1",
                arguments: [header.device, header.batch, footer.sha256]) ?? false
        }
        guard known else { return false }
        var reader = try LineReader(path: path)
        defer { reader.close() }
        var hasher = SHA256()
        var footerLine = 0
        try reader.forEachLine { line, number, _ in
            if line.count > 0, line[0] == UInt8(ascii: "{"), let value = try? JSONParser.parse(line), value["end"] != nil {
                footerLine = number
                return false
            }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(line))
            hasher.update(data: [0x0A])
            return true
        }
        return footerLine > 0 && hasher.finalize().hex == footer.sha256
    }

    static func readFooter(_ path: String) -> BatchFooter? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd(), size > 0 else { return nil }
        let tail = min(size, 512)
        try? handle.seek(toOffset: size - tail)
        guard var data = try? handle.read(upToCount: Int(tail)) else { return nil }
        while data.last == 0x0A || data.last == 0x0D || data.last == 0x20 { data.removeLast() }
        guard let start = data.lastIndex(of: 0x0A) else { return nil }
        let line = Array(data[(start + 1)...])
        guard let value = try? line.withUnsafeBufferPointer({ try JSONParser.parse($0) }) else { return nil }
        return try? parseFooter(value, line: 0)
    }

    struct Applied {
        var new = 0
        var known = 0
        var clashes: [FileOutcome.Clash] = []
        var learned: [String: [Event]] = [:]
    }

    /// Reads and applies one file inside the caller's transaction; any refusal undoes all of it.
    func apply(_ path: String, header: BatchHeader, known: EventCache? = nil, db: Database) throws -> Applied {
        try db.execute(
            sql: """
                INSERT INTO batch (device, label, number, kind, scheme, commune, events, first_seq, last_seq, written_at, written_ms,
                    sha256, file, merged_at, new_events, known_events, conflicts)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, 0, 0, 0)
                """,
            arguments: [
                header.device, header.deviceLabel, header.batch, header.kind.rawValue, header.commune.scheme.rawValue, header.commune.code,
                header.events, header.firstSeq, header.lastSeq, header.writtenAt.rfc3339, header.writtenAt.millis, path, now.rfc3339,
            ])
        let batchRow = db.lastInsertedRowID
        var reader: LineReader
        do { reader = try LineReader(path: path) } catch { throw BatchRefusal.unreadable(detail: error.localizedDescription) }
        defer { reader.close() }
        var hasher = SHA256()
        var applied = Applied()
        var change = Projection.Change()
        var fresh: [String: [Event]] = [:]
        var footer: BatchFooter?
        var count = 0
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
                value = try Self.parseJSON(line, number: number)
            } catch where !endsWithNewline {
                // A last line broken off mid-way: the transfer stopped early.
                throw BatchRefusal.cutShort(lines: number - 1)
            }
            if value["end"] != nil {
                footer = try Self.parseFooter(value, line: number)
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
            count += 1
            switch try EventLog.insert(event, canonical: EventCodec.canonical(event), batch: batchRow, db: db) {
            case .new:
                applied.new += 1
                try change.note(event, db: db)
                if let household = event.household { fresh[household, default: []].append(event) }
            case .known:
                applied.known += 1
            case .clash(let existing):
                let other = try existing.flatMap { try String.fetchOne(db, sql: "SELECT file FROM batch WHERE rowid = ?", arguments: [$0]) }
                applied.clashes.append(FileOutcome.Clash(event: event.id, line: number, otherFile: other))
                try db.execute(
                    sql: "INSERT INTO event_clash (id, batch, existing_batch, body) VALUES (?, ?, ?, ?)",
                    arguments: [event.id, batchRow, existing, EventCodec.canonical(event)])
            }
            return true
        }
        guard let footer else { throw BatchRefusal.cutShort(lines: reader.lineNumber) }
        guard footer.events == header.events, count == header.events else {
            throw BatchRefusal.countMismatch(header: header.events, footer: footer.events, actual: count)
        }
        let actual = hasher.finalize().hex
        guard actual == footer.sha256 else { throw BatchRefusal.checksumMismatch(declared: footer.sha256, actual: actual) }
        try db.execute(
            sql: "UPDATE batch SET sha256 = ?, new_events = ?, known_events = ?, conflicts = ? WHERE rowid = ?",
            arguments: [footer.sha256, applied.new, applied.known, applied.clashes.count, batchRow])
        applied.learned = try Projection.apply(change, fresh: fresh, known: known, db: db)
        return applied
    }

    /// Copies a refused file beside the store, with a note of why; returns where it went.
    func quarantine(_ path: String, reason: BatchRefusal, language: Language) -> String? {
        let folder = quarantineFolder
        let stamp = now.rfc3339.prefix(19).replacingOccurrences(of: ":", with: "").replacingOccurrences(of: "-", with: "")
        let name = stamp + "_" + (path as NSString).lastPathComponent
        let target = (folder as NSString).appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            if FileManager.default.fileExists(atPath: target) { try FileManager.default.removeItem(atPath: target) }
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.copyItem(atPath: path, toPath: target) }
            let note = Messages.quarantineNote(file: path, reason: reason, at: now, language)
            try note.write(toFile: target + ".reason.txt", atomically: true, encoding: .utf8)
            return target
        } catch {
            return nil
        }
    }
}
