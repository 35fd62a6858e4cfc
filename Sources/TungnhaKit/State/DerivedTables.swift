import GRDB

/// The one driver of the derived tables: recording commands, merges, opening a store, `--as-of`, the trend and
/// the tests all go through it. Events are appended first; what they touch is derived here, once, from each
/// household's stored fold when the new events sort after it, or from all of its events when one arrives out of
/// order or a void, correction or merge reaches into the past.
///
/// Events up to the watermark (`derived.upto`) are derived. The watermark moves in the transaction that writes
/// what they derive, so a store left with events beyond it (a crash after a merge appended) derives them before
/// anything reads it.
enum DerivedTables {
    static let watermarkKey = "derived.upto"

    static func watermark(_ db: Database) throws -> Int64 {
        Int64(try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM setting WHERE key = ?"), arguments: [watermarkKey]) ?? "0") ?? 0
    }

    static func setWatermark(_ rowid: Int64, db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)").execute(arguments: [watermarkKey, String(rowid)])
    }

    static func hasPending(_ db: Database) throws -> Bool { try EventLog.lastRowid(db) > watermark(db) }

    /// Derives every event after the watermark. `inHand` are events just appended, with their rowids: when they
    /// are exactly the events after the watermark, they are derived without being read back. Otherwise the events
    /// are read back household by household, in the order of the households' keys. `keys` are households' keys
    /// looked up since the events in hand were appended (nil: none), by a merge's trust checks; they hold only
    /// while nothing was derived since, which the events in hand being exactly those past the watermark shows.
    static func derivePending(inHand: [StoredEvent] = [], keys: [String: Int64?] = [:], db: Database) throws {
        var upto = try watermark(db)
        let last = try EventLog.lastRowid(db)
        guard last > upto else { return }
        if let first = inHand.first?.rowid, let final = inHand.last?.rowid, first == upto + 1, final == last,
            Int64(inHand.count) == last - upto
        {
            try derive(inHand, keys: keys, db: db)
            try setWatermark(last, db: db)
            return
        }
        while upto < last {
            let touches = try EventTouch.after(upto, limit: backlogChunk, db: db)
            guard let end = touches.last?.rowid else { break }
            let reader = try EventLog.reader(db)
            try derive(touches, db: db) { rowids in try EventLog.events(rowids: rowids, db: db, using: reader).map(\.event) }
            upto = end
            try setWatermark(upto, db: db)
        }
    }

    /// How many events are derived at a time when read back from the log: memory stays flat whatever the backlog.
    static let backlogChunk = 50_000

    /// Changes to the member tally, added up over a whole derivation and written once.
    typealias TallyChanges = [MemberTallyRecord.Key: MemberTallyRecord.Counts]

    /// Derives these events, held in memory: every event after the watermark up to the last of them, in log order,
    /// their rowids one after another.
    static func derive(_ events: [StoredEvent], keys: [String: Int64?] = [:], db: Database) throws {
        let first = events.first?.rowid ?? 0
        try derive(events.map { EventTouch($0) }, keys: keys, db: db) { rowids in
            try rowids.map { rowid in
                let index = Int(rowid - first)
                guard events.indices.contains(index), events[index].rowid == rowid else { throw StoreError.damaged(what: "event \(rowid)") }
                return events[index].event
            }
        }
    }

