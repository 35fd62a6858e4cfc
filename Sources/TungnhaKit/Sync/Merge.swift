import Foundation
import GRDB

extension Store {
    /// Merges batch files and folders of them (recursively). Files are read and checked ahead on a second thread;
    /// each file is applied whole or refused whole (and copied to `quarantine/` beside the store with the reason).
    /// Files are appended in groups, one transaction per group with a savepoint per file; then what the group
    /// touched is derived, once, in a transaction of its own.
    public func merge(_ paths: [String], language: Language = .vi, progress: (FileOutcome) -> Void = { _ in }) throws -> MergeOutcome {
        let identity = try identity()
        // A larger page cache for the random inserts of a big merge; the WAL is copied into the store on another thread
        // (or, when that cannot start, by the writer, less often than usual).
        let checkpoint = BackgroundCheckpoint(path: path)
        defer { checkpoint?.stop() }
        let autocheckpoint = checkpoint == nil ? Self.mergeAutocheckpoint : 0
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = \(autocheckpoint)") }
        defer { try? queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = 1000") } }
        var seen = try read { db in Set(try Row.fetchAll(db, sql: "SELECT device, number, sha256 FROM batch").map {
            BatchFile.fingerprint(device: $0["device"], batch: $0["number"], sha256: $0["sha256"])
        }) }
        let mergedSealed = try read(Self.mergedSealed)
        let keys = try machineKeys().opening
        let ahead = BatchReadAhead(files: collectFiles(paths), merged: seen, mergedSealed: mergedSealed, keys: keys) { commune in
            try Store.accept(commune, identity: identity)
        }
        defer { ahead.stop() }
        var outcomes: [FileOutcome] = []
        var group = AppendGroup()
        var waiting: [FileOutcome] = []

        func flush() throws {
            if !group.batches.isEmpty {
                let applied = try apply(group, identity: identity, language: language, checkpoint: checkpoint)
                for (index, outcome) in applied.enumerated() { waiting[group.positions[index]] = outcome }
                group = AppendGroup()
            }
            for outcome in waiting {
                progress(outcome)
                outcomes.append(outcome)
            }
            waiting.removeAll()
        }

        defer { Trace.report() }
        while true {
            // Rather than wait for the reading thread, apply what is in hand: the store works while files are read.
            if group.events >= AppendGroup.eventsWorthApplying, !ahead.hasReady { try flush() }
            guard let (path, reading) = Trace.time("wait for files", { ahead.next() }) else { break }
            var outcome = FileOutcome(file: path, status: .refused)
            switch reading {
            case .skipped(let kind):
                outcome.status = .skipped
                outcome.notRegular = kind
            case .refused(let refusal, let header):
                outcome.describe(header)
                outcome.refuse(refusal, quarantine: quarantineSafely(path, reason: refusal, language: language), language)
            case .alreadyMerged(let header):
                outcome.describe(header)
                outcome.status = .alreadyMerged
                outcome.knownEvents = header.events
            case .batch(let batch):
                outcome.describe(batch.header)
                // The same file twice in one merge is one signed by the same key: a forged copy of a file is not its twin.
                let fingerprint = BatchFile.fingerprint(device: batch.header.device, batch: batch.header.batch, sha256: batch.footer.sha256)
                    + (batch.footer.signature.map { "|" + $0.key.base64EncodedString() } ?? "")
                if seen.contains(fingerprint) {
                    // The same file twice in one merge.
                    outcome.status = .alreadyMerged
                    outcome.knownEvents = batch.header.events
                } else {
                    seen.insert(fingerprint)
                    group.add(batch, path: path, position: waiting.count)
                }
            }
            waiting.append(outcome)
            if group.events >= AppendGroup.eventLimit || group.batches.count >= environment.filesPerGroup { try flush() }
        }
        try flush()
        return MergeOutcome(files: try withEarlierClashes(outcomes))
    }

    var quarantineFolder: String { ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("quarantine") }

    /// Files given by name are always tried; files found in folders only when they start like a batch.
    func collectFiles(_ paths: [String]) -> [(path: String, named: Bool)] {
        var files: [(String, Bool)] = []
        let quarantine = (quarantineFolder as NSString).standardizingPath
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                files.append((path, true))
                continue
            }
            var found: [String] = []
            if !Self.within(quarantine, (path as NSString).standardizingPath), let walker = FileManager.default.enumerator(atPath: path) {
                while let relative = walker.nextObject() as? String {
                    let full = (path as NSString).appendingPathComponent(relative)
                    var directory: ObjCBool = false
                    if (relative as NSString).lastPathComponent.hasPrefix(".") || !FileManager.default.fileExists(atPath: full, isDirectory: &directory) {
                        walker.skipDescendants()
                    } else if !directory.boolValue {
                        found.append(full)
                    } else if Self.within(quarantine, (full as NSString).standardizingPath) {
                        // Only a folder's links are resolved, not each file's: a province's merge walks thousands of files.
                        walker.skipDescendants()
                    }
                }
            }
            files += found.sorted().map { ($0, false) }
        }
        return files
    }

    /// Whether `path` is `folder` or inside it (both standardized).
    static func within(_ folder: String, _ path: String) -> Bool { path == folder || path.hasPrefix(folder + "/") }

    /// Appends a group of checked batches in one transaction, a savepoint each; then derives what they touched.
    /// A store error (locked, disk full) stops the merge: what was committed before stays, this group is not applied.
    func apply(_ group: AppendGroup, identity: DeviceIdentity, language: Language = .vi, checkpoint: BackgroundCheckpoint? = nil) throws -> [FileOutcome] {
        do {
            var keys: [String: Int64?] = [:]
            let (outcomes, appended) = try Trace.time("append (transaction)") { try write { db -> ([FileOutcome], [StoredEvent]) in
                var outcomes: [FileOutcome] = []
                var appended: [StoredEvent] = []
                var pending = BatchTrust.Pending()
                for (index, batch) in group.batches.enumerated() {
                    do {
                        var notes = BatchTrust.Pending()
                        try db.inSavepoint {
                            let result = try append(batch, file: group.paths[index], identity: identity, keys: &keys, pending: pending, db: db)
                            outcomes.append(result.outcome)
                            appended += result.new
                            notes = result.notes
                            return .commit
                        }
                        pending.merge(notes) { _, later in later }
                    } catch let refusal as BatchRefusal {
                        // Refused by a check that needs the store (BatchTrust): the savepoint took the file back whole.
                        outcomes.append(refused(batch, file: group.paths[index], refusal, language))
                    }
                }
                return (outcomes, appended)
            } }
            try committed(checkpoint)
            try environment.afterAppend?()
            try Trace.time("derive (transaction)") { try write { db in
                try DerivedTables.derivePending(inHand: appended, keys: keys, db: db)
            } }
            try committed(checkpoint)
            return outcomes
        } catch let error as DatabaseError {
            throw StoreError.unavailable(path: path, detail: error.message ?? error.resultCode.description)
        }
    }

    /// Pages between checkpoints when the merge's writer checkpoints itself.
    static let mergeAutocheckpoint = 16_384

    /// After a commit: the checkpoint's thread copies it; once one of its passes failed, the writer checkpoints itself.
    private func committed(_ checkpoint: BackgroundCheckpoint?) throws {
        guard let checkpoint else { return }
        checkpoint.committed()
        if checkpoint.failedSinceAsked() {
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.mergeAutocheckpoint)") }
        }
    }

    /// Appends one checked batch: its record, then each event new to the store; an event whose id is known with
    /// other content is kept aside as a clash, not applied. `identity` is the store's, read once for the merge.
    func append(
        _ batch: ParsedBatch, file: String, identity: DeviceIdentity, keys: inout [String: Int64?], pending: BatchTrust.Pending, db: Database
    ) throws -> (outcome: FileOutcome, new: [StoredEvent], notes: BatchTrust.Pending) {
        let header = batch.header
        let notes = try BatchTrust.check(batch, identity: identity, now: now, keys: &keys, pending: pending, db: db)
        var outcome = FileOutcome(file: file, status: .applied)
        outcome.describe(header)
        try db.cachedStatement(
            sql: """
                INSERT INTO batch (device, label, number, kind, scheme, commune, events, first_seq, last_seq, written_at, written_ms,
                    sha256, file, merged_at, new_events, known_events, conflicts, sealed_sha256)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)
                """
        ).execute(arguments: [
            header.device, header.deviceLabel, header.batch, header.kind.rawValue, header.commune.scheme.rawValue, header.commune.code,
            header.events, header.firstSeq, header.lastSeq, header.writtenAt.rfc3339, header.writtenAt.millis, batch.footer.sha256, file,
            now.rfc3339, batch.sealedSHA256,
        ])
        let batchRow = db.lastInsertedRowID
        var new: [StoredEvent] = []
        var devices: [String: Int64] = [:]
        let inserter = try EventLog.inserter(db)
        for parsed in batch.events {
            let event = parsed.event
            let deviceKey: Int64
            if let known = devices[event.device] {
                deviceKey = known
            } else {
                deviceKey = try EventLog.deviceKey(event.device, db: db)
                devices[event.device] = deviceKey
            }
            let inserted = try Trace.time("append: insert event") {
                try EventLog.insert(event, canonical: parsed.canonical, deviceKey: deviceKey, batch: batchRow, db: db, using: inserter)
            }
            switch inserted {
            case .new(let rowid):
                outcome.newEvents += 1
                new.append(StoredEvent(rowid: rowid, event: event))
            case .known:
                outcome.knownEvents += 1
            case .clash(let existing):
                let other = try existing.flatMap { try String.fetchOne(db, sql: "SELECT file FROM batch WHERE rowid = ?", arguments: [$0]) }
                let fork = try Forks.isFork(event, deviceKey: deviceKey, db: db)
                outcome.clashes.append(FileOutcome.Clash(event: event.id, line: parsed.line, otherFile: other, forkOf: fork ? event.device : nil, seq: fork ? event.seq : nil))
                try db.execute(
                    sql: "INSERT INTO event_clash (id, batch, existing_batch, body) VALUES (?, ?, ?, ?)",
                    arguments: [event.id, batchRow, existing, String(decoding: parsed.canonical, as: UTF8.self)])
            }
        }
        try db.cachedStatement(sql: "UPDATE batch SET new_events = ?, known_events = ?, conflicts = ? WHERE rowid = ?")
            .execute(arguments: [outcome.newEvents, outcome.knownEvents, outcome.clashes.count, batchRow])
        try ReceivedFiles.keep(batch, file: file, row: batchRow, outcome: outcome, db: db)
        return (outcome, new, notes)
    }
}

