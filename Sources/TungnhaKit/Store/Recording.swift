import Foundation
import GRDB

public struct HouseholdInput: Sendable {
    public var village: String
    public var headName: String?
    /// The household does not agree to names being kept.
    public var noNames: Bool
    public var address: String?
    public var phone: String?
    public var declaredMembers: Int?
    public var note: String?

    public init(
        village: String, headName: String? = nil, noNames: Bool = false, address: String? = nil, phone: String? = nil,
        declaredMembers: Int? = nil, note: String? = nil
    ) {
        self.village = village
        self.headName = headName
        self.noNames = noNames
        self.address = address
        self.phone = phone
        self.declaredMembers = declaredMembers
        self.note = note
    }
}

public struct MemberInput: Sendable {
    public var name: String?
    public var birthYear: Int
    public var sex: Sex?
    public var relation: String?

    public init(name: String? = nil, birthYear: Int, sex: Sex? = nil, relation: String? = nil) {
        self.name = name
        self.birthYear = birthYear
        self.sex = sex
        self.relation = relation
    }
}

extension Observation {
    /// Reads one `--member CODE:vneid=2,login=yes,dvctt=yes,paid=no,phone=yes` of a visit; `member` is the code as typed.
    /// Keys: vneid (none|pending|1|2), login, dvctt, paid, phone (yes|no, có|không).
    public static func parse(_ text: String) throws -> Observation {
        let parts = text.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw RecordError.observationSyntax(text: text) }
        var result = Observation(member: parts[0])
        for item in parts[1].split(separator: ",") {
            let pair = item.split(separator: "=", maxSplits: 1).map { Folding.fold(String($0)) }
            guard pair.count == 2 else { throw RecordError.observationSyntax(text: text) }
            let key = pair[0], value = pair[1]
            func flag() throws -> Bool {
                switch value {
                case "yes", "y", "co", "1", "true": return true
                case "no", "n", "khong", "0", "false": return false
                default: throw RecordError.observationValue(text: text, key: key)
                }
            }
            switch key {
            case "vneid":
                switch value {
                case "none", "0", "khong": result.vneid = VneidStatus.none
                case "pending", "chua", "chua-kich-hoat": result.vneid = .pending
                case "1", "level1", "muc1": result.vneid = .level1
                case "2", "level2", "muc2": result.vneid = .level2
                default: throw RecordError.observationValue(text: text, key: key)
                }
            case "login": result.login = try flag()
            case "dvctt": result.dvctt = try flag()
            case "paid": result.paidOnline = try flag()
            case "phone", "smartphone": result.smartphone = try flag()
            default: throw RecordError.observationKey(text: text, key: key)
            }
        }
        return result
    }
}

public struct VisitInput: Sendable {
    /// As typed after `--at`; now when nil.
    public var at: String?
    public var outcome: VisitOutcome
    public var consent: Bool?
    /// Who visited; the laptop remembers the last one.
    public var volunteer: String?
    public var help: [Help]
    public var procedure: String?
    public var followUp: String?
    public var note: String?
    /// What was seen of each member met; `member` is the code (or a prefix of it) as typed.
    public var observations: [Observation]
    /// A visit recorded wrongly that this one replaces.
    public var corrects: String?

    public init(
        at: String? = nil, outcome: VisitOutcome, consent: Bool? = nil, volunteer: String? = nil, help: [Help] = [],
        procedure: String? = nil, followUp: String? = nil, note: String? = nil, observations: [Observation] = [],
        corrects: String? = nil
    ) {
        self.at = at
        self.outcome = outcome
        self.consent = consent
        self.volunteer = volunteer
        self.help = help
        self.procedure = procedure
        self.followUp = followUp
        self.note = note
        self.observations = observations
        self.corrects = corrects
    }
}

/// The edits `household edit` can make; an empty text clears a field.
public struct HouseholdChanges: Sendable {
    public var village: String?
    public var headName: String?
    public var address: String?
    public var phone: String?
    public var declaredMembers: Int?
    public var note: String?
    public var consent: Bool?

