import GRDB

/// Reading the derived state for people and scripts.
enum Queries {
    static let summaryColumns = """
        code, scheme, commune, village, head_name, address, covered, members, visits, last_visit_ms, follow_up,
        merged_into, moved
        """

    static func summary(_ row: Row, db: Database) throws -> HouseholdSummary {
        let code: String = row["code"]
        return HouseholdSummary(
            code: code, shortCode: try Lookup.abbreviate(code, table: "household", db: db), commune: row["commune"],
            scheme: Scheme(rawValue: row["scheme"]) ?? .y2025, village: row["village"], headName: row["head_name"],
            address: row["address"], covered: row["covered"], members: row["members"], visits: row["visits"],
            lastVisit: (row["last_visit_ms"] as Int64?).map { Moment(millis: $0).rfc3339 }, followUp: row["follow_up"],
            mergedInto: row["merged_into"], moved: row["moved"])
    }

    static func summary(_ code: String, db: Database) throws -> HouseholdSummary {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(summaryColumns) FROM household WHERE code = ?", arguments: [code]) else {
            throw LookupError.notFound(text: code, kind: .household)
        }
        return try summary(row, db: db)
    }

    static func member(_ row: Row, db: Database) throws -> MemberView {
        let code: String = row["code"]
        return MemberView(
            code: code, shortCode: try Lookup.abbreviate(code, table: "member", db: db), household: row["household"],
            name: row["name"], birthYear: row["birth_year"], sex: (row["sex"] as String?).flatMap(Sex.init(rawValue:)),
            relation: row["relation"], status: MemberStatus(rawValue: row["status"]) ?? .present,
            vneid: (row["vneid"] as String?).flatMap(VneidStatus.init(rawValue:)), login: row["login"], dvctt: row["dvctt"],
            paidOnline: row["paid_online"], smartphone: row["smartphone"], able: row["able"],
            observedAt: (row["observed_ms"] as Int64?).map { Moment(millis: $0).rfc3339 })
    }

    static func member(_ code: String, db: Database) throws -> MemberView {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM member WHERE code = ?", arguments: [code]) else {
            throw LookupError.notFound(text: code, kind: .member)
        }
        return try member(row, db: db)
    }

    static func visit(_ row: Row) -> VisitView {
        VisitView(
            event: row["event"], household: row["household"], at: row["at"], volunteer: row["volunteer"],
            outcome: VisitOutcome(rawValue: row["outcome"]) ?? .met,
            help: (row["help"] as String).split(separator: ",").compactMap { Help(rawValue: String($0)) },
            procedure: row["procedure"], followUp: row["follow_up"], note: row["note"], observed: row["observed"])
    }

    static func visit(_ event: String, db: Database) throws -> VisitView {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM visit WHERE event = ?", arguments: [event]) else {
            throw LookupError.notFound(text: event, kind: .event)
        }
        return visit(row)
    }

    static func conflicts(household: String?, db: Database) throws -> [ConflictView] {
        var labels: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT device, label FROM batch GROUP BY device") { labels[row["device"]] = row["label"] }
        if let identity = try Store.identity(db) { labels[identity.id] = identity.label }
        var sql = "SELECT * FROM field_conflict"
        var arguments: StatementArguments = []
        if let household {
            sql += " WHERE household = ?"
            arguments = [household]
        }
        return try Row.fetchAll(db, sql: sql + " ORDER BY household, entity, code, field", arguments: arguments).map { row in
            let candidates: [ConflictView.Candidate]
            if case .array(let items)? = try? JSONParser.parse(row["candidates"] as String) {
                candidates = items.map { item in
                    var value: String?
                    switch item["value"] {
                    case .string(let text)?: value = text
                    case .int(let number)?: value = String(number)
                    case .bool(let flag)?: value = flag ? "true" : "false"
                    default: value = nil
                    }
                    let device: String
                    if case .string(let text)? = item["device"] { device = text } else { device = "" }
                    var at = ""
                    if case .string(let text)? = item["at"] { at = text }
                    var event = ""
                    if case .string(let text)? = item["event"] { event = text }
                    return ConflictView.Candidate(event: event, device: device, deviceLabel: labels[device], at: at, value: value)
                }
            } else {
                candidates = []
            }
            return ConflictView(
                entity: FieldConflict.Entity(rawValue: row["entity"]) ?? .household, code: row["code"], household: row["household"],
                field: row["field"], chosen: row["chosen"], candidates: candidates)
        }
    }
}