/// Checked batches waiting to be appended together.
struct AppendGroup {
    /// A group's events are held in memory until derived: this bounds it.
    static let eventLimit = 25_000
    static let fileLimit = 200
    /// Applied early when the next file is not read yet.
    static let eventsWorthApplying = 2_000

    var batches: [ParsedBatch] = []
    var paths: [String] = []
    /// Where each batch's outcome goes among the outcomes waiting to be reported.
    var positions: [Int] = []
    var events = 0

    mutating func add(_ batch: ParsedBatch, path: String, position: Int) {
        batches.append(batch)
        paths.append(path)
        positions.append(position)
        events += batch.events.count
    }
}

extension FileOutcome {
    mutating func describe(_ header: BatchHeader?) {
        guard let header else { return }
        device = header.device
        deviceLabel = header.deviceLabel
        batch = header.batch
        commune = header.commune.code
        scheme = header.commune.scheme
        events = header.events
    }
}

/// Reads and checks batch files on a thread of its own, a few files ahead of the merge that applies them.
final class BatchReadAhead: @unchecked Sendable {
    /// At most this many events read ahead, so memory stays bounded whatever the files.
    static let eventsAhead = 16_000

    private let condition = NSCondition()
    private var ready: [(String, FileReading)] = []
    private var eventsReady = 0
    private var finished = false
    private var stopped = false