    /// Derives the events `touches` name, every event after the watermark up to the last of them, in log order;
    /// `read` gives the events at some of their rowids, in the order asked; `keys` are keys already looked up.
    static func derive(_ touches: [EventTouch], keys: [String: Int64?] = [:], db: Database, read: ([Int64]) throws -> [Event]) throws {
        guard !touches.isEmpty else { return }
        var tally = TallyChanges()
        var communes = Set<CommuneRef>()
        var linksChanged = false
        var byHousehold: [String: [Int64]] = [:]
        for touch in touches {
            switch touch.kind {
            case .villageAdded?, .villageChanged?: communes.insert(touch.commune)
            case .householdMerged?: linksChanged = true
            case .eventVoided?, .eventCorrected?:
                switch try touch.target.flatMap({ try actedOnKind($0, db: db) }) {
                case .villageAdded?, .villageChanged?: communes.insert(touch.commune)
                case .householdMerged?: linksChanged = true
                default: break
                }
            default: break
            }
            if let code = touch.household { byHousehold[code, default: []].append(touch.rowid) }
        }
        var components = Set<String>()
        if linksChanged { components = try refreshLinks(db: db) }
        let anyLinks = try HouseholdLinkRecord.any(db: db)
        // Households already stored go first, in the order of their keys, so that each page of the derived tables
        // is changed while it is in the cache; then the new ones, in the order they were first seen.
        var rows: [HouseholdRowids] = []
        for (code, rowids) in byHousehold.sorted(by: { $0.key < $1.key }) {
            if anyLinks, let link = try HouseholdLinkRecord.find(code, db: db) {
                // Derived with the households it is linked to, below; it only notes where its new events are.
                components.insert(link.component)
                var linked = try HouseholdFoldRecord.find(code, db: db) ?? HouseholdFoldRecord(key: nil, code: code, events: [], fold: nil)
                linked.events += rowids
                linked.state = nil
                try linked.save(db: db)
                continue
            }
            let key = try keys[code] ?? Trace.time("derive: read keys") { try HouseholdFoldRecord.key(of: code, db: db) }
            rows.append(HouseholdRowids(code: code, key: key, rowids: rowids))
        }
        rows.sort { ($0.key ?? .max, $0.rowids[0]) < ($1.key ?? .max, $1.rowids[0]) }
        // The processor folds the next households while the store writes what the last ones gave.
        let chunks = workChunks(rows.count).map { rows[$0] }
        var work = try chunks.first.map { try prepare($0, read: read, db: db) } ?? []
        var folding = Parallel.start(work) { $0.fold() }
        for index in chunks.indices {
            let outcomes = Trace.time("derive: wait for fold") { folding.wait() }
            let done = work
            if index + 1 < chunks.count {
                work = try prepare(chunks[index + 1], read: read, db: db)
                folding = Parallel.start(work) { $0.fold() }
            }
            try write(done, outcomes, tally: &tally, db: db)
            // A chunk is thousands of small allocations: freed on another thread, while this one writes the next.
            Parallel.release(consume done)
            Parallel.release(consume outcomes)
        }
        for component in components.sorted() { try deriveComponent(component, tally: &tally, db: db) }
        try Trace.time("derive: tally") { try MemberTallyRecord.add(tally.filter { $0.value != MemberTallyRecord.Counts() }, db: db) }
        for commune in communes.sorted() {
            try VillageRecord.replace(commune, with: Derivation.villages(try EventLog.villageEvents(commune, db: db)), db: db)
        }
    }

    /// A household touched by a derivation: its key when it has one, and the rowids of its new events, in log order.
    struct HouseholdRowids {
        var code: String
        var key: Int64?
        var rowids: [Int64]
    }

    /// How many households are folded at a time: what they hold in memory stays small whatever the delivery.
    static let workChunk = 1_024

    /// The households' ranges, folded one after another: the first ones small, so that the store does not wait
    /// long for the first fold, then doubling up to `workChunk`.
    static func workChunks(_ count: Int) -> [Range<Int>] {
        var chunks: [Range<Int>] = []
        var size = 64
        while chunks.last?.upperBound ?? 0 < count {
            let start = chunks.last?.upperBound ?? 0
            chunks.append(start..<min(start + size, count))
            size = min(size * 2, workChunk)
        }
        return chunks
    }

    /// Reads what folding these households' new events needs: the events, and each one's stored fold and timeline.
    private static func prepare(_ rows: ArraySlice<HouseholdRowids>, read: ([Int64]) throws -> [Event], db: Database) throws -> [HouseholdWork] {
        try rows.map { household in
            let found = try Trace.time("derive: read fold") { try household.key.flatMap { try HouseholdFoldRecord.find(key: $0, db: db) } }
            var row = found ?? HouseholdFoldRecord(key: nil, code: household.code, events: [], fold: nil)
            row.events += household.rowids
            let points = try Trace.time("derive: read timeline") {
                found?.state != nil ? try household.key.flatMap { try HouseholdTimelineRecord.pointBytes(key: $0, db: db) } : nil
            }
            // Sorted in place: each event is copied once, from where it was read.
            var new = try Trace.time("derive: read events") { try read(household.rowids) }
            guard new.count == household.rowids.count else { throw StoreError.damaged(what: "event log") }
            new.sort { $0.order < $1.order }
            return HouseholdWork(row: row, stored: found != nil, pointBytes: points, new: new)
        }
    }

