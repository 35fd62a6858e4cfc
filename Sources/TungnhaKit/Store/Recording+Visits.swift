import Foundation
import GRDB

extension Store {
    // MARK: Members

    public func addMember(household text: String, _ input: MemberInput) throws -> MemberView {
        let name = try Self.text(input.name, .name)
        let relation = try Self.text(input.relation, .relation)
        try checkBirthYear(input.birthYear)
        return try write { db in
            let household = try Lookup.household(text, db: db)
            let consent = try HouseholdRecord.find(household.root, db: db)?.consent ?? false
            if name != nil, !consent {
                throw RecordError.namesWithoutConsent(household: try Lookup.abbreviate(household.root, table: .household, db: db))
            }
            var random = environment.random.generator
            var code = ShortCode.make(using: &random)
            while try MemberRecord.exists(code, db: db) {
                code = ShortCode.make(using: &random)
            }
            let data = MemberData(name: name, birthYear: input.birthYear, sex: input.sex, relation: relation)
            try append([Draft(household: household.root, member: code, commune: household.commune, body: .memberAdded(data))], db: db)
            return try Queries.member(code, db: db)
        }
    }

    public func editMember(_ text: String, changes: MemberChanges) throws -> MemberView {
        let name = try changes.name.map { raw in try Self.text(raw, .name).map(FieldValue.text) ?? FieldValue.none }
        let relation = try changes.relation.map { raw in try Self.text(raw, .relation).map(FieldValue.text) ?? FieldValue.none }
        if let year = changes.birthYear { try checkBirthYear(year) }
        return try write { db in
            let member = try Lookup.member(text, household: nil, db: db)
            var set: [MemberField: FieldValue] = [:]
            if let name { set[.name] = name }
            if let year = changes.birthYear { set[.birthYear] = .number(year) }
            if let sex = changes.sex { set[.sex] = .text(sex.rawValue) }
            if let relation { set[.relation] = relation }
            if let status = changes.status { set[.status] = .text(status.rawValue) }
            guard !set.isEmpty else { throw RecordError.nothingToChange }
            let consent = try HouseholdRecord.find(member.household, db: db)?.consent ?? false
            if let name = set[.name], name != .none, !consent {
                throw RecordError.namesWithoutConsent(household: try Lookup.abbreviate(member.household, table: .household, db: db))
            }
            let household = try Lookup.household(member.household, db: db)
            let heads = try currentHeads(member: member.code, household: member.household, fields: Set(set.keys), db: db)
            try append(
                [Draft(household: member.household, member: member.code, commune: household.commune,
                       body: .memberChanged(FieldChange(set: set, replaces: heads)))],
                db: db)
            return try Queries.member(member.code, db: db)
        }
    }

    /// Removes a member recorded by mistake: voids the event that added it.
    public func removeMember(_ text: String, reason: String?) throws -> EventView {
        let reason = try Self.text(reason, .reason)
        return try write { db in
            let member = try Lookup.member(text, household: nil, db: db)
            guard let id = try DerivedTables.fold(root: member.household, db: db)?.addedBy(member: member.code),
                let added = try EventLog.event(id: id, db: db)
            else { throw LookupError.notFound(text: text, kind: .member) }
            return try void(added, reason: reason, db: db)
        }
    }

    // MARK: Visits

    public func recordVisit(household text: String, _ input: VisitInput) throws -> VisitView {
        let note = try Self.text(input.note, .note)
        let procedure = try Self.text(input.procedure, .procedure)
        let current = now
        let at = try input.at.map { try EntryChecks.visitTime($0, now: current) }
        let followUp = try input.followUp.map { try EntryChecks.followUp($0, today: current.vietnamDate) }
        let typedVolunteer = try Self.text(input.volunteer, .volunteer)
        return try write { db in
            // Visits are recorded on the team's laptop, not on a gathering machine.
            _ = try laptopCommune(db)
            let household = try Lookup.household(text, db: db)
            let remembered = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'volunteer.name'")
            guard let volunteer = typedVolunteer ?? remembered else { throw RecordError.volunteerUnknown }
            if let typedVolunteer {
                try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES ('volunteer.name', ?)", arguments: [typedVolunteer])
            }
            var observations: [Observation] = []
            for typed in input.observations {
                var observation = typed
                observation.member = try Lookup.member(typed.member, household: household.root, db: db).code
                guard !observations.contains(where: { $0.member == observation.member }) else {
                    throw RecordError.observationTwice(member: typed.member)
                }
                observations.append(observation)
            }
            let replaces = input.consent == nil ? [] : try currentHeads(household: household.root, fields: [.consent], db: db)
            let backcheckOf = try input.backcheckOf.map { try backcheckTarget($0, household: household.root, db: db) }
            let visit = VisitData(
                volunteer: volunteer, outcome: input.outcome, consent: input.consent, replaces: replaces, help: input.help,
                procedure: procedure, followUp: followUp, note: note, observations: observations, backcheckOf: backcheckOf)
            let body: EventBody
            var visitAt = at
            if let corrects = input.corrects {
                let target = try Lookup.event(corrects, db: db)
                let owner = try target.household.flatMap { try Lookup.root(of: $0, db: db) }
                guard target.kind == .visitRecorded, owner == household.root else {
                    throw RecordError.correctsNotAVisit(event: corrects)
                }
                body = .eventCorrected(target: target.id, replacement: .visitRecorded(visit))
                visitAt = nil
            } else {
                body = .visitRecorded(visit)
            }
            let events = try append([Draft(household: household.root, commune: household.commune, at: visitAt, body: body)], db: db)
            let id: String
            if case .eventCorrected(let target, _) = events[0].body { id = target } else { id = events[0].id }
            return try Queries.visit(id, household: household.root, db: db)
        }
    }

    // MARK: Voids

    public func void(event text: String, reason: String?) throws -> EventView {
        let reason = try Self.text(reason, .reason)
        return try write { db in try void(try Lookup.event(text, db: db), reason: reason, db: db) }
    }

    func void(_ target: Event, reason: String?, db: Database) throws -> EventView {
        try checkVoidable(target, db: db)
        try append([Draft(household: target.household, commune: target.commune, body: .eventVoided(target: target.id, reason: reason))], db: db)
        return EventView(
            id: target.id, type: target.kind, at: target.at.rfc3339, device: target.device, seq: target.seq, member: target.member,
            voided: true)
    }
}