    public init(
        village: String? = nil, headName: String? = nil, address: String? = nil, phone: String? = nil, declaredMembers: Int? = nil,
        note: String? = nil, consent: Bool? = nil
    ) {
        self.consent = consent
        self.village = village
        self.headName = headName
        self.address = address
        self.phone = phone
        self.declaredMembers = declaredMembers
        self.note = note
    }
}

public struct MemberChanges: Sendable {
    public var name: String?
    public var birthYear: Int?
    public var sex: Sex?
    public var relation: String?
    public var status: MemberStatus?

    public init(name: String? = nil, birthYear: Int? = nil, sex: Sex? = nil, relation: String? = nil, status: MemberStatus? = nil) {
        self.name = name
        self.birthYear = birthYear
        self.sex = sex
        self.relation = relation
        self.status = status
    }
}

/// A new event before it has an id, a sequence number and a time.
struct Draft {
    var household: String?
    var member: String?
    var commune: CommuneRef
    var at: Moment?
    var body: EventBody
}

extension Store {
    // MARK: Events

    /// Gives drafts their ids and sequence numbers, stores them and updates the derived state.
    @discardableResult
    func append(_ drafts: [Draft], db: Database) throws -> [Event] {
        guard let identity = try Store.identity(db) else { throw StoreError.notAStore(path: path) }
        var seq = try EventLog.nextSeq(device: identity.id, db: db)
        var random = environment.random.generator
        var change = Projection.Change()
        var events: [Event] = []
        for draft in drafts {
            let event = Event(
                id: EventID.make(using: &random), device: identity.id, seq: seq, at: draft.at ?? now, commune: draft.commune,
                household: draft.household, member: draft.member, body: draft.body)
            seq += 1
            let canonical = EventCodec.canonical(event)
            // What this device writes must pass the checks every merge applies; if not, nothing is stored.
            do {
                _ = try EventCodec.event(from: JSONParser.parse(canonical))
            } catch let error as EventFormatError {
                throw RecordError.notStorable(field: error.path, problem: error.problem)
            }
            try change.note(event, db: db)
            let outcome = try EventLog.insert(event, canonical: canonical, batch: nil, db: db)
            // A fresh id and the next sequence number cannot be known already: if they are, stop before anything is lost.
            precondition(outcome == .new, "new event \(event.id) (seq \(event.seq)) clashes with a stored one")
            events.append(event)
        }
        try Projection.apply(change, db: db)
        return events
    }

    func laptopCommune(_ db: Database) throws -> CommuneRef {
        guard let identity = try Store.identity(db) else { throw StoreError.notAStore(path: path) }
        guard identity.role == .laptop, let commune = identity.commune else { throw StoreError.laptopOnly(path: path) }
        return commune
    }

    static func text(_ raw: String?, _ field: InputField) throws -> String? {
        guard let raw else { return nil }
        do {
            return try EventCodec.checkedText(raw, path: field.rawValue, limitKey: field.rawValue)
        } catch {
            switch error.problem {
            case .digitRun: throw RecordError.digitRun(field: field)
            case .tooLong(let limit): throw RecordError.tooLong(field: field, limit: limit)
            default: throw RecordError.empty(field: field)
            }
        }
    }

    static func required(_ raw: String, _ field: InputField) throws -> String {
        guard let text = try text(raw, field) else { throw RecordError.empty(field: field) }
        return text
    }

    static func phone(_ raw: String?) throws -> String? {
        guard let raw, !raw.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        guard let phone = PersonalData.normalizedPhone(raw) else { throw RecordError.invalidPhone(text: raw) }
        return phone
    }

    func checkBirthYear(_ year: Int) throws {
        let latest = now.vietnamDate.year
        guard (1900...latest).contains(year) else { throw RecordError.invalidBirthYear(year: year, latest: latest) }
    }

    // MARK: Villages

