import Foundation
import GRDB
import GRDBSQLite

/// What the audit reads of a store, in compact form: every visit that counts (voided ones left out, corrected ones
/// as corrected), read in one pass over the event log in rowid order, with the village of its household from the
/// derived rows. A province's two million visits take 24 bytes each, their observations 16.
struct AuditInput {
    struct Visit {
        var rowid: UInt32
        /// Seconds since 2020-01-01 UTC.
        var at: UInt32
        var volunteer: UInt32
        /// The household it counts under: its number in `households`.
        var household: UInt32
        /// The household's village (`places`), its outcome and whether it is a back-check, in one word.
        var packed: UInt32
        /// The visit's observation pattern (`patterns`); -1 when it observed nobody.
        var pattern: Int32

        static let noPlace: UInt32 = 0x0FFF_FFFF
        var place: Int? { packed & Self.noPlace == Self.noPlace ? nil : Int(packed & Self.noPlace) }
        var outcome: VisitOutcome { VisitOutcome.allCases[Int(packed >> 28) & 3] }
        var isBackcheck: Bool { packed >> 30 & 1 == 1 }
        var met: Bool { outcome == .met }
        var moment: Moment { Moment(millis: AuditInput.millis(at)) }
    }

    /// What one visit saw of one member: vneid activated, logs in, online procedure, each yes, no or not checked.
    struct Seen {
        var member: UInt64
        var visit: UInt32
        var values: UInt8

        static func pack(_ observation: Observation) -> UInt8 {
            func code(_ flag: Bool?) -> UInt8 { flag.map { $0 ? 2 : 1 } ?? 0 }
            return code(observation.vneid.map(\.isActivated)) | code(observation.login) << 2 | code(observation.dvctt) << 4
        }

        /// Ability `index` (0 activated, 1 logs in, 2 procedure): nil when not checked.
        func value(_ index: Int) -> Bool? {
            let code = values >> UInt8(2 * index) & 3
            return code == 0 ? nil : code == 2
        }

        /// Folded onto what was known, as `Abilities.apply` folds an observation.
        func apply(to abilities: inout Abilities) {
            if let activated = value(0) { abilities.vneid = activated ? .level1 : VneidStatus.none }
            if let login = value(1) { abilities.login = login }
            if let dvctt = value(2) { abilities.dvctt = dvctt }
        }
    }

    struct Volunteer {
        var name: String
        var device: Int64
        var commune: Int
    }

    /// Visits typed in late (by volunteer) or with a clock that disagrees (by device): counted as they are read.
    struct Tally {
        var count = 0
        var worstMinutes: Int64 = 0
        var rowids: [UInt32] = []

        mutating func add(_ rowid: UInt32, minutes: Int64) {
            count += 1
            worstMinutes = max(worstMinutes, minutes)
            if rowids.count < AuditFlag.eventsShown { rowids.append(rowid) }
        }
    }

    struct Backcheck {
        var visit: Int
        var original: String
        var observations: [Observation]
    }

    var visits: [Visit] = []
    var seen: [Seen] = []
    var volunteers: [Volunteer] = []
    var communes: [CommuneRef] = []
    /// "scheme|commune|village key", with the commune it lies in.
    var places: [(key: String, commune: Int)] = []
    var households = HouseholdPlaces()
    /// Observation patterns: each member's answers (`AuditPattern.code`), sorted.
    var patterns: [[UInt16]] = []
    var late: [UInt32: Tally] = [:]
    var clock: [Int64: Tally] = [:]
    var backchecks: [Backcheck] = []
    var withoutEntryTime = 0
    var actions = AuditActions()
    /// "device number|folded name" → volunteer.
    var volunteerIndex: [String: UInt32] = [:]

    static let epoch2020: Int64 = 1_577_836_800
    static func seconds(_ millis: Int64) -> UInt32 { UInt32(clamping: max(0, millis / 1000 - epoch2020)) }
    static func millis(_ seconds: UInt32) -> Int64 { (Int64(seconds) + epoch2020) * 1000 }

    func householdCode(_ index: UInt32) -> String { AuditCode.unpack(households.code(index)) }

    /// One visit as read: fast from its bytes, or from the whole event when it is unusual, corrected or a back-check.
    struct Read {
        var visit: AuditVisitReader.Visit
        var name: String?
        var observations: [Observation]?
    }

