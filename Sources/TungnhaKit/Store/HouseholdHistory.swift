import GRDB

extension Store {
    /// The records of a household (and those merged into it), oldest first, each with what it set. Names and
    /// phones only where the household agrees to names being kept. A household whose registration was voided is
    /// found by its code all the same: its history is where the void is undone from.
    public func history(_ text: String) throws -> [EventView] {
        try read { db in
            let root: String
            var consent: [String: Bool] = [:]
            do {
                root = try Lookup.household(text, db: db).root
            } catch LookupError.notFound {
                guard let voided = try Self.voidedHousehold(text, db: db) else { throw LookupError.notFound(text: text, kind: .household) }
                root = voided
            }
            let codes = [root] + (try HouseholdLinkRecord.merged(into: root, db: db))
            let events = try HouseholdFoldRecord.events(of: codes, db: db).map(\.event).sorted { $0.order < $1.order }
            var byID: [String: Event] = [:]
            for event in events { byID[event.id] = event }
            for code in codes {
                consent[code] = try HouseholdRecord.find(code, db: db)?.consent ?? Self.consentWithRegistration(code, events, byID)
            }
            let voided = Derivation.voidedIDs(events)
            return try events.map { event in
                var view = Self.view(event, voided: voided.contains(event.id))
                let named = event.household.flatMap { consent[$0] } ?? false
                view.details = try RecordDetails.of(event.body, names: named) { id in try byID[id] ?? EventLog.event(id: id, db: db) }
                return view
            }
        }
    }

    /// The consent of a household whose registration was voided, as it would stand with its registration back.
    static func consentWithRegistration(_ code: String, _ events: [Event], _ byID: [String: Event]) -> Bool {
        let kept = events.filter { event in
            guard case .eventVoided(let target, _) = event.body else { return true }
            return byID[target]?.kind != .householdRegistered
        }
        return Derivation.cluster(root: code, events: kept)?.households.first { $0.code == code }?.consent ?? false
    }

    /// A household code known to the event log but not among the households: its registration was voided.
    static func voidedHousehold(_ text: String, db: Database) throws -> String? {
        let prefix = ShortCode.normalize(text)
        guard prefix.count >= ShortCode.shortestPrefix, ShortCode.isValidPrefix(prefix) else { return nil }
        let codes = try HouseholdFoldRecord.codes(prefix: prefix, limit: 6, db: db)
        guard codes.count <= 1 else {
            throw LookupError.ambiguous(text: text, kind: .household, candidates: codes.map { LookupError.Candidate(code: $0, label: "") })
        }
        return codes.first
    }
}

/// What one record set, as `RecordDetail`s: the fields of the format, in the order the format lists them.
enum RecordDetails {
    /// `names`: the household agrees to names being kept; otherwise names and phones are withheld.
    static func of(_ body: EventBody, names: Bool, event find: (String) throws -> Event?) throws -> [RecordDetail] {
        var details: [RecordDetail] = []
        func put(_ field: String, _ value: String?, private isPrivate: Bool = false) {
            if isPrivate, !names, value != nil {
                details.append(RecordDetail(field: field, value: nil, withheld: true))
            } else {
                details.append(RecordDetail(field: field, value: value))
            }
        }
        func fields<F: EntityField>(_ values: [F: FieldValue], privateFields: Set<String>, skipAbsent: Bool) {
            for field in F.allCases {
                guard let value = values[field] else { continue }
                if skipAbsent, value == .none { continue }
                put(field.rawValue, value == .none ? nil : value.description, private: privateFields.contains(field.rawValue))
            }
        }
        switch body {
        case .villageAdded(let village), .villageChanged(let village):
            put("name", village.name)
            if let code = village.newCommune { put("newCommune", code) }
        case .householdRegistered(let data):
            fields(data.fields, privateFields: ["headName", "phone"], skipAbsent: true)
        case .householdChanged(let change):
            fields(change.set, privateFields: ["headName", "phone"], skipAbsent: false)
        case .memberAdded(let data):
            var values = data.fields
            values[.status] = nil
            fields(values, privateFields: ["name"], skipAbsent: true)
        case .memberChanged(let change):
            fields(change.set, privateFields: ["name"], skipAbsent: false)
        case .householdMerged(let into):
            put("into", into)
        case .visitRecorded(let visit):
            if let original = visit.backcheckOf { put("backcheckOf", original) }
            put("volunteer", visit.volunteer)
            put("outcome", visit.outcome.rawValue)
            if let consent = visit.consent { put("consent", String(consent)) }
            if !visit.help.isEmpty { put("help", visit.help.map(\.rawValue).joined(separator: ",")) }
            if let procedure = visit.procedure { put("procedure", procedure) }
            if let date = visit.followUp { put("followUp", date.description) }
            if let note = visit.note { put("note", note) }
            for observation in visit.observations {
                details.append(RecordDetail(field: "observation", value: observed(observation), member: observation.member))
            }
        case .eventVoided(let target, let reason):
            put("target", target)
            let acted = try find(target)
            if let acted { put("targetType", acted.kind.rawValue) }
            // A void of a void: the record that counts again.
            if case .eventVoided(let first, _)? = acted?.body { put("restores", first) }
            if let reason { put("reason", reason) }
        case .eventCorrected(let target, let replacement):
            put("target", target)
            put("targetType", replacement.kind.rawValue)
            details += try of(replacement, names: names, event: find)
        case .deviceCopied(let copy):
            put("source", copy.source)
            put("sourceSeq", String(copy.sourceSeq))
            put("how", copy.how.rawValue)
        case .flagReviewed(let review):
            put("flag", review.flag)
            put("note", review.note)
        }
        return details
    }

    /// An observation as `key=value` pairs, in the format's names: `vneid=level2,login=true`.
    static func observed(_ observation: Observation) -> String {
        var pairs: [String] = []
        if let vneid = observation.vneid { pairs.append("vneid=" + vneid.rawValue) }
        if let login = observation.login { pairs.append("login=\(login)") }
        if let dvctt = observation.dvctt { pairs.append("dvctt=\(dvctt)") }
        if let paid = observation.paidOnline { pairs.append("paidOnline=\(paid)") }
        if let phone = observation.smartphone { pairs.append("smartphone=\(phone)") }
        return pairs.joined(separator: ",")
    }
}
