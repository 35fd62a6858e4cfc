import Foundation
import GRDB

extension Store {
    // MARK: Events

    /// Gives drafts their ids and sequence numbers, stores them and derives what they touch, in the caller's
    /// transaction: a command completes, or changes nothing.
    @discardableResult
    func append(_ drafts: [Draft], db: Database) throws -> [Event] {
        guard let identity = try Store.identity(db) else { throw StoreError.notAStore(path: path) }
        let deviceKey = try EventLog.deviceKey(identity.id, db: db)
        var seq = try EventLog.nextSeq(device: identity.id, db: db)
        var stored: [StoredEvent] = []
        for draft in drafts {
            // `entered` is the device's clock now; `at` may be a visit typed in later.
            let event = Event(
                device: identity.id, seq: seq, at: draft.at ?? now, entered: now, commune: draft.commune, household: draft.household,
                member: draft.member, body: draft.body)
            seq += 1
            let canonical = EventCodec.canonical(event)
            // What this device writes must pass the checks every merge applies; if not, nothing is stored.
            do {
                _ = try EventCodec.event(from: JSONParser.parse(canonical))
            } catch let error as EventFormatError {
                throw RecordError.notStorable(field: error.path, problem: error.problem)
            }
            // A fresh id and the next sequence number cannot be known already: if they are, stop before anything is lost.
            guard case .new(let rowid) = try EventLog.insert(event, canonical: Array(canonical.utf8), deviceKey: deviceKey, batch: nil, db: db) else {
                throw StoreError.damaged(what: "event \(event.id) (seq \(event.seq))")
            }
            stored.append(StoredEvent(rowid: rowid, event: event))
        }
        try DerivedTables.derivePending(inHand: stored, db: db)
        return stored.map(\.event)
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
            case .secretNumber: throw RecordError.secretNumber(field: field)
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
            if let existing = try VillageRecord.of(commune, db: db).first(where: { $0.key == key }) {
                throw RecordError.villageExists(name: existing.name)
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
        let villages = try VillageRecord.of(commune, db: db)
        let key = Folding.fold(name)
        if let match = villages.first(where: { $0.key == key }) { return match.name }
        throw LookupError.villageNotFound(name: name, known: villages.map(\.name))
    }

    public func villages() throws -> [VillageView] {
        try read { db in
            try VillageRecord.all(db: db).map { village in
                VillageView(
                    name: village.name, commune: village.commune.code, scheme: village.commune.scheme, newCommune: village.newCommune,
                    households: try HouseholdRecord.count(commune: village.commune, villageKey: village.key, db: db))
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
            while try HouseholdFoldRecord.exists(code, db: db) {
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
                throw RecordError.namesWithoutConsent(household: try Lookup.abbreviate(household.code, table: .household, db: db))
            }
            let heads = try currentHeads(household: household.code, fields: Set(set.keys), db: db)
            try append(
                [Draft(household: household.code, commune: household.commune, body: .householdChanged(FieldChange(set: set, replaces: heads)))],
                db: db)
            return try Queries.summary(household.code, db: db)
        }
    }

    /// The settings of these fields that the state shows now, as the derivation holds them: a change replaces all of them.
    func currentHeads(household code: String, fields: Set<HouseholdField>, db: Database) throws -> [String] {
        try DerivedTables.fold(root: code, db: db)?.heads(household: code, fields: fields) ?? []
    }

    func currentHeads(member code: String, household: String, fields: Set<MemberField>, db: Database) throws -> [String] {
        try DerivedTables.fold(root: household, db: db)?.heads(member: code, fields: fields) ?? []
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
}