    public func addVillage(name: String, newCommune: String? = nil) throws -> VillageView {
        try write { db in
            let commune = try laptopCommune(db)
            let name = try Self.required(name, .village)
            let key = Folding.fold(name)
            if let existing = try String.fetchOne(
                db, sql: "SELECT name FROM village WHERE scheme = ? AND commune = ? AND key = ?",
                arguments: [commune.scheme.rawValue, commune.code, key])
            {
                throw RecordError.villageExists(name: existing)
            }
            if let newCommune { try checkNewCommune(newCommune, of: commune) }
            try append([Draft(commune: commune, body: .villageAdded(VillageData(name: name, newCommune: newCommune)))], db: db)
            return VillageView(name: name, commune: commune.code, scheme: commune.scheme, newCommune: newCommune, households: 0)
        }
    }

    /// Tells the tool which 2025 commune a village of a split pre-2025 commune went to.
    public func assignVillage(name: String, newCommune: String) throws -> VillageView {
        try write { db in
            let commune = try laptopCommune(db)
            let village = try villageName(name, commune: commune, db: db)
            try checkNewCommune(newCommune, of: commune)
            try append([Draft(commune: commune, body: .villageChanged(VillageData(name: village, newCommune: newCommune)))], db: db)
            return VillageView(name: village, commune: commune.code, scheme: commune.scheme, newCommune: newCommune, households: 0)
        }
    }

    func checkNewCommune(_ code: String, of commune: CommuneRef) throws {
        guard commune.scheme == .pre2025 else { throw RecordError.villageNotSplit(commune: commune.code) }
        let successors = AdminUnits.shared.successors(of: commune.code).map(\.new)
        guard Set(successors).count > 1 else { throw RecordError.villageNotSplit(commune: commune.code) }
        guard successors.contains(code) else { throw RecordError.newCommuneNotSuccessor(code: code, allowed: successors) }
    }

    /// The village as recorded, found by its folded name.
    func villageName(_ name: String, commune: CommuneRef, db: Database) throws -> String {
        let rows = try Row.fetchAll(
            db, sql: "SELECT key, name FROM village WHERE scheme = ? AND commune = ? ORDER BY name",
            arguments: [commune.scheme.rawValue, commune.code])
        let key = Folding.fold(name)
        if let match = rows.first(where: { $0["key"] == key }) { return match["name"] }
        throw LookupError.villageNotFound(name: name, known: rows.map { $0["name"] })
    }