    /// Writes what folding gave, household by household.
    private static func write(_ work: [HouseholdWork], _ outcomes: [HouseholdWork.Outcome], tally: inout TallyChanges, db: Database) throws {
        let statements = try RowStatements(db)
        for (index, outcome) in outcomes.enumerated() {
            switch outcome {
            case .failed(let error): throw error
            case .refold: try refold(work[index].row, tally: &tally, db: db)
            case .derived(let derived): try Trace.time("derive: write") { try write(derived, tally: &tally, db: db, statements: statements) }
            }
        }
    }

    /// The kind of event a void or correction finally acts on: through a void of a void, the event first voided.
    static func actedOnKind(_ target: String, db: Database) throws -> EventKind? {
        var seen: Set<String> = [target]
        var event = try EventLog.event(id: target, db: db)
        while case .eventVoided(let next, _)? = event?.body, seen.insert(next).inserted { event = try EventLog.event(id: next, db: db) }
        return event?.kind
    }

    // MARK: One household

    /// Writes what folding one household's new events gave.
    static func write(_ derived: HouseholdWork.Derived, tally: inout TallyChanges, db: Database, statements: RowStatements) throws {
        var row = derived.row
        guard let household = derived.households.first else {
            try Trace.time("derive: write fold") { try row.save(db: db) }
            return
        }
        // Households linked by merges are derived by `deriveComponent`: here a household stands alone.
        guard derived.households.count == 1 else { throw StoreError.damaged(what: "household_fold \(row.code)") }
        let key = try Trace.time("derive: write fold and household") { try row.save(with: household, statements: statements) }
        try Trace.time("derive: write members") {
            for var member in derived.members {
                member.householdKey = key
                try member.save(fast: statements.member)
            }
        }
        for (key, counts) in derived.tally { tally[key] = (tally[key] ?? MemberTallyRecord.Counts()) + counts }
        if let conflicts = derived.conflicts {
            try FieldConflictRecord.delete(household: row.code, db: db)
            for conflict in conflicts { try FieldConflictRecord(conflict).save(fast: db) }
        }
        try Trace.time("derive: write visits") {
            for var visit in derived.visits {
                visit.householdKey = key
                try visit.save(fast: statements.visit)
            }
        }
        try Trace.time("derive: write timeline") {
            guard var timeline = derived.timeline else { throw StoreError.damaged(what: "household_timeline \(row.code)") }
            timeline.key = key
            try timeline.save(fast: statements.timeline)
        }
    }

    /// Folds a household in no merge again from all of its events (those its row lists).
    static func refold(_ stored: HouseholdFoldRecord, tally: inout TallyChanges, db: Database) throws {
        var row = stored
        let code = row.code
        let events = try EventLog.events(rowids: row.events, db: db).map(\.event)
        let fold = Derivation.fold(root: code, events: events)
        row.state = fold.encoded()
        let key = try row.save(db: db)
        let before = try MemberRecord.of(householdKey: key, db: db)
        try forget(key: key, code: code, db: db)
        let after = fold.render()
        try write(after, keys: [code: key], oldMembers: before, tally: &tally, db: db)
        if after != nil {
            for visit in Derivation.visits(root: code, events: events) { try VisitRecord(visit, rootKey: key).save(fast: db) }
        }
        if let commune = Derivation.registeredCommune(code, events), let points = Derivation.timelines(events)[code] {
            try HouseholdTimelineRecord(key: key, code: code, commune: commune, points: points).save(fast: db)
        }
    }

    // MARK: Writing rows

