/// What is wrong with one event as read from JSON, and where within it.
public struct EventFormatError: Error, Equatable, Sendable, Codable {
    public enum Problem: Equatable, Sendable, Codable {
        case missing
        case wrongType(expected: String)
        case invalid(expected: String)
        case unknownField
        case digitRun
        /// A number next to a word naming a secret ("mật khẩu 123456").
        case secretNumber
        case tooLong(limit: Int)
    }

    /// Where in the event, like `data.observations[1].vneid`.
    public var path: String
    public var problem: Problem

    public init(path: String, problem: Problem) {
        self.path = path
        self.problem = problem
    }
}

extension EventCodec {
    /// How long each kind of free text may be, in characters.
    public static let limits: [String: Int] = [
        "name": 120, "headName": 120, "village": 80, "address": 200, "note": 1000, "reason": 500,
        "volunteer": 80, "procedure": 200, "relation": 40, "phone": 20,
    ]
    /// Text no longer than this is within every limit: most text is, and is not looked up.
    static let shortestLimit = limits.values.min()!


    /// Reads and checks one event. Text is stored NFC with tidy spaces.
    public static func event(from value: JSONValue) throws(EventFormatError) -> Event {
        try event(from: value, trusted: false)
    }

    /// Reads an event the store holds: its shape only, not the limits and text rules it was checked against on
    /// the way in, so that a release that tightens a rule still reads what an earlier one stored.
    static func storedEvent(from value: JSONValue) throws(EventFormatError) -> Event {
        try event(from: value, trusted: true)
    }

    static func event(from value: JSONValue, trusted: Bool) throws(EventFormatError) -> Event {
        var reader = try ObjectReader(value, path: "", trusted: trusted)
        let device = try reader.string("device")
        guard EventID.isValid(device) else { throw reader.invalid("device", "uuid") }
        let seq = try reader.integer("seq")
        guard trusted ? seq >= 1 : (1...BatchLimits.seq).contains(seq) else { throw reader.invalid("seq", "1..\(BatchLimits.seq)") }
        let atText = try reader.string("at")
        guard let at = Moment(rfc3339: atText) else { throw reader.invalid("at", "RFC 3339 date-time") }
        let enteredText = try reader.optionalString("entered")
        let entered = enteredText.flatMap { Moment(rfc3339: $0) }
        if enteredText != nil, entered == nil { throw reader.invalid("entered", "RFC 3339 date-time") }
        // Every event a batch carries says when it was typed in; a store may hold older ones that do not.
        if entered == nil, !trusted { throw EventFormatError(path: "entered", problem: .missing) }
        let commune = try reader.string("commune")
        guard CommuneRef.isWellFormed(commune) else { throw reader.invalid("commune", "5 digits") }
        guard let scheme = Scheme(rawValue: try reader.string("scheme")) else { throw reader.invalid("scheme", "2025|pre2025") }
        guard let kind = EventKind.named(try reader.string("type")) else {
            throw reader.invalid("type", EventKind.allCases.map(\.rawValue).joined(separator: "|"))
        }
        let household = try reader.optionalString("household")
        if let household, !ShortCode.isValid(household) { throw reader.invalid("household", "code") }
        if kind.needsHousehold, household == nil { throw EventFormatError(path: "household", problem: .missing) }
        if kind.forbidsHousehold, household != nil { throw EventFormatError(path: "household", problem: .unknownField) }
        let member = try reader.optionalString("member")
        if let member, !ShortCode.isValid(member) { throw reader.invalid("member", "code") }
        if kind.needsMember, member == nil { throw EventFormatError(path: "member", problem: .missing) }
        if !kind.needsMember, member != nil { throw EventFormatError(path: "member", problem: .unknownField) }
        let reissueOf = try reader.optionalString("reissueOf")
        if let reissueOf, !EventRef.isValid(reissueOf) { throw reader.invalid("reissueOf", "device:seq") }
        guard let dataValue = reader.take("data") else { throw EventFormatError(path: "data", problem: .missing) }
        try reader.finish()
        let body = try self.body(kind, from: dataValue, path: "data", trusted: trusted)
        return Event(
            device: device, seq: seq, at: at, entered: entered, commune: CommuneRef(code: commune, scheme: scheme),
            household: household, member: member, reissueOf: reissueOf, body: body)
    }