    static func read(_ db: Database, rules: AuditRules, device: Int64?) throws -> AuditInput {
        var input = AuditInput()
        input.actions = try AuditActions.read(db)
        input.households = try Trace.time("audit: read households") { try HouseholdPlaces.read(db, into: &input) }
        var reader = AuditInput.Taker(input: input, rules: rules, written: try Dictionary(
            Row.fetchAll(db, sql: "SELECT rowid, written_ms FROM batch").map { ($0[0] as Int64, $0[1] as Int64) }, uniquingKeysWith: { a, _ in a }))
        input = AuditInput()
        let statement = try db.makeStatement(
            sql: "SELECT rowid, device, batch, body FROM event WHERE type = 'visit.recorded'" + (device == nil ? "" : " AND device = ?") + " ORDER BY rowid")
        if let device { try statement.setArguments([device]) }
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        var chunk: [(rowid: Int64, device: Int64, batch: Int64?, body: [UInt8])] = []
        let corrections = reader.input.actions.corrections
        func flush() throws {
            // Reading JSON is the work of the processor: the chunk is read on every core, then taken in log order.
            let read = Trace.time("audit: parse") {
                Parallel.map(chunk.map { ($0.rowid, $0.body) }) { rowid, body -> Read? in
                    body.withUnsafeBufferPointer { buffer in AuditInput.read(buffer, correction: corrections[rowid]) }
                }
            }
            try Trace.time("audit: take") {
                for (index, item) in chunk.enumerated() where !reader.input.actions.voided.contains(item.rowid) {
                    guard let visit = read[index] else { throw StoreError.damaged(what: "event \(item.rowid)") }
                    item.body.withUnsafeBufferPointer { reader.take(item.rowid, deviceKey: item.device, batch: item.batch, visit, body: $0) }
                }
            }
            chunk.removeAll(keepingCapacity: true)
        }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) })
            }
            let bytes = UnsafeRawBufferPointer(start: sqlite3_column_blob(handle, 3), count: Int(sqlite3_column_bytes(handle, 3)))
            chunk.append(
                (sqlite3_column_int64(handle, 0), sqlite3_column_int64(handle, 1),
                 sqlite3_column_type(handle, 2) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, 2), [UInt8](bytes)))
            if chunk.count == 8192 { try flush() }
        }
        try flush()
        return reader.finish()
    }

    /// A visit's fields, by the fast reader when it can; the whole event otherwise, or when the audit needs all of
    /// it (a back-check's observations, a correction's content).
    static func read(_ body: UnsafeBufferPointer<UInt8>, correction: EventBody?) -> Read? {
        if correction == nil, let visit = AuditVisitReader.read(body), visit.backcheckOf == nil { return Read(visit: visit) }
        guard let event = try? EventCodec.storedEvent(from: JSONParser.parse(body)), case .visitRecorded(var data) = event.body else { return nil }
        if case .visitRecorded(let corrected)? = correction { data = corrected }
        var visit = AuditVisitReader.Visit()
        visit.at = event.at.millis
        visit.entered = event.entered?.millis
        visit.household = event.household ?? ""
        visit.commune = event.commune
        for byte in data.volunteer.utf8 { visit.volunteerHash = (visit.volunteerHash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        visit.outcome = data.outcome
        visit.backcheckOf = data.backcheckOf
        visit.seen = data.observations.compactMap { observation in
            AuditCode.pack(observation.member).map { ($0, Seen.pack(observation), AuditPattern.code(observation)) }
        }
        return Read(visit: visit, name: data.volunteer, observations: data.observations)
    }
}

/// Household codes packed into 50 bits (10 characters of 5 bits), so that millions of them take 8 bytes each.
enum AuditCode {
    static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (index, character) in ShortCode.alphabet.enumerated() { table[Int(character.asciiValue!)] = Int8(index) }
        return table
    }()

    static func pack(_ code: String) -> UInt64? { pack(code.utf8) }

    static func pack<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64? {
        var bits: UInt64 = 0
        var count = 0
        for byte in bytes {
            guard byte < 128, values[Int(byte)] >= 0 else { return nil }
            bits = bits << 5 | UInt64(values[Int(byte)])
            count += 1
        }
        return count == ShortCode.length ? bits : nil
    }

    static func unpack(_ bits: UInt64) -> String {
        String((0..<ShortCode.length).map { ShortCode.alphabet[Int(bits >> UInt64(5 * (ShortCode.length - 1 - $0)) & 31)] })
    }
}

/// An observation as a short key, member code left out: equal keys are the same answers.
enum AuditPattern {
    static func key(_ observation: Observation) -> String {
        func flag(_ value: Bool?) -> String { value.map { $0 ? "1" : "0" } ?? "-" }
        let vneid = observation.vneid.map { String(VneidStatus.allCases.firstIndex(of: $0)!) } ?? "-"
        return vneid + flag(observation.login) + flag(observation.dvctt) + flag(observation.paidOnline) + flag(observation.smartphone)
    }
}

/// Voids and corrections of the whole log (few), by the void rule: which rowids are voided, which corrected and how.
struct AuditActions {
    var voided: Set<Int64> = []
    var corrections: [Int64: EventBody] = [:]

    static func read(_ db: Database) throws -> AuditActions {
        let events = try String.fetchAll(db, sql: "SELECT body FROM event WHERE target IS NOT NULL").map(EventLog.decode)
            .filter { $0.kind == .eventVoided || $0.kind == .eventCorrected }
        let (voided, corrections) = Derivation.actions(sorted: events.sorted { $0.order < $1.order })
        var result = AuditActions()
        for id in voided { if let rowid = try rowid(id, db) { result.voided.insert(rowid) } }
        for (id, body) in corrections { if let rowid = try rowid(id, db) { result.corrections[rowid] = body } }
        return result
    }

    static func rowid(_ id: String, _ db: Database) throws -> Int64? {
        guard let (device, seq) = EventRef.parse(id), let key = try EventLog.existingDeviceKey(device, db: db) else { return nil }
        return try Int64.fetchOne(db.cachedStatement(sql: "SELECT rowid FROM event WHERE device = ? AND seq = ?"), arguments: [key, seq])
    }
}
