import GRDB
import GRDBSQLite

/// The checks of households as they stand (the derived member rows, read in one pass in household order): a
/// household covered with no member old enough, and the same person (name and year of birth) in several households
/// of a village.
enum AuditHouseholdChecks {
    /// `device`, when given, keeps the households that device registered (a laptop's audit).
    static func findings(_ db: Database, rules: AuditRules, year: Int, device: String?) throws -> [AuditFinding] {
        let filter = device == nil ? "" : " AND household_key IN (SELECT key FROM household WHERE registered_by = ?)"
        var childless: [Int64] = []
        var keys: [UInt64] = []
        // Names repeat: each is folded once.
        var folded: [String: UInt64] = [:]
        // Counted members are the current members of counted households; a household is covered when one is able.
        var group = (key: Int64(-1), oldest: Int64.max, able: false)
        func close() {
            if group.key >= 0, group.able, group.oldest > Int64(year - rules.coveredMinimumAge) { childless.append(group.key) }
        }
        try rows(db, "SELECT household_key, birth_year, able, name, scheme, commune, village_key FROM member WHERE counted = 1" + filter, device) { row in
            let key = sqlite3_column_int64(row, 0)
            if key != group.key {
                close()
                group = (key, Int64.max, false)
            }
            group.oldest = min(group.oldest, sqlite3_column_int64(row, 1))
            group.able = group.able || sqlite3_column_int64(row, 2) == 1
            guard sqlite3_column_type(row, 3) != SQLITE_NULL else { return }
            let name = text(row, 3)
            let nameHash = folded[name] ?? {
                let hash = fnv(Array(Folding.fold(name).utf8))
                folded[name] = hash
                return hash
            }()
            var hash = nameHash ^ UInt64(bitPattern: sqlite3_column_int64(row, 1)) &* 0x9E37_79B9_7F4A_7C15
            for column: Int32 in 4...6 {
                let bytes = UnsafeBufferPointer(start: sqlite3_column_text(row, column), count: Int(sqlite3_column_bytes(row, column)))
                hash = fnv(bytes, from: hash ^ 0x7C)
            }
            keys.append(hash)
        }
        close()
        return try coveredNoAdult(db, childless, rules: rules, year: year) + repeatedPeople(db, keys: keys, rules: rules, filter: filter, device: device)
    }

    static func fnv<Bytes: Sequence<UInt8>>(_ bytes: Bytes, from start: UInt64 = 0xCBF2_9CE4_8422_2325) -> UInt64 {
        var hash = start
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash
    }

    static func text(_ row: OpaquePointer, _ column: Int32) -> String {
        String(cString: sqlite3_column_text(row, column))
    }

    /// Steps a statement through SQLite's C interface, row by row: two and a half million members, no boxed values.
    static func rows(_ db: Database, _ sql: String, _ device: String?, _ body: (OpaquePointer) throws -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        if let device { try statement.setArguments([device]) }
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) })
            }
            try body(handle)
        }
    }

    /// Households counted as covered whose current members were all born after `year - coveredMinimumAge`.
    static func coveredNoAdult(_ db: Database, _ keys: [Int64], rules: AuditRules, year: Int) throws -> [AuditFinding] {
        try keys.compactMap { key in
            guard let row = try Row.fetchOne(db, sql: "SELECT code, scheme, commune FROM household WHERE key = ?", arguments: [key]),
                let oldest = try Int.fetchOne(db, sql: "SELECT min(birth_year) FROM member WHERE household_key = ? AND counted = 1", arguments: [key])
            else { return nil }
            let code: String = row["code"]
            let visits = try String.fetchAll(db, sql: "SELECT event FROM visit WHERE household_key = ? ORDER BY at_ms", arguments: [key])
            var finding = AuditFinding(
                .coveredNoAdult, .high, subject: code, commune: CommuneRef(code: row["commune"], scheme: Scheme(rawValue: row["scheme"]) ?? .y2025),
                measure: AuditFlag.Measure(count: year - oldest, limit: Double(rules.coveredMinimumAge)), rowids: [], eventCount: visits.count)
            finding.household = code
            finding.events = Array(visits.prefix(AuditFlag.eventsShown))
            return finding
        }
    }

    /// People whose folded name and year of birth appear in `repeatedPersonHouseholds` or more counted households of
    /// one village: namesakes are many in a commune, and few in a village. Only names kept with the households'
    /// consent are compared. `keys` holds each named member's key, in the order the members were read; the members
    /// of the keys seen often enough are read again, in the same order.
    static func repeatedPeople(_ db: Database, keys: [UInt64], rules: AuditRules, filter: String, device: String?) throws -> [AuditFinding] {
        var sorted = keys
        sorted.sort()
        var often = Set<UInt64>()
        var index = 0
        while index < sorted.count {
            var end = index + 1
            while end < sorted.count, sorted[end] == sorted[index] { end += 1 }
            if end - index >= rules.repeatedPersonHouseholds { often.insert(sorted[index]) }
            index = end
        }
        sorted = []
        guard !often.isEmpty else { return [] }
        var people: [UInt64: (name: String, commune: CommuneRef, village: String, year: Int, households: [String: String])] = [:]
        var position = 0
        try rows(db, "SELECT name, scheme, commune, village_key, birth_year, household, code FROM member WHERE counted = 1 AND name IS NOT NULL" + filter, device) { row in
            defer { position += 1 }
            guard position < keys.count, often.contains(keys[position]) else { return }
            var person = people[keys[position]] ?? (
                text(row, 0), CommuneRef(code: text(row, 2), scheme: Scheme(rawValue: text(row, 1)) ?? .y2025), text(row, 3), Int(sqlite3_column_int64(row, 4)), [:])
            person.households[text(row, 5)] = person.households[text(row, 5)] ?? text(row, 6)
            people[keys[position]] = person
        }
        var found: [AuditFinding] = []
        for person in people.values.sorted(by: { ($0.commune.code, $0.village, $0.name) < ($1.commune.code, $1.village, $1.name) })
        where person.households.count >= rules.repeatedPersonHouseholds {
            let members = person.households.sorted { $0.key < $1.key }
            var events: [String] = []
            for (household, member) in members.prefix(AuditFlag.eventsShown) {
                if let added = try DerivedTables.fold(root: household, db: db)?.addedBy(member: member) { events.append(added) }
            }
            var finding = AuditFinding(
                .repeatedPerson, person.households.count >= rules.repeatedPersonHouseholdsHigh ? .high : .medium,
                subject: "\(person.commune.scheme.rawValue)|\(person.commune.code)|\(person.village)|\(Folding.fold(person.name))|\(person.year)",
                commune: person.commune,
                measure: AuditFlag.Measure(count: person.households.count, value: Double(person.year), limit: Double(rules.repeatedPersonHouseholds), label: person.name),
                rowids: [], eventCount: person.households.count)
            finding.household = members[0].key
            finding.village = try HouseholdRecord.find(members[0].key, db: db)?.village ?? person.village
            finding.events = events
            found.append(finding)
        }
        return found
    }
}
