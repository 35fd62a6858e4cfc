import GRDB

/// The derived state as people and scripts see it: views built from the records.
enum Queries {
    static func summary(_ household: HouseholdRecord, db: Database) throws -> HouseholdSummary {
        HouseholdSummary(
            code: household.code, shortCode: try Lookup.abbreviate(household.code, table: .household, db: db), commune: household.commune.code,
            scheme: household.commune.scheme, village: household.village, headName: household.headName, address: household.address,
            covered: household.covered, members: household.members, visits: household.visits,
            lastVisit: household.lastVisitMillis.map { Moment(millis: $0).rfc3339 }, followUp: household.followUp,
            mergedInto: household.mergedInto, moved: household.moved)
    }

    static func summary(_ code: String, db: Database) throws -> HouseholdSummary {
        guard let household = try HouseholdRecord.find(code, db: db) else { throw LookupError.notFound(text: code, kind: .household) }
        return try summary(household, db: db)
    }

    static func member(_ member: MemberRecord, db: Database) throws -> MemberView {
        MemberView(
            code: member.code, shortCode: try Lookup.abbreviate(member.code, table: .member, db: db), household: member.household,
            name: member.name, birthYear: member.birthYear, sex: member.sex, relation: member.relation, status: member.status,
            vneid: member.abilities.vneid, login: member.abilities.login, dvctt: member.abilities.dvctt, paidOnline: member.abilities.paidOnline,
            smartphone: member.abilities.smartphone, able: member.able, observedAt: member.abilities.observedAt?.rfc3339)
    }

    static func member(_ code: String, db: Database) throws -> MemberView {
        guard let member = try MemberRecord.find(code, db: db) else { throw LookupError.notFound(text: code, kind: .member) }
        return try self.member(member, db: db)
    }

    static func visit(_ visit: VisitRecord) -> VisitView {
        VisitView(
            event: visit.event, household: visit.household, at: visit.at.rfc3339, volunteer: visit.volunteer, outcome: visit.outcome,
            help: visit.help, procedure: visit.procedure, followUp: visit.followUp, note: visit.note, observed: visit.observed)
    }

    static func visit(_ event: String, household: String, db: Database) throws -> VisitView {
        guard let visit = try VisitRecord.find(event, household: household, db: db) else { throw LookupError.notFound(text: event, kind: .event) }
        return self.visit(visit)
    }

    static func conflicts(household: String?, db: Database) throws -> [ConflictView] {
        let labels = try SyncStatus.deviceLabels(db)
        return try FieldConflictRecord.all(household: household, db: db).map { record in
            let conflict = record.conflict
            return ConflictView(
                entity: conflict.entity, code: conflict.code, household: conflict.household, field: conflict.field,
                chosen: conflict.chosen == .none ? nil : conflict.chosen.description,
                candidates: conflict.candidates.map { candidate in
                    ConflictView.Candidate(
                        event: candidate.event, device: candidate.device, deviceLabel: labels[candidate.device], at: candidate.at.rfc3339,
                        value: candidate.value == .none ? nil : candidate.value.description)
                })
        }
    }
}

extension Store {
    public func household(_ text: String) throws -> HouseholdDetail {
        try read { db in
            let found = try Lookup.household(text, db: db)
            guard let household = try HouseholdRecord.find(found.root, db: db) else { throw LookupError.notFound(text: text, kind: .household) }
            return HouseholdDetail(
                household: try RegisterNames.annotate([try Queries.summary(household, db: db)], db: db)[0], phone: household.phone,
                note: household.note, consent: household.consent, declaredMembers: household.declaredMembers,
                registeredAt: household.registeredAt, closestMember: household.closestMember, gaps: household.gaps,
                members: try MemberRecord.of(household: household.code, db: db).map { try Queries.member($0, db: db) },
                visits: try VisitRecord.of(household: household.code, db: db).map(Queries.visit),
                mergedFrom: try HouseholdRecord.merged(into: household.code, db: db),
                conflicts: try Queries.conflicts(household: household.code, db: db))
        }
    }

    /// Households of this store, by village then code; merged records are left out.
    public func households(village: String? = nil, limit: Int? = nil) throws -> [HouseholdSummary] {
        try read { db in
            try RegisterNames.annotate(
                try HouseholdRecord.standing(villageKey: village.map(Folding.fold), limit: limit, db: db).map { try Queries.summary($0, db: db) },
                db: db)
        }
    }

    /// Households whose head's name (where consent was given), address or code contains the text,
    /// ignoring case, diacritics, `đ` and where the tone mark sits.
    public func searchHouseholds(_ text: String, limit: Int = 50) throws -> [HouseholdSummary] {
        let query = Folding.fold(text)
        guard !query.isEmpty else { return [] }
        return try read { db in
            var found = try HouseholdRecord.search(query, limit: limit, db: db).map { try Queries.summary($0, db: db) }
            // Names from the commune's register, on the machine that imported it, are found like recorded names.
            let shown = Set(found.map(\.code))
            for code in try RegisterNames.search(query, db: db).sorted() where !shown.contains(code) && found.count < limit {
                found.append(try Queries.summary(code, db: db))
            }
            return try RegisterNames.annotate(found, db: db)
        }
    }

    public func conflicts() throws -> [ConflictView] {
        try read { db in try Queries.conflicts(household: nil, db: db) }
    }
}