    static func body(_ kind: EventKind, from value: JSONValue, path: String, trusted: Bool) throws(EventFormatError) -> EventBody {
        var data = try ObjectReader(value, path: path, trusted: trusted)
        let body: EventBody
        switch kind {
        case .villageAdded, .villageChanged:
            let village = VillageData(name: try data.text("name", limit: "village"), newCommune: try data.optionalString("newCommune"))
            if let code = village.newCommune, !CommuneRef.isWellFormed(code) { throw data.invalid("newCommune", "5 digits") }
            body = kind == .villageAdded ? .villageAdded(village) : .villageChanged(village)
        case .householdRegistered:
            let village = try data.text("village")
            let head = try data.optionalText("headName")
            let address = try data.optionalText("address")
            let phone = try data.optionalString("phone")
            if let phone, !trusted, PersonalData.normalizedPhone(phone) != phone { throw data.invalid("phone", "10 digits starting with 0") }
            let declared = try data.optionalInteger("declaredMembers")
            if let declared, !trusted, !(1...50).contains(declared) { throw data.invalid("declaredMembers", "1..50") }
            guard declared.map({ Int(exactly: $0) != nil }) ?? true else { throw data.invalid("declaredMembers", "1..50") }
            let note = try data.optionalText("note")
            let consent = try data.bool("consent")
            body = .householdRegistered(
                HouseholdData(
                    village: village, headName: head, address: address, phone: phone,
                    declaredMembers: declared.map(Int.init), note: note, consent: consent))
        case .householdChanged:
            body = .householdChanged(try change(&data, HouseholdField.self))
        case .memberChanged:
            body = .memberChanged(try change(&data, MemberField.self))
        case .householdMerged:
            let keep = try data.string("into")
            guard ShortCode.isValid(keep) else { throw data.invalid("into", "code") }
            body = .householdMerged(into: keep)
        case .memberAdded:
            let name = try data.optionalText("name")
            let year = try data.integer("birthYear")
            guard trusted ? Int(exactly: year) != nil : (1900...2100).contains(year) else { throw data.invalid("birthYear", "year") }
            let sexText = try data.optionalString("sex")
            let sex = try sexText.map { (text) throws(EventFormatError) -> Sex in
                guard let sex = Sex(rawValue: text) else { throw data.invalid("sex", "male|female") }
                return sex
            }
            let relation = try data.optionalText("relation")
            body = .memberAdded(MemberData(name: name, birthYear: Int(year), sex: sex, relation: relation))
        case .visitRecorded:
            body = .visitRecorded(try visit(&data))
        case .eventVoided:
            let target = try data.string("target")
            guard EventRef.isValid(target) else { throw data.invalid("target", "device:seq") }
            body = .eventVoided(target: target, reason: try data.optionalText("reason"))
        case .eventCorrected:
            let target = try data.string("target")
            guard EventRef.isValid(target) else { throw data.invalid("target", "device:seq") }
            guard let targetKind = EventKind.named(try data.string("targetType")), targetKind.isCorrectable else {
                throw data.invalid("targetType", "household.registered|member.added|visit.recorded")
            }
            guard let replacement = data.take("replacement") else {
                throw EventFormatError(path: data.path("replacement"), problem: .missing)
            }
            body = .eventCorrected(
                target: target, replacement: try self.body(targetKind, from: replacement, path: data.path("replacement"), trusted: trusted))
        case .deviceCopied:
            let source = try data.string("source")
            guard EventID.isValid(source) else { throw data.invalid("source", "uuid") }
            let sourceSeq = try data.integer("sourceSeq")
            guard sourceSeq >= 0, trusted || sourceSeq <= BatchLimits.seq else { throw data.invalid("sourceSeq", "0..\(BatchLimits.seq)") }
            guard let how = DeviceCopy.How(rawValue: try data.string("how")) else {
                throw data.invalid("how", DeviceCopy.How.allCases.map(\.rawValue).joined(separator: "|"))
            }
            body = .deviceCopied(DeviceCopy(source: source, sourceSeq: sourceSeq, how: how))
        case .flagReviewed:
            let flag = try data.string("flag")
            guard ShortCode.isValid(flag) else { throw data.invalid("flag", "code") }
            let note = try data.text("note")
            let events = try data.integer("events")
            guard events >= 0, let count = Int(exactly: events) else { throw data.invalid("events", "integer >= 0") }
            body = .flagReviewed(FlagReview(flag: flag, note: note, events: count))
        }
        try data.finish()
        return body
    }

    static func change<Field: EntityField>(_ data: inout ObjectReader, _: Field.Type) throws(EventFormatError) -> FieldChange<Field> {
        guard let setValue = data.take("set") else { throw EventFormatError(path: data.path("set"), problem: .missing) }
        var set = try ObjectReader(setValue, in: data, key: "set")
        var values: [Field: FieldValue] = [:]
        for field in Field.allCases {
            guard let raw = set.take(field.rawValue) else { continue }
            let path = set.path(field.rawValue)
            if raw == .null {
                guard field.clearable else { throw EventFormatError(path: path, problem: .invalid(expected: "value")) }
                values[field] = FieldValue.none
                continue
            }
            switch field.valueType {
            case .text:
                guard case .string(let text) = raw else { throw EventFormatError(path: path, problem: .wrongType(expected: "string")) }
                if data.trusted {
                    values[field] = .text(text)
                } else if field.rawValue == "phone" {
                    // A phone number is the one place ten digits belong.
                    guard PersonalData.normalizedPhone(text) == text else { throw EventFormatError(path: path, problem: .invalid(expected: "10 digits starting with 0")) }
                    values[field] = .text(text)
                } else {
                    values[field] = .text(try checkedText(text, path: path, limitKey: field.rawValue))
                }
            case .number:
                guard case .int(let number) = raw else { throw EventFormatError(path: path, problem: .wrongType(expected: "integer")) }
                let range: ClosedRange<Int64> = field.rawValue == "birthYear" ? 1900...2100 : 1...50
                guard data.trusted ? Int(exactly: number) != nil : range.contains(number) else {
                    throw EventFormatError(path: path, problem: .invalid(expected: "\(range.lowerBound)..\(range.upperBound)"))
                }
                values[field] = .number(Int(number))
            case .flag:
                guard case .bool(let flag) = raw else { throw EventFormatError(path: path, problem: .wrongType(expected: "boolean")) }
                values[field] = .flag(flag)
            case .choice(let choices):
                guard case .string(let text) = raw else { throw EventFormatError(path: path, problem: .wrongType(expected: "string")) }
                guard choices.contains(text) else { throw EventFormatError(path: path, problem: .invalid(expected: choices.joined(separator: "|"))) }
                values[field] = .text(text)
            }
        }
        try set.finish()
        guard !values.isEmpty else { throw EventFormatError(path: data.path("set"), problem: .missing) }
        let replaces = try data.ids("replaces")
        return FieldChange(set: values, replaces: replaces)
    }

