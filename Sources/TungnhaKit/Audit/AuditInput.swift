import Foundation
import GRDB
import GRDBSQLite

/// What the audit reads of a store, in compact form: every visit that counts (voided ones left out, corrected ones
/// as corrected), read in one pass over the event log in rowid order, with the village of its household from the
/// derived rows. A province's two million visits take about 32 bytes each, their observations 16.
struct AuditInput {
    struct Visit {
        /// The household it counts under, packed (`AuditCode`).
        var household: UInt64
        var rowid: UInt32
        /// Seconds since 2020-01-01 UTC.
        var at: UInt32
        var volunteer: UInt32
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
    /// Observation patterns (`AuditPattern.key` of each member observed, sorted, joined by commas), by number.
    var patterns: [String] = []
    var late: [UInt32: Tally] = [:]
    var clock: [Int64: Tally] = [:]
    var backchecks: [Backcheck] = []
    var withoutEntryTime = 0
    var actions = AuditActions()
    /// "device number|name" (as written and folded) → volunteer.
    var volunteerIndex: [String: UInt32] = [:]

    static let epoch2020: Int64 = 1_577_836_800
    static func seconds(_ millis: Int64) -> UInt32 { UInt32(clamping: max(0, millis / 1000 - epoch2020)) }
    static func millis(_ seconds: UInt32) -> Int64 { (Int64(seconds) + epoch2020) * 1000 }