    /// Removes the rows derived under a household (not its fold or timeline).
    static func forget(key: Int64, code: String, db: Database) throws {
        try HouseholdRecord.delete(key: key, db: db)
        try MemberRecord.delete(householdKey: key, db: db)
        try VisitRecord.delete(householdKey: key, db: db)
        try FieldConflictRecord.delete(household: code, db: db)
    }

    /// Writes a cluster's household, member and conflict rows (their old ones are already gone) and moves the member
    /// tally from `oldMembers` to the new rows.
    static func write(_ after: ClusterState?, keys: [String: Int64], oldMembers: [MemberRecord], tally: inout TallyChanges, db: Database) throws {
        var newRows: [MemberRecord] = []
        if let after, let rootKey = keys[after.root.code] {
            for household in after.households {
                guard let key = keys[household.code] else { continue }
                try HouseholdRecord(household, in: after, key: key).save(fast: db)
            }
            newRows = after.members.map { MemberRecord($0, root: after.root, rootKey: rootKey) }
            for member in newRows { try member.save(fast: db) }
            for conflict in after.conflicts { try FieldConflictRecord(conflict).save(fast: db) }
        }
        MemberTallyRecord.note(removing: oldMembers, adding: newRows, into: &tally)
    }

    // MARK: From scratch

    /// Forgets every derived row: the store derives everything again from its events before anything reads it.
    /// For migrations that change what the events are folded into.
    static func startOver(db: Database) throws {
        for table in derivedTables { try db.execute(sql: "DELETE FROM \(table)") }
        try setWatermark(0, db: db)
    }

    /// The household rows go with `household_fold`'s: `household` is a view of them.
    static let derivedTables = [
        MemberRecord.databaseTableName, VisitRecord.databaseTableName,
        VillageRecord.databaseTableName, FieldConflictRecord.databaseTableName, HouseholdLinkRecord.databaseTableName,
        MemberTallyRecord.databaseTableName, HouseholdFoldRecord.databaseTableName, HouseholdTimelineRecord.databaseTableName,
    ]

    /// Forgets every derived row and derives each household again from all of its events at once, without any
    /// stored fold: what incremental derivation must always equal.
    static func rebuild(db: Database) throws {
        var rowids: [String: [Int64]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT rowid, household FROM event WHERE household IS NOT NULL ORDER BY rowid") {
            rowids[row["household"] as String, default: []].append(row["rowid"])
        }
        for table in derivedTables { try db.execute(sql: "DELETE FROM \(table)") }
        var tally = TallyChanges()
        for code in rowids.keys.sorted() {
            var row = HouseholdFoldRecord(key: nil, code: code, events: rowids[code]!, fold: nil)
            try row.save(db: db)
        }
        let components = try refreshLinks(db: db)
        for code in rowids.keys.sorted() where try HouseholdLinkRecord.find(code, db: db) == nil {
            try refold(try HouseholdFoldRecord.find(code, db: db)!, tally: &tally, db: db)
        }
        for component in components.sorted() { try deriveComponent(component, tally: &tally, db: db) }
        try MemberTallyRecord.add(tally.filter { $0.value != MemberTallyRecord.Counts() }, db: db)
        let communes = try Row.fetchAll(db, sql: "SELECT DISTINCT scheme, commune FROM event WHERE household IS NULL").map {
            CommuneRef(code: $0["commune"], scheme: Scheme(rawValue: $0["scheme"]) ?? .y2025)
        }
        for commune in communes { try VillageRecord.replace(commune, with: Derivation.villages(try EventLog.villageEvents(commune, db: db)), db: db) }
        try setWatermark(try EventLog.lastRowid(db), db: db)
    }

    // MARK: Reading for recording

    /// The fold of the cluster `root` counts under now: stored, or folded from the events of its group.
    static func fold(root: String, db: Database) throws -> HouseholdFold? {
        if let link = try HouseholdLinkRecord.find(root, db: db) {
            let codes = try HouseholdLinkRecord.members(component: link.component, db: db)
            let events = try HouseholdFoldRecord.events(of: codes, db: db).map(\.event)
            return Derivation.component(events).first { $0.fold.root == link.root }?.fold
        }
        return try HouseholdFoldRecord.find(root, db: db)?.fold()
    }
}
