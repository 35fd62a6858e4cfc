import GRDB

/// Keeps the derived tables (household, member, visit, village, field_conflict) equal to what
/// `Derivation` makes of the events. Called in the same transaction as the events it follows.
enum Projection {
    /// What a set of new events touches.
    struct Change {
        var households: Set<String> = []
        var villages: Set<CommuneRef> = []
        var links = false

        mutating func note(_ event: Event, db: Database) throws {
            if let household = event.household { households.insert(household) }
            switch event.body {
            case .villageAdded, .villageChanged: villages.insert(event.commune)
            case .householdMerged(let keep):
                links = true
                households.insert(keep)
            case .eventVoided(let target, _), .eventCorrected(let target, _):
                let type = try String.fetchOne(db.cachedStatement(sql: "SELECT type FROM event WHERE id = ?"), arguments: [target])
                if type == EventKind.householdMerged.rawValue { links = true }
                if type == EventKind.villageAdded.rawValue || type == EventKind.villageChanged.rawValue { villages.insert(event.commune) }
            default: break
            }
        }

        var isEmpty: Bool { households.isEmpty && villages.isEmpty && !links }
    }

    /// `fresh` holds the events just stored, by household; `known`, events of earlier files of the same merge.
    /// A household whose every stored event is in hand is derived without reading its events back.
    /// Returns every event of each lone household derived, for `known` once the transaction has committed.
    @discardableResult
    static func apply(_ change: Change, fresh: [String: [Event]] = [:], known: EventCache? = nil, db: Database) throws -> [String: [Event]] {
        var households = change.households
        if change.links { households.formUnion(try refreshLinks(db: db)) }
        var roots = Set<String>()
        let merged = try Bool.fetchOne(db, sql: "SELECT 1 FROM household_link LIMIT 1") ?? false
        for code in households {
            let root = merged ? try String.fetchOne(db.cachedStatement(sql: "SELECT root FROM household_link WHERE code = ?"), arguments: [code]) : nil
            roots.insert(root ?? code)
        }
        var learned: [String: [Event]] = [:]
        for root in roots.sorted() {
            let codes = merged ? try clusterCodes(root: root, db: db) : [root]
            if codes.count == 1, let events = try refreshAlone(root, fresh: fresh[root] ?? [], known: known?[root], db: db) {
                learned[root] = events
            } else {
                try refreshCluster(root: root, codes: codes, db: db)
            }
        }
        for commune in change.villages.sorted() { try refreshVillages(commune, db: db) }
        return learned
    }

    /// A household in no merge, when the events in hand are all it has: the stored count proves it,
    /// since events are only ever added. Returns those events, or nil when they must be read back.
    static func refreshAlone(_ code: String, fresh: [Event], known: [Event]?, db: Database) throws -> [Event]? {
        let stored = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM event WHERE household = ?"), arguments: [code]) ?? 0
        let events: [Event]
        if stored == fresh.count {
            // Seen for the first time: nothing derived from it is stored yet.
            events = fresh
        } else if let known, known.count + fresh.count == stored {
            try forget(code, db: db)
            events = known + fresh
        } else {
            return nil
        }
        if let cluster = Derivation.cluster(root: code, events: events) { try write(cluster, db: db) }
        return events
    }

    /// Recomputes which household each merged one counts under; returns the codes whose cluster changed.
    static func refreshLinks(db: Database) throws -> Set<String> {
        let merges = try String.fetchAll(db, sql: "SELECT body FROM event WHERE type = 'household.merged'").map(EventLog.decode)
        let voided = try Set(
            String.fetchAll(
                db,
                sql: """
                    SELECT v.target FROM event m JOIN event v ON v.target = m.id
                    WHERE m.type = 'household.merged' AND v.type = 'event.voided'
                    """))
        let roots = Derivation.mergeRoots(merges, voided: voided)
        var before: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT code, root FROM household_link") { before[row["code"]] = row["root"] }
        var touched = Set<String>()
        for code in Set(before.keys).union(roots.keys) where before[code] != roots[code] {
            touched.insert(code)
            if let old = before[code] { touched.insert(old) }
            if let new = roots[code] { touched.insert(new) }
        }
        if !touched.isEmpty {
            try db.execute(sql: "DELETE FROM household_link")
            for (code, root) in roots {
                try db.execute(sql: "INSERT INTO household_link (code, root) VALUES (?, ?)", arguments: [code, root])
            }
        }
        return touched
    }

    static func clusterCodes(root: String, db: Database) throws -> [String] {
        [root] + (try String.fetchAll(db.cachedStatement(sql: "SELECT code FROM household_link WHERE root = ?"), arguments: [root]))
    }

    static func refreshCluster(root: String, codes: [String]? = nil, db: Database) throws {
        let codes = try codes ?? clusterCodes(root: root, db: db)
        let events = try EventLog.events(households: codes, db: db)
        for code in codes { try forget(code, db: db) }
        guard let cluster = Derivation.cluster(root: root, events: events) else { return }
        try write(cluster, db: db)
    }