    public func villages() throws -> [VillageView] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT v.name, v.scheme, v.commune, v.new_commune,
                        (SELECT count(*) FROM household h WHERE h.scheme = v.scheme AND h.commune = v.commune
                            AND h.village_key = v.key AND h.merged_into IS NULL) AS households
                    FROM village v ORDER BY v.scheme, v.commune, v.name
                    """
            ).map { row in
                VillageView(
                    name: row["name"], commune: row["commune"], scheme: Scheme(rawValue: row["scheme"]) ?? .y2025,
                    newCommune: row["new_commune"], households: row["households"])
            }
        }
    }

    // MARK: Households

    public func registerHousehold(_ input: HouseholdInput) throws -> HouseholdSummary {
        if input.noNames, input.headName != nil { throw RecordError.headAndNoNames }
        if !input.noNames, input.headName == nil { throw RecordError.headOrNoNames }
        let head = try Self.text(input.headName, .headName)
        if !input.noNames, head == nil { throw RecordError.empty(field: .headName) }
        let address = try Self.text(input.address, .address)
        let phone = try Self.phone(input.phone)
        let note = try Self.text(input.note, .note)
        if let count = input.declaredMembers, !(1...50).contains(count) { throw RecordError.invalidDeclaredMembers(count: count) }
        return try write { db in
            let commune = try laptopCommune(db)
            let village = try villageName(input.village, commune: commune, db: db)
            var random = environment.random.generator
            var code = ShortCode.make(using: &random)
            while try Bool.fetchOne(db, sql: "SELECT 1 FROM event WHERE household = ? LIMIT 1", arguments: [code]) ?? false {
                code = ShortCode.make(using: &random)
            }
            let data = HouseholdData(
                village: village, headName: head, address: address, phone: phone, declaredMembers: input.declaredMembers,
                note: note, consent: !input.noNames)
            try append([Draft(household: code, commune: commune, body: .householdRegistered(data))], db: db)
            return try Queries.summary(code, db: db)
        }
    }

    public func editHousehold(_ text: String, changes: HouseholdChanges) throws -> HouseholdSummary {
        try write { db in
            let household = try Lookup.household(text, db: db)
            if household.root != household.code { throw RecordError.alreadyMerged(code: household.code, into: household.root) }
            var set: [HouseholdField: FieldValue] = [:]
            func put(_ field: HouseholdField, _ raw: String?, _ input: InputField) throws {
                guard let raw else { return }
                if raw.trimmingCharacters(in: .whitespaces).isEmpty {
                    set[field] = FieldValue.none
                } else if let value = try Self.text(raw, input) {
                    set[field] = .text(value)
                }
            }
            if let village = changes.village { set[.village] = .text(try villageName(village, commune: household.commune, db: db)) }
            try put(.headName, changes.headName, .headName)
            try put(.address, changes.address, .address)
            if let raw = changes.phone {
                set[.phone] = try Self.phone(raw).map(FieldValue.text) ?? FieldValue.none
            }
            if let count = changes.declaredMembers {
                guard (1...50).contains(count) else { throw RecordError.invalidDeclaredMembers(count: count) }
                set[.declaredMembers] = .number(count)
            }
            try put(.note, changes.note, .note)
            if let consent = changes.consent { set[.consent] = .flag(consent) }
            guard !set.isEmpty else { throw RecordError.nothingToChange }
            if let name = set[.headName], name != .none, !(changes.consent ?? household.consent) {
                throw RecordError.namesWithoutConsent(household: try Lookup.abbreviate(household.code, table: "household", db: db))
            }
            let heads = try currentHeads(household: household.code, fields: Set(set.keys), db: db)
            try append(
                [Draft(household: household.code, commune: household.commune, body: .householdChanged(FieldChange(set: set, replaces: heads)))],
                db: db)
            return try Queries.summary(household.code, db: db)
        }
    }

    /// The settings of these fields that the state shows now: a change replaces all of them.
    func currentHeads(household code: String, fields: Set<HouseholdField>, db: Database) throws -> [String] {
        let events = Derivation.applyVoidsAndCorrections(try EventLog.events(households: [code], db: db).sorted { $0.order < $1.order })
        var setters: [Derivation.Setter<HouseholdField>] = []
        for event in events {
            switch event.body {
            case .householdRegistered(let data): setters.append(.init(event: event, values: data.fields, replaces: []))
            case .householdChanged(let change): setters.append(.init(event: event, values: change.set, replaces: change.replaces))
            case .visitRecorded(let visit):
                if let consent = visit.consent { setters.append(.init(event: event, values: [.consent: .flag(consent)], replaces: visit.replaces)) }
            default: break
            }
        }
        return Derivation.heads(setters, fields: fields)
    }

    func currentHeads(member code: String, household: String, fields: Set<MemberField>, db: Database) throws -> [String] {
        let codes = try Projection.clusterCodes(root: household, db: db)
        let events = Derivation.applyVoidsAndCorrections(try EventLog.events(households: codes, db: db).sorted { $0.order < $1.order })
        var setters: [Derivation.Setter<MemberField>] = []
        for event in events where event.member == code {
            switch event.body {
            case .memberAdded(let data): setters.append(.init(event: event, values: data.fields, replaces: []))
            case .memberChanged(let change): setters.append(.init(event: event, values: change.set, replaces: change.replaces))
            default: break
            }
        }
        return Derivation.heads(setters, fields: fields)
    }

    /// Records that `other` is the same house as `keep`: its members and visits count for `keep`.
    public func mergeHouseholds(keep keepText: String, other otherText: String) throws -> HouseholdSummary {
        try write { db in
            let keep = try Lookup.household(keepText, db: db)
            let other = try Lookup.household(otherText, db: db)
            if other.root != other.code { throw RecordError.alreadyMerged(code: other.code, into: other.root) }
            guard keep.root != other.code else { throw RecordError.mergeSame(code: other.code) }
            guard keep.commune == other.commune else { throw RecordError.mergeAcrossCommunes(keep: keep.code, other: other.code) }
            try append([Draft(household: other.code, commune: other.commune, body: .householdMerged(into: keep.root))], db: db)
            return try Queries.summary(keep.root, db: db)
        }
    }

    // MARK: Members

    public func addMember(household text: String, _ input: MemberInput) throws -> MemberView {
        let name = try Self.text(input.name, .name)
        let relation = try Self.text(input.relation, .relation)
        try checkBirthYear(input.birthYear)
        return try write { db in
            let household = try Lookup.household(text, db: db)
            let consent = try Bool.fetchOne(db, sql: "SELECT consent FROM household WHERE code = ?", arguments: [household.root]) ?? false
            if name != nil, !consent {
                throw RecordError.namesWithoutConsent(household: try Lookup.abbreviate(household.root, table: "household", db: db))
            }
            var random = environment.random.generator
            var code = ShortCode.make(using: &random)
            while try Bool.fetchOne(db, sql: "SELECT 1 FROM member WHERE code = ?", arguments: [code]) ?? false {
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
            let consent = try Bool.fetchOne(db, sql: "SELECT consent FROM household WHERE code = ?", arguments: [member.household]) ?? false
            if let name = set[.name], name != .none, !consent {
                throw RecordError.namesWithoutConsent(household: try Lookup.abbreviate(member.household, table: "household", db: db))
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
            let codes = try Projection.clusterCodes(root: member.household, db: db)
            guard let added = try EventLog.events(households: codes, db: db)
                .filter({ $0.member == member.code && $0.kind == .memberAdded }).min(by: { $0.order < $1.order })
            else { throw LookupError.notFound(text: text, kind: .member) }
            return try void(added, reason: reason, db: db)
        }
    }

    // MARK: Visits

    public func recordVisit(household text: String, _ input: VisitInput) throws -> VisitView {
        let note = try Self.text(input.note, .note)
        let procedure = try Self.text(input.procedure, .procedure)
        let current = now
        var at: Moment?
        if let raw = input.at {
            guard let parsed = Moment(userInput: raw) else { throw RecordError.invalidDateTime(text: raw) }
            guard parsed.millis <= current.millis + 5 * 60_000 else {
                throw RecordError.futureTime(given: parsed.display, now: current.display)
            }
            at = parsed
        }
        var followUp: LocalDate?
        if let raw = input.followUp {
            guard let date = LocalDate(raw) else { throw RecordError.invalidDate(text: raw) }
            followUp = date
        }
        let typedVolunteer = try Self.text(input.volunteer, .volunteer)
        return try write { db in
            // Visits are recorded on the team's laptop, not on the district machine.
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
            let visit = VisitData(
                volunteer: volunteer, outcome: input.outcome, consent: input.consent, replaces: replaces, help: input.help,
                procedure: procedure, followUp: followUp, note: note, observations: observations)
            let body: EventBody
            var visitAt = at
            if let corrects = input.corrects {
                let target = try Lookup.event(corrects, db: db)
                let codes = try Projection.clusterCodes(root: household.root, db: db)
                guard target.kind == .visitRecorded, let owner = target.household, codes.contains(owner) else {
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
            return try Queries.visit(id, db: db)
        }
    }

    // MARK: Voids

    public func void(event text: String, reason: String?) throws -> EventView {
        let reason = try Self.text(reason, .reason)
        return try write { db in try void(try Lookup.event(text, db: db), reason: reason, db: db) }
    }

    func void(_ target: Event, reason: String?, db: Database) throws -> EventView {
        guard ![.eventVoided, .eventCorrected].contains(target.kind) else { throw RecordError.cannotVoid(type: target.kind) }
        let already = try Bool.fetchOne(
            db, sql: "SELECT 1 FROM event WHERE target = ? AND type = 'event.voided'", arguments: [target.id]) ?? false
        if already { throw RecordError.alreadyVoided(event: String(target.id.prefix(8))) }
        try append([Draft(household: target.household, commune: target.commune, body: .eventVoided(target: target.id, reason: reason))], db: db)
        return EventView(
            id: target.id, type: target.kind, at: target.at.rfc3339, device: target.device, seq: target.seq, member: target.member,
            voided: true)
    }
}
