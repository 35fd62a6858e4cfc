import GRDB

/// The checks of households as they stand (the derived rows): a household covered with no member old enough, and
/// the same person (name and year of birth) in several households of a commune.
enum AuditHouseholdChecks {
    /// `device`, when given, keeps the households that device registered (a laptop's audit).
    static func findings(_ db: Database, rules: AuditRules, year: Int, device: String?) throws -> [AuditFinding] {
        try coveredNoAdult(db, rules: rules, year: year, device: device) + repeatedPeople(db, rules: rules, device: device)
    }

    /// Households counted as covered whose current members were all born after `year - coveredMinimumAge`.
    static func coveredNoAdult(_ db: Database, rules: AuditRules, year: Int, device: String?) throws -> [AuditFinding] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT h.key, h.code, h.scheme, h.commune, max(m.birth_year) AS youngest, min(m.birth_year) AS oldest
                FROM household h JOIN member m ON m.household_key = h.key AND m.status = 'present'
                WHERE h.covered = 1 AND h.merged_into IS NULL AND h.moved = 0\(device == nil ? "" : " AND h.registered_by = ?")
                GROUP BY h.key HAVING oldest > ?
                """, arguments: StatementArguments((device.map { [$0] } ?? []) + [year - rules.coveredMinimumAge]))
        return try rows.map { row in
            let key: Int64 = row["key"]
            let code: String = row["code"]
            let visits = try String.fetchAll(db, sql: "SELECT event FROM visit WHERE household_key = ? ORDER BY at_ms", arguments: [key])
            var finding = AuditFinding(
                .coveredNoAdult, .high, subject: code, commune: CommuneRef(code: row["commune"], scheme: Scheme(rawValue: row["scheme"]) ?? .y2025),
                measure: AuditFlag.Measure(count: year - (row["oldest"] as Int), limit: Double(rules.coveredMinimumAge)), rowids: [],
                eventCount: visits.count)
            finding.household = code
            finding.events = Array(visits.prefix(AuditFlag.eventsShown))
            return finding
        }
    }

    /// People whose folded name and year of birth appear in `repeatedPersonHouseholds` or more counted households of
    /// one commune. Names are kept only where households agreed to them, so only those are compared. Two passes keep
    /// memory small: the keys of every member first, then the members of the keys seen often enough.
    static func repeatedPeople(_ db: Database, rules: AuditRules, device: String?) throws -> [AuditFinding] {
        let filter = device == nil ? "" : " AND household_key IN (SELECT key FROM household WHERE registered_by = ?)"
        let sql = "SELECT scheme, commune, name, birth_year, household, code FROM member WHERE counted = 1 AND name IS NOT NULL" + filter
        let arguments = StatementArguments(device.map { [$0] } ?? [])
        func key(_ row: Row) -> (UInt64, String) {
            let text = "\(row[0] as String)|\(row[1] as String)|\(Folding.fold(row[2]))|\(row[3] as Int)"
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
            return (hash, text)
        }
        var keys: [UInt64] = []
        let first = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try first.next() { keys.append(key(row).0) }
        keys.sort()
        var often = Set<UInt64>()
        var index = 0
        while index < keys.count {
            var end = index + 1
            while end < keys.count, keys[end] == keys[index] { end += 1 }
            if end - index >= rules.repeatedPersonHouseholds { often.insert(keys[index]) }
            index = end
        }
        keys = []
        var people: [String: (name: String, commune: CommuneRef, year: Int, households: [String: String])] = [:]
        let second = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try second.next() {
            let (hash, text) = key(row)
            guard often.contains(hash) else { continue }
            var person = people[text] ?? (row[2], CommuneRef(code: row[1], scheme: Scheme(rawValue: row[0]) ?? .y2025), row[3], [:])
            person.households[row[4]] = person.households[row[4]] ?? row[5]
            people[text] = person
        }
        var found: [AuditFinding] = []
        for (text, person) in people.sorted(by: { $0.key < $1.key }) where person.households.count >= rules.repeatedPersonHouseholds {
            let members = person.households.sorted { $0.key < $1.key }
            var events: [String] = []
            for (household, member) in members {
                if let added = try DerivedTables.fold(root: household, db: db)?.addedBy(member: member) { events.append(added) }
            }
            var finding = AuditFinding(
                .repeatedPerson, person.households.count >= rules.repeatedPersonHouseholdsHigh ? .high : .medium, subject: text,
                commune: person.commune,
                measure: AuditFlag.Measure(count: person.households.count, value: Double(person.year), limit: Double(rules.repeatedPersonHouseholds), label: person.name),
                rowids: [], eventCount: events.count)
            finding.household = members.first?.key
            finding.events = Array(events.prefix(AuditFlag.eventsShown))
            found.append(finding)
        }
        return found
    }
}