    /// Removes what was derived under a household code, its members from the tally first.
    static func forget(_ code: String, db: Database) throws {
        for row in try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT scheme, commune, village_key, birth_year, count(*) AS members, coalesce(sum(dvctt = 1), 0) AS dvctt,
                        coalesce(sum(vneid = 'level2'), 0) AS level2
                    FROM member WHERE household = ? AND counted = 1 GROUP BY scheme, commune, village_key, birth_year
                    """), arguments: [code])
        {
            try tally(db, scheme: row["scheme"], commune: row["commune"], villageKey: row["village_key"], birthYear: row["birth_year"],
                      members: -(row["members"] as Int), dvctt: -(row["dvctt"] as Int), level2: -(row["level2"] as Int))
        }
        // Members and visits count under the cluster's root; on a merge or unmerge both roots are refreshed.
        for table in ["household WHERE code", "member WHERE household", "visit WHERE household", "field_conflict WHERE household"] {
            try db.cachedStatement(sql: "DELETE FROM \(table) = ?").execute(arguments: [code])
        }
    }

    static func write(_ cluster: ClusterState, db: Database) throws {
        let root = cluster.root
        let villageKey = Folding.fold(root.village)
        let lastVisit = cluster.visits.last
        let counted = root.mergedInto == nil && !root.moved
        let insertHousehold = try FastStatement(
            db,
            """
            INSERT INTO household (code, scheme, commune, village, village_key, head_name, address, phone,
                declared_members, note, consent, registered_at, registered_by, merged_into, moved, covered,
                closest_member, gaps, members, visits, last_visit_ms, last_outcome, last_volunteer, follow_up,
                last_activity_ms, search)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let currentMembers = cluster.members.filter { $0.status == .present }.count
        for household in cluster.households {
            let isRoot = household.mergedInto == nil
            let head = household.consent ? household.headName : nil
            let search = Folding.fold([head, household.address, household.code].compactMap { $0 }.joined(separator: " "))
            try insertHousehold.run { bind in
                bind.text(household.code)
                bind.text(household.commune.scheme.rawValue)
                bind.text(household.commune.code)
                bind.text(household.village)
                bind.text(Folding.fold(household.village))
                bind.text(head)
                bind.text(household.address)
                bind.text(household.phone)
                bind.int(household.declaredMembers)
                bind.text(household.note)
                bind.bool(household.consent)
                bind.text(household.registeredAt.rfc3339)
                bind.text(household.registeredBy)
                bind.text(household.mergedInto)
                bind.bool(household.moved)
                bind.bool(household.coverage.covered)
                bind.text(household.coverage.closestMember)
                bind.text(household.coverage.gaps.map(\.rawValue).joined(separator: ","))
                bind.int(isRoot ? currentMembers : 0)
                bind.int(isRoot ? cluster.visits.count : 0)
                bind.int(isRoot ? lastVisit?.at.millis : nil)
                bind.text(isRoot ? lastVisit?.outcome.rawValue : nil)
                bind.text(isRoot ? lastVisit?.volunteer : nil)
                bind.text(isRoot ? lastVisit?.followUp?.description : nil)
                bind.int(household.lastActivity.millis)
                bind.text(search)
            }
        }
        let insertMember = try FastStatement(
            db,
            """
            INSERT INTO member (code, household, recorded_in, scheme, commune, village_key, counted, name,
                birth_year, sex, relation, status, vneid, login, dvctt, paid_online, smartphone, observed_ms, able, added_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for member in cluster.members {
            if counted && member.status == .present {
                try tally(
                    db, scheme: root.commune.scheme.rawValue, commune: root.commune.code, villageKey: villageKey, birthYear: member.birthYear,
                    members: 1, dvctt: member.abilities.dvctt == true ? 1 : 0, level2: member.abilities.vneid == .level2 ? 1 : 0)
            }
            try insertMember.run { bind in
                bind.text(member.code)
                bind.text(member.household)
                bind.text(member.recordedIn)
                bind.text(root.commune.scheme.rawValue)
                bind.text(root.commune.code)
                bind.text(villageKey)
                bind.bool(counted && member.status == .present)
                bind.text(root.consent ? member.name : nil)
                bind.int(member.birthYear)
                bind.text(member.sex?.rawValue)
                bind.text(member.relation)
                bind.text(member.status.rawValue)
                bind.text(member.abilities.vneid?.rawValue)
                bind.bool(member.abilities.login)
                bind.bool(member.abilities.dvctt)
                bind.bool(member.abilities.paidOnline)
                bind.bool(member.abilities.smartphone)
                bind.int(member.abilities.observedAt?.millis)
                bind.bool(member.able)
                bind.int(member.addedAt.millis)
            }
        }
        let insertVisit = try FastStatement(
            db,
            """
            INSERT INTO visit (event, household, recorded_in, scheme, commune, village_key, at, at_ms, device,
                volunteer, outcome, help, procedure, follow_up, note, observed)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for visit in cluster.visits {
            try insertVisit.run { bind in
                bind.text(visit.event)
                bind.text(visit.household)
                bind.text(visit.recordedIn)
                bind.text(root.commune.scheme.rawValue)
                bind.text(root.commune.code)
                bind.text(villageKey)
                bind.text(visit.at.rfc3339)
                bind.int(visit.at.millis)
                bind.text(visit.device)
                bind.text(visit.volunteer)
                bind.text(visit.outcome.rawValue)
                bind.text(visit.help.map(\.rawValue).joined(separator: ","))
                bind.text(visit.procedure)
                bind.text(visit.followUp?.description)
                bind.text(visit.note)
                bind.int(visit.observations.count)
            }
        }
        let insertConflict = try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO field_conflict (entity, code, household, field, candidates, chosen) VALUES (?, ?, ?, ?, ?, ?)")
        for conflict in cluster.conflicts {
            let candidates = JSONWriter.canonical(
                .array(
                    conflict.candidates.map { candidate in
                        .object([
                            "event": .string(candidate.event), "device": .string(candidate.device),
                            "at": .string(candidate.at.rfc3339), "value": fieldJSON(candidate.value),
                        ])
                    }))
            try insertConflict.execute(arguments: [
                conflict.entity.rawValue, conflict.code, conflict.household, conflict.field, candidates,
                conflict.chosen == .none ? nil : conflict.chosen.description,
            ])
        }
    }

    static func tally(_ db: Database, scheme: String, commune: String, villageKey: String, birthYear: Int, members: Int, dvctt: Int, level2: Int) throws {
        try FastStatement(
            db,
            """
            INSERT INTO member_tally (scheme, commune, village_key, birth_year, members, dvctt, level2) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO UPDATE SET members = members + excluded.members, dvctt = dvctt + excluded.dvctt, level2 = level2 + excluded.level2
            """
        ).run { bind in
            bind.text(scheme)
            bind.text(commune)
            bind.text(villageKey)
            bind.int(birthYear)
            bind.int(members)
            bind.int(dvctt)
            bind.int(level2)
        }
    }

    static func fieldJSON(_ value: FieldValue) -> JSONValue {
        switch value {
        case .text(let text): return .string(text)
        case .number(let number): return .int(Int64(number))
        case .flag(let flag): return .bool(flag)
        case .none: return .null
        }
    }

    /// Villages: the latest name under each folded name, and the 2025 commune last assigned.
    static func refreshVillages(_ commune: CommuneRef, db: Database) throws {
        let events = try String.fetchAll(
            db,
            sql: """
                SELECT body FROM event e WHERE household IS NULL AND scheme = ? AND commune = ?
                AND type IN ('village.added', 'village.changed')
                AND NOT EXISTS (SELECT 1 FROM event v WHERE v.target = e.id AND v.type = 'event.voided')
                """, arguments: [commune.scheme.rawValue, commune.code]
        ).map(EventLog.decode)
        try writeVillages(commune, villages(events), db: db)
    }

    static func villages(_ events: [Event]) -> [String: (name: String, newCommune: String?)] {
        var villages: [String: (name: String, newCommune: String?)] = [:]
        for event in events.sorted(by: { $0.order < $1.order }) {
            switch event.body {
            case .villageAdded(let village):
                let key = Folding.fold(village.name)
                villages[key] = (village.name, village.newCommune ?? villages[key]?.newCommune)
            case .villageChanged(let village):
                let key = Folding.fold(village.name)
                villages[key] = (villages[key]?.name ?? village.name, village.newCommune)
            default: break
            }
        }
        return villages
    }

    static func writeVillages(_ commune: CommuneRef, _ villages: [String: (name: String, newCommune: String?)], db: Database) throws {
        try db.execute(sql: "DELETE FROM village WHERE scheme = ? AND commune = ?", arguments: [commune.scheme.rawValue, commune.code])
        for (key, village) in villages {
            try db.execute(
                sql: "INSERT INTO village (scheme, commune, key, name, new_commune) VALUES (?, ?, ?, ?, ?)",
                arguments: [commune.scheme.rawValue, commune.code, key, village.name, village.newCommune])
        }
    }
}

/// Events of households seen in earlier files of one merge, so that a household a later batch touches again
/// is not read back and decoded. Bounded: the oldest households are dropped first.
final class EventCache {
    private var events: [String: [Event]] = [:]
    private var order: [String] = []
    private var count = 0
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    subscript(code: String) -> [Event]? { events[code] }

    func remember(_ learned: [String: [Event]]) {
        for (code, list) in learned {
            if let old = events.updateValue(list, forKey: code) { count -= old.count } else { order.append(code) }
            count += list.count
        }
        var dropped = 0
        while count > capacity, dropped < order.count {
            if let old = events.removeValue(forKey: order[dropped]) { count -= old.count }
            dropped += 1
        }
        order.removeFirst(dropped)
    }
}