    init(
        files: [(path: String, named: Bool)], merged: Set<String>, mergedSealed: [String: BatchHeader], keys: OpeningKeys?,
        accept: @escaping @Sendable (CommuneRef) throws -> Void
    ) {
        let thread = Thread { [self] in
            for file in files {
                if isStopped { break }
                let reading = BatchFile.read(file.path, named: file.named, merged: merged, mergedSealed: mergedSealed, keys: keys, accept: accept)
                var count = 0
                if case .batch(let batch) = reading { count = batch.events.count }
                condition.lock()
                while eventsReady > 0, eventsReady + count > Self.eventsAhead, !stopped { condition.wait() }
                ready.append((file.path, reading))
                eventsReady += count
                condition.broadcast()
                condition.unlock()
            }
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    private var isStopped: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopped
    }

    /// Lets the thread end early: the merge stopped.
    func stop() {
        condition.lock()
        stopped = true
        ready.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// A file is read and waiting, or there are none left to read: `next()` would not wait.
    var hasReady: Bool {
        condition.lock()
        defer { condition.unlock() }
        return !ready.isEmpty || finished
    }

    /// The next file's reading, in the order given; nil after the last.
    func next() -> (String, FileReading)? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty, !finished { condition.wait() }
        guard !ready.isEmpty else { return nil }
        let item = ready.removeFirst()
        if case .batch(let batch) = item.1 { eventsReady -= batch.events.count }
        condition.broadcast()
        return item
    }
}

extension Store {
    /// The batches merged from sealed files, by device, number and the sealed file's own checksum, as their headers.
    static func mergedSealed(_ db: Database) throws -> [String: BatchHeader] {
        var headers: [String: BatchHeader] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM batch WHERE sealed_sha256 IS NOT NULL") {
            guard let kind = BatchHeader.Kind(rawValue: row["kind"]), let scheme = Scheme(rawValue: row["scheme"]),
                let writtenAt = Moment(rfc3339: row["written_at"])
            else { continue }
            let header = BatchHeader(
                kind: kind, device: row["device"], deviceLabel: row["label"], commune: CommuneRef(code: row["commune"], scheme: scheme),
                batch: row["number"], events: row["events"], firstSeq: row["first_seq"], lastSeq: row["last_seq"], writtenAt: writtenAt, tool: "")
            headers[BatchFile.fingerprint(device: header.device, batch: header.batch, sha256: row["sealed_sha256"])] = header
        }
        return headers
    }
}