extension Store {
    public func household(_ text: String) throws -> HouseholdDetail {
        try read { db in
            let found = try Lookup.household(text, db: db)
            let code = found.root
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM household WHERE code = ?", arguments: [code]) else {
                throw LookupError.notFound(text: text, kind: .household)
            }
            let members = try Row.fetchAll(
                db, sql: "SELECT * FROM member WHERE household = ? ORDER BY status != 'present', birth_year, code", arguments: [code]
            ).map { try Queries.member($0, db: db) }
            let visits = try Row.fetchAll(db, sql: "SELECT * FROM visit WHERE household = ? ORDER BY at_ms DESC", arguments: [code])
                .map(Queries.visit)
            let gaps = (row["gaps"] as String).split(separator: ",").compactMap { CoverageRule.Gap(rawValue: String($0)) }
            return HouseholdDetail(
                household: try RegisterNames.annotate([try Queries.summary(row, db: db)], db: db)[0], phone: row["phone"], note: row["note"], consent: row["consent"],
                declaredMembers: row["declared_members"], registeredAt: row["registered_at"], closestMember: row["closest_member"],
                gaps: gaps, members: members, visits: visits,
                mergedFrom: try String.fetchAll(db, sql: "SELECT code FROM household WHERE merged_into = ? ORDER BY code", arguments: [code]),
                conflicts: try Queries.conflicts(household: code, db: db))
        }
    }

    /// Households of this store, by village then code; merged records are left out.
    public func households(village: String? = nil, limit: Int? = nil) throws -> [HouseholdSummary] {
        try read { db in
            var sql = "SELECT \(Queries.summaryColumns) FROM household WHERE merged_into IS NULL"
            var arguments: StatementArguments = []
            if let village {
                sql += " AND village_key = ?"
                arguments += [Folding.fold(village)]
            }
            sql += " ORDER BY village_key, code"
            if let limit { sql += " LIMIT \(limit)" }
            return try RegisterNames.annotate(try Row.fetchAll(db, sql: sql, arguments: arguments).map { try Queries.summary($0, db: db) }, db: db)
        }
    }

    /// Households whose head's name (where consent was given), address or code contains the text,
    /// ignoring case, diacritics, `đ` and where the tone mark sits.
    public func searchHouseholds(_ text: String, limit: Int = 50) throws -> [HouseholdSummary] {
        let query = Folding.fold(text)
        guard !query.isEmpty else { return [] }
        return try read { db in
            let pattern = "%" + query.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
            var found = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Queries.summaryColumns) FROM household
                    WHERE merged_into IS NULL AND (search LIKE ? OR village_key LIKE ?)
                    ORDER BY instr(search, ?) = 0, village_key, code LIMIT ?
                    """, arguments: [pattern, pattern, query, limit]
            ).map { try Queries.summary($0, db: db) }
            // Names from the commune's register, on the machine that imported it, are found like recorded names.
            let shown = Set(found.map(\.code))
            for code in try RegisterNames.search(query, db: db).sorted() where !shown.contains(code) && found.count < limit {
                found.append(try Queries.summary(code, db: db))
            }
            return try RegisterNames.annotate(found, db: db)
        }
    }

    /// The events of a household (and those merged into it), oldest first.
    public func history(_ text: String) throws -> [EventView] {
        try read { db in
            let found = try Lookup.household(text, db: db)
            let codes = try Projection.clusterCodes(root: found.root, db: db)
            let events = try EventLog.events(households: codes, db: db).sorted { $0.order < $1.order }
            let voided = Set(events.compactMap { event -> String? in
                if case .eventVoided(let target, _) = event.body { return target }
                return nil
            })
            return events.map {
                EventView(id: $0.id, type: $0.kind, at: $0.at.rfc3339, device: $0.device, seq: $0.seq, member: $0.member, voided: voided.contains($0.id))
            }
        }
    }

    public func conflicts() throws -> [ConflictView] {
        try read { db in try Queries.conflicts(household: nil, db: db) }
    }
}