    static func visit(_ data: inout ObjectReader) throws(EventFormatError) -> VisitData {
        let backcheckOf = try data.optionalString("backcheckOf")
        if let backcheckOf, !EventRef.isValid(backcheckOf) { throw data.invalid("backcheckOf", "device:seq") }
        let volunteer = try data.text("volunteer")
        guard let outcome = VisitOutcome(rawValue: try data.string("outcome")) else {
            throw data.invalid("outcome", VisitOutcome.allCases.map(\.rawValue).joined(separator: "|"))
        }
        let consent = try data.optionalBool("consent")
        let replaces = consent == nil ? [] : try data.ids("replaces")
        var help: [Help] = []
        if let list = data.take("help") {
            guard case .array(let items) = list else { throw EventFormatError(path: data.path("help"), problem: .wrongType(expected: "array")) }
            for (index, item) in items.enumerated() {
                guard case .string(let text) = item, let value = Help(rawValue: text) else {
                    throw EventFormatError(
                        path: data.path("help") + "[\(index)]", problem: .invalid(expected: Help.allCases.map(\.rawValue).joined(separator: "|")))
                }
                help.append(value)
            }
        }
        let procedure = try data.optionalText("procedure")
        let followUpText = try data.optionalString("followUp")
        let followUp = try followUpText.map { (text) throws(EventFormatError) -> LocalDate in
            guard let date = LocalDate(text), date.description == text else { throw data.invalid("followUp", "YYYY-MM-DD") }
            return date
        }
        let note = try data.optionalText("note")
        var observations: [Observation] = []
        if let list = data.take("observations") {
            guard case .array(let items) = list else {
                throw EventFormatError(path: data.path("observations"), problem: .wrongType(expected: "array"))
            }
            for (index, item) in items.enumerated() {
                var reader = try ObjectReader(item, in: data, key: "observations", item: index)
                let member = try reader.string("member")
                guard ShortCode.isValid(member) else { throw reader.invalid("member", "code") }
                let vneidText = try reader.optionalString("vneid")
                let vneid = try vneidText.map { (text) throws(EventFormatError) -> VneidStatus in
                    guard let status = VneidStatus(rawValue: text) else { throw reader.invalid("vneid", "none|pending|level1|level2") }
                    return status
                }
                observations.append(
                    Observation(
                        member: member, vneid: vneid, login: try reader.optionalBool("login"), dvctt: try reader.optionalBool("dvctt"),
                        paidOnline: try reader.optionalBool("paidOnline"), smartphone: try reader.optionalBool("smartphone")))
                try reader.finish()
            }
        }
        return VisitData(
            volunteer: volunteer, outcome: outcome, consent: consent, replaces: replaces, help: help, procedure: procedure,
            followUp: followUp, note: note, observations: observations, backcheckOf: backcheckOf)
    }

    /// Free text as stored: NFC, tidy spaces, within its length limit, no ID-like digit runs.
    /// `path` is spelled only for an error: text is checked millions of times in a merge.
    static func checkedText(_ raw: String, path: @autoclosure () -> String, limitKey: String) throws(EventFormatError) -> String {
        let text = Folding.clean(raw)
        guard !text.isEmpty else { throw EventFormatError(path: path(), problem: .invalid(expected: "text")) }
        // Characters are counted only when the bytes could be too many: no character is shorter than a byte.
        if text.utf8.count > shortestLimit, let limit = limits[limitKey], text.utf8.count > limit, text.count > limit {
            throw EventFormatError(path: path(), problem: .tooLong(limit: limit))
        }
        switch PersonalData.finding(in: text) {
        case .digitRun?: throw EventFormatError(path: path(), problem: .digitRun)
        case .secretNumber?: throw EventFormatError(path: path(), problem: .secretNumber)
        case nil: break
        }
        return text
    }
}