    /// Reads the store: `device`, when given, limits the audit to that device's own visits (a laptop's audit).
    static func read(_ db: Database, rules: AuditRules, device: Int64?) throws -> AuditInput {
        var input = AuditInput()
        let actions = try AuditActions.read(db)
        input.actions = actions
        var households = try HouseholdPlaces.read(db, into: &input)
        var volunteerIndex: [String: UInt32] = [:]
        var patternIndex: [String: Int32] = [:]
        var communeIndex = Dictionary(uniqueKeysWithValues: input.communes.enumerated().map { ($1, $0) })
        var written: [Int64: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT rowid, written_ms FROM batch") { written[row[0]] = row[1] }
        let tolerance = Int64(rules.clockToleranceMinutes) * 60_000
        let lateAfter = Int64(rules.lateEntryHours) * 3_600_000

        func take(_ rowid: Int64, deviceKey: Int64, batch: Int64?, event: Event) {
            guard case .visitRecorded(var visit) = event.body, let code = event.household else { return }
            if let replacement = actions.corrections[rowid], case .visitRecorded(let corrected) = replacement { visit = corrected }
            let commune = communeIndex[event.commune] ?? {
                input.communes.append(event.commune)
                communeIndex[event.commune] = input.communes.count - 1
                return input.communes.count - 1
            }()
            let volunteerKey = "\(deviceKey)|\(visit.volunteer)"
            let volunteer = volunteerIndex[volunteerKey] ?? {
                let folded = "\(deviceKey)|" + Folding.fold(visit.volunteer)
                // Spellings of one name on one device are one volunteer.
                let index = volunteerIndex[folded] ?? {
                    input.volunteers.append(Volunteer(name: visit.volunteer, device: deviceKey, commune: commune))
                    return UInt32(input.volunteers.count - 1)
                }()
                volunteerIndex[folded] = index
                volunteerIndex[volunteerKey] = index
                return index
            }()
            let row = UInt32(clamping: rowid)
            if let entered = event.entered {
                let delay = entered.millis - event.at.millis
                if delay > lateAfter { input.late[volunteer, default: Tally()].add(row, minutes: delay / 60_000) }
                let afterBatch = batch.flatMap { written[$0] }.map { entered.millis - $0 } ?? 0
                let wrong = max(afterBatch, -delay)
                if wrong > tolerance { input.clock[deviceKey, default: Tally()].add(row, minutes: wrong / 60_000) }
            } else {
                input.withoutEntryTime += 1
            }
            var pattern: Int32 = -1
            if visit.outcome == .met, !visit.observations.isEmpty {
                let key = visit.observations.map(AuditPattern.key).sorted().joined(separator: ",")
                pattern = patternIndex[key] ?? {
                    patternIndex[key] = Int32(patternIndex.count)
                    return Int32(patternIndex.count - 1)
                }()
            }
            let (household, place) = households.find(code)
            let index = UInt32(input.visits.count)
            input.visits.append(
                Visit(
                    household: household, rowid: row, at: seconds(event.at.millis), volunteer: volunteer,
                    packed: UInt32(place ?? Int(Visit.noPlace)) | UInt32(VisitOutcome.allCases.firstIndex(of: visit.outcome)!) << 28
                        | (visit.backcheckOf == nil ? 0 : 1 << 30),
                    pattern: pattern))
            for observation in visit.observations {
                guard let member = AuditCode.pack(observation.member) else { continue }
                input.seen.append(Seen(member: member, visit: index, values: Seen.pack(observation)))
            }
            if let original = visit.backcheckOf {
                input.backchecks.append(Backcheck(visit: Int(index), original: original, observations: visit.observations))
            }
        }

        let statement = try db.makeStatement(
            sql: "SELECT rowid, device, batch, body FROM event WHERE type = 'visit.recorded'" + (device == nil ? "" : " AND device = ?") + " ORDER BY rowid")
        if let device { try statement.setArguments([device]) }
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        var chunk: [(rowid: Int64, device: Int64, batch: Int64?, body: [UInt8])] = []
        func flush() throws {
            // Reading JSON is the work of the processor: the chunk is read on every core, then taken in log order.
            let events = Parallel.map(chunk.map(\.body)) { body -> Event? in
                body.withUnsafeBufferPointer { buffer in try? EventCodec.storedEvent(from: JSONParser.parse(buffer)) }
            }
            for (index, item) in chunk.enumerated() where !actions.voided.contains(item.rowid) {
                guard let event = events[index] else { throw StoreError.damaged(what: "event \(item.rowid)") }
                take(item.rowid, deviceKey: item.device, batch: item.batch, event: event)
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
        households.release()
        input.patterns = [String](repeating: "", count: patternIndex.count)
        for (key, index) in patternIndex { input.patterns[Int(index)] = key }
        input.volunteerIndex = volunteerIndex
        return input
    }
}

/// Household codes packed into 50 bits (10 characters of 5 bits), so that millions of them take 8 bytes each.
enum AuditCode {
    static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (index, character) in ShortCode.alphabet.enumerated() { table[Int(character.asciiValue!)] = Int8(index) }
        return table
    }()

    static func pack(_ code: String) -> UInt64? {
        var bits: UInt64 = 0
        var count = 0
        for byte in code.utf8 {
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

/// Each household code with its village, sorted by code to be found by halving; merged households under their root.
struct HouseholdPlaces {
    var codes: [UInt64] = []
    var places: [UInt32] = []
    var roots: [UInt64: UInt64] = [:]

    static func read(_ db: Database, into input: inout AuditInput) throws -> HouseholdPlaces {
        var result = HouseholdPlaces()
        var placeIndex: [String: UInt32] = [:]
        var communeIndex: [CommuneRef: Int] = [:]
        var rows: [(UInt64, UInt32)] = []
        let cursor = try Row.fetchCursor(db, sql: "SELECT code, merged_into, scheme, commune, village_key FROM household")
        while let row = try cursor.next() {
            guard let code = AuditCode.pack(row[0]) else { continue }
            if let root = (row[1] as String?).flatMap(AuditCode.pack) { result.roots[code] = root }
            let key = "\(row[2] as String)|\(row[3] as String)|\(row[4] as String)"
            let place = placeIndex[key] ?? {
                let commune = CommuneRef(code: row[3], scheme: Scheme(rawValue: row[2]) ?? .y2025)
                let index = communeIndex[commune] ?? {
                    input.communes.append(commune)
                    communeIndex[commune] = input.communes.count - 1
                    return input.communes.count - 1
                }()
                input.places.append((key, index))
                placeIndex[key] = UInt32(input.places.count - 1)
                return UInt32(input.places.count - 1)
            }()
            rows.append((code, place))
        }
        rows.sort { $0.0 < $1.0 }
        result.codes = rows.map(\.0)
        result.places = rows.map(\.1)
        return result
    }

    /// The household a visit's code counts under, and its village; a code with no household row has none.
    func find(_ code: String) -> (household: UInt64, place: Int?) {
        guard let packed = AuditCode.pack(code) else { return (0, nil) }
        let root = roots[packed] ?? packed
        var low = 0
        var high = codes.count
        while low < high {
            let middle = (low + high) / 2
            if codes[middle] < packed { low = middle + 1 } else { high = middle }
        }
        return (root, low < codes.count && codes[low] == packed ? Int(places[low]) : nil)
    }

    mutating func release() {
        codes = []
        places = []
    }
}
