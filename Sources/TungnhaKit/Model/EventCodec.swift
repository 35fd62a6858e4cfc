/// What is wrong with one event as read from JSON, and where within it.
public struct EventFormatError: Error, Equatable, Sendable, Codable {
    public enum Problem: Equatable, Sendable, Codable {
        case missing
        case wrongType(expected: String)
        case invalid(expected: String)
        case unknownField
        case digitRun
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

/// Reads and writes events as JSON objects (the lines of a batch file; see docs/sync-format.md).
public enum EventCodec {
    public static let limits: [String: Int] = [
        "name": 120, "headName": 120, "village": 80, "address": 200, "note": 1000, "reason": 500,
        "volunteer": 80, "procedure": 200, "relation": 40, "phone": 20,
    ]

    // MARK: Writing

    /// The event as a JSON value: the plain statement of the format, which `canonical(_:)` writes faster;
    /// tests hold the two equal.
    public static func json(_ event: Event) -> JSONValue {
        var fields: JSONObject = [
            "id": .string(event.id), "device": .string(event.device), "seq": .int(event.seq),
            "at": .string(event.at.rfc3339), "commune": .string(event.commune.code),
            "scheme": .string(event.commune.scheme.rawValue), "type": .string(event.kind.rawValue),
            "data": data(event.body),
        ]
        if let household = event.household { fields["household"] = .string(household) }
        if let member = event.member { fields["member"] = .string(member) }
        return .object(fields)
    }

    /// The canonical line: keys sorted, no spaces. The same event always gives the same bytes.
    /// Written directly rather than through `json(_:)`, which gives the same text: merges write millions.
    public static func canonical(_ event: Event) -> String {
        var out = CanonicalObject()
        out.bytes.reserveCapacity(320)
        out.string("at", event.at.rfc3339)
        out.string("commune", event.commune.code)
        out.key("data")
        writeData(event.body, into: &out.bytes)
        out.string("device", event.device)
        out.string("household", event.household)
        out.string("id", event.id)
        out.string("member", event.member)
        out.string("scheme", event.commune.scheme.rawValue)
        out.number("seq", event.seq)
        out.string("type", event.kind.rawValue)
        return String(decoding: out.close(), as: UTF8.self)
    }

    /// Keys must be added in sorted order; absent values are left out.
    struct CanonicalObject {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        var first = true

        mutating func key(_ name: StaticString) {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        }

        mutating func string(_ name: StaticString, _ value: String?) {
            guard let value else { return }
            key(name)
            JSONWriter.writeString(value, into: &bytes)
        }

        mutating func number(_ name: StaticString, _ value: Int64?) {
            guard let value else { return }
            key(name)
            bytes.append(contentsOf: String(value).utf8)
        }

        mutating func flag(_ name: StaticString, _ value: Bool?) {
            guard let value else { return }
            key(name)
            bytes.append(contentsOf: (value ? "true" : "false").utf8)
        }

        mutating func strings(_ name: StaticString, _ values: [String]) {
            key(name)
            bytes.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                JSONWriter.writeString(value, into: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        }

        mutating func close() -> [UInt8] {
            bytes.append(UInt8(ascii: "}"))
            return bytes
        }
    }

    static func writeData(_ body: EventBody, into bytes: inout [UInt8]) {
        var out = CanonicalObject()
        switch body {
        case .villageAdded(let village), .villageChanged(let village):
            out.string("name", village.name)
            out.string("newCommune", village.newCommune)
        case .householdRegistered(let household):
            out.string("address", household.address)
            out.flag("consent", household.consent)
            out.number("declaredMembers", household.declaredMembers.map(Int64.init))
            out.string("headName", household.headName)
            out.string("note", household.note)
            out.string("phone", household.phone)
            out.string("village", household.village)
        case .householdChanged(let change):
            writeChange(change, into: &out)
        case .memberChanged(let change):
            writeChange(change, into: &out)
        case .householdMerged(let keep):
            out.string("into", keep)
        case .memberAdded(let member):
            out.number("birthYear", Int64(member.birthYear))
            out.string("name", member.name)
            out.string("relation", member.relation)
            out.string("sex", member.sex?.rawValue)
        case .visitRecorded(let visit):
            out.flag("consent", visit.consent)
            out.string("followUp", visit.followUp?.description)
            out.strings("help", visit.help.map(\.rawValue))
            out.string("note", visit.note)
            out.key("observations")
            out.bytes.append(UInt8(ascii: "["))
            for (index, observation) in visit.observations.enumerated() {
                if index > 0 { out.bytes.append(UInt8(ascii: ",")) }
                var item = CanonicalObject()
                item.flag("dvctt", observation.dvctt)
                item.flag("login", observation.login)
                item.string("member", observation.member)
                item.flag("paidOnline", observation.paidOnline)
                item.flag("smartphone", observation.smartphone)
                item.string("vneid", observation.vneid?.rawValue)
                out.bytes.append(contentsOf: item.close())
            }
            out.bytes.append(UInt8(ascii: "]"))
            out.string("outcome", visit.outcome.rawValue)
            out.string("procedure", visit.procedure)
            if visit.consent != nil { out.strings("replaces", visit.replaces) }
            out.string("volunteer", visit.volunteer)
        case .eventVoided(let target, let reason):
            out.string("reason", reason)
            out.string("target", target)
        case .eventCorrected(let target, let replacement):
            out.key("replacement")
            writeData(replacement, into: &out.bytes)
            out.string("target", target)
            out.string("targetType", replacement.kind.rawValue)
        }
        bytes.append(contentsOf: out.close())
    }

    static func writeChange<Field: EntityField>(_ change: FieldChange<Field>, into out: inout CanonicalObject) {
        out.strings("replaces", change.replaces)
        out.key("set")
        var set: [UInt8] = [UInt8(ascii: "{")]
        for (index, field) in change.set.keys.sorted(by: { $0.rawValue < $1.rawValue }).enumerated() {
            if index > 0 { set.append(UInt8(ascii: ",")) }
            JSONWriter.writeString(field.rawValue, into: &set)
            set.append(UInt8(ascii: ":"))
            switch change.set[field]! {
            case .text(let text): JSONWriter.writeString(text, into: &set)
            case .number(let number): set.append(contentsOf: String(number).utf8)
            case .flag(let flag): set.append(contentsOf: (flag ? "true" : "false").utf8)
            case .none: set.append(contentsOf: "null".utf8)
            }
        }
        set.append(UInt8(ascii: "}"))
        out.bytes.append(contentsOf: set)
    }

    static func data(_ body: EventBody) -> JSONValue {
        var out = JSONObject()
        func put(_ key: String, _ value: String?) { if let value { out[key] = .string(value) } }
        switch body {
        case .villageAdded(let village), .villageChanged(let village):
            put("name", village.name)
            put("newCommune", village.newCommune)
        case .householdRegistered(let household):
            put("village", household.village)
            put("headName", household.headName)
            put("address", household.address)
            put("phone", household.phone)
            if let count = household.declaredMembers { out["declaredMembers"] = .int(Int64(count)) }
            put("note", household.note)
            out["consent"] = .bool(household.consent)
        case .householdChanged(let change):
            out = changeJSON(change)
        case .memberChanged(let change):
            out = changeJSON(change)
        case .householdMerged(let keep):
            put("into", keep)
        case .memberAdded(let member):
            put("name", member.name)
            out["birthYear"] = .int(Int64(member.birthYear))
            put("sex", member.sex?.rawValue)
            put("relation", member.relation)
        case .visitRecorded(let visit):
            put("volunteer", visit.volunteer)
            put("outcome", visit.outcome.rawValue)
            if let consent = visit.consent {
                out["consent"] = .bool(consent)
                out["replaces"] = .array(visit.replaces.map(JSONValue.string))
            }
            out["help"] = .array(visit.help.map { .string($0.rawValue) })
            put("procedure", visit.procedure)
            put("followUp", visit.followUp?.description)
            put("note", visit.note)
            out["observations"] = .array(
                visit.observations.map { observation in
                    var item: JSONObject = ["member": .string(observation.member)]
                    if let vneid = observation.vneid { item["vneid"] = .string(vneid.rawValue) }
                    if let login = observation.login { item["login"] = .bool(login) }
                    if let dvctt = observation.dvctt { item["dvctt"] = .bool(dvctt) }
                    if let paid = observation.paidOnline { item["paidOnline"] = .bool(paid) }
                    if let phone = observation.smartphone { item["smartphone"] = .bool(phone) }
                    return .object(item)
                })
        case .eventVoided(let target, let reason):
            put("target", target)
            put("reason", reason)
        case .eventCorrected(let target, let replacement):
            put("target", target)
            put("targetType", replacement.kind.rawValue)
            out["replacement"] = data(replacement)
        }
        return .object(out)
    }

    static func changeJSON<Field: EntityField>(_ change: FieldChange<Field>) -> JSONObject {
        var set = JSONObject()
        for (field, value) in change.set {
            switch value {
            case .text(let text): set[field.rawValue] = .string(text)
            case .number(let number): set[field.rawValue] = .int(Int64(number))
            case .flag(let flag): set[field.rawValue] = .bool(flag)
            case .none: set[field.rawValue] = .null
            }
        }
        return ["set": .object(set), "replaces": .array(change.replaces.map(JSONValue.string))]
    }

    // MARK: Reading

    /// Reads and checks one event. Text is stored NFC with tidy spaces.
    public static func event(from value: JSONValue) throws(EventFormatError) -> Event {
        var reader = try ObjectReader(value, path: "")
        let id = try reader.string("id")
        guard EventID.isValid(id) else { throw reader.invalid("id", "uuid") }
        let device = try reader.string("device")
        guard EventID.isValid(device) else { throw reader.invalid("device", "uuid") }
        let seq = try reader.integer("seq")
        guard seq >= 1 else { throw reader.invalid("seq", "integer >= 1") }
        let atText = try reader.string("at")
        guard let at = Moment(rfc3339: atText) else { throw reader.invalid("at", "RFC 3339 date-time") }
        let commune = try reader.string("commune")
        guard CommuneRef.isWellFormed(commune) else { throw reader.invalid("commune", "5 digits") }
        guard let scheme = Scheme(rawValue: try reader.string("scheme")) else { throw reader.invalid("scheme", "2025|pre2025") }
        guard let kind = EventKind(rawValue: try reader.string("type")) else {
            throw reader.invalid("type", EventKind.allCases.map(\.rawValue).joined(separator: "|"))
        }
        let household = try reader.optionalString("household")
        if let household, !ShortCode.isValid(household) { throw reader.invalid("household", "code") }
        if kind.needsHousehold, household == nil { throw EventFormatError(path: "household", problem: .missing) }
        let member = try reader.optionalString("member")
        if let member, !ShortCode.isValid(member) { throw reader.invalid("member", "code") }
        if kind.needsMember, member == nil { throw EventFormatError(path: "member", problem: .missing) }
        if !kind.needsMember, member != nil { throw EventFormatError(path: "member", problem: .unknownField) }
        guard let dataValue = reader.take("data") else { throw EventFormatError(path: "data", problem: .missing) }
        try reader.finish()
        let body = try self.body(kind, from: dataValue, path: "data")
        return Event(
            id: id, device: device, seq: seq, at: at, commune: CommuneRef(code: commune, scheme: scheme),
            household: household, member: member, body: body)
    }

    static func body(_ kind: EventKind, from value: JSONValue, path: String) throws(EventFormatError) -> EventBody {
        var data = try ObjectReader(value, path: path)
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
            if let phone, PersonalData.normalizedPhone(phone) != phone { throw data.invalid("phone", "10 digits starting with 0") }
            let declared = try data.optionalInteger("declaredMembers")
            if let declared, !(1...50).contains(declared) { throw data.invalid("declaredMembers", "1..50") }
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
            guard (1900...2100).contains(year) else { throw data.invalid("birthYear", "year") }
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
            guard EventID.isValid(target) else { throw data.invalid("target", "uuid") }
            body = .eventVoided(target: target, reason: try data.optionalText("reason"))
        case .eventCorrected:
            let target = try data.string("target")
            guard EventID.isValid(target) else { throw data.invalid("target", "uuid") }
            guard let targetKind = EventKind(rawValue: try data.string("targetType")), targetKind.isCorrectable else {
                throw data.invalid("targetType", "household.registered|member.added|visit.recorded")
            }
            guard let replacement = data.take("replacement") else {
                throw EventFormatError(path: data.path("replacement"), problem: .missing)
            }
            body = .eventCorrected(target: target, replacement: try self.body(targetKind, from: replacement, path: data.path("replacement")))
        }
        try data.finish()
        return body
    }

    static func change<Field: EntityField>(_ data: inout ObjectReader, _: Field.Type) throws(EventFormatError) -> FieldChange<Field> {
        guard let setValue = data.take("set") else { throw EventFormatError(path: data.path("set"), problem: .missing) }
        var set = try ObjectReader(setValue, path: data.path("set"))
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
                if field.rawValue == "phone" {
                    // A phone number is the one place ten digits belong.
                    guard PersonalData.normalizedPhone(text) == text else { throw EventFormatError(path: path, problem: .invalid(expected: "10 digits starting with 0")) }
                    values[field] = .text(text)
                } else {
                    values[field] = .text(try checkedText(text, path: path, limitKey: field.rawValue))
                }
            case .number:
                guard case .int(let number) = raw else { throw EventFormatError(path: path, problem: .wrongType(expected: "integer")) }
                let range: ClosedRange<Int64> = field.rawValue == "birthYear" ? 1900...2100 : 1...50
                guard range.contains(number) else { throw EventFormatError(path: path, problem: .invalid(expected: "\(range.lowerBound)..\(range.upperBound)")) }
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
                var reader = try ObjectReader(item, path: data.path("observations") + "[\(index)]")
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
            followUp: followUp, note: note, observations: observations)
    }

    /// Free text as stored: NFC, tidy spaces, within its length limit, no ID-like digit runs.
    static func checkedText(_ raw: String, path: String, limitKey: String) throws(EventFormatError) -> String {
        let text = Folding.clean(raw)
        guard !text.isEmpty else { throw EventFormatError(path: path, problem: .invalid(expected: "text")) }
        if let limit = limits[limitKey], text.count > limit { throw EventFormatError(path: path, problem: .tooLong(limit: limit)) }
        if PersonalData.looksLikeIdentityNumber(text) { throw EventFormatError(path: path, problem: .digitRun) }
        return text
    }
}

/// Reads the fields of one JSON object, refusing fields it was not asked for.
struct ObjectReader {
    var object: JSONObject
    var used: [Bool]
    let prefix: String

    init(_ value: JSONValue, path: String) throws(EventFormatError) {
        guard case .object(let object) = value else { throw EventFormatError(path: path.isEmpty ? "$" : path, problem: .wrongType(expected: "object")) }
        self.object = object
        self.used = [Bool](repeating: false, count: object.count)
        self.prefix = path
    }

    func path(_ key: String) -> String { prefix.isEmpty ? key : prefix + "." + key }

    func invalid(_ key: String, _ expected: String) -> EventFormatError {
        EventFormatError(path: path(key), problem: .invalid(expected: expected))
    }

    mutating func take(_ key: String) -> JSONValue? {
        for index in object.members.indices where !used[index] && object.members[index].key == key {
            used[index] = true
            return object.members[index].value
        }
        return nil
    }

    mutating func finish() throws(EventFormatError) {
        let extra = object.members.indices.filter { !used[$0] }.map { object.members[$0].key }.sorted()
        if let extra = extra.first { throw EventFormatError(path: path(extra), problem: .unknownField) }
    }

    mutating func optionalString(_ key: String) throws(EventFormatError) -> String? {
        switch take(key) {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw EventFormatError(path: path(key), problem: .wrongType(expected: "string"))
        }
    }

    mutating func string(_ key: String) throws(EventFormatError) -> String {
        guard let text = try optionalString(key) else { throw EventFormatError(path: path(key), problem: .missing) }
        return text
    }

    mutating func optionalText(_ key: String, limit: String? = nil) throws(EventFormatError) -> String? {
        guard let raw = try optionalString(key) else { return nil }
        return try EventCodec.checkedText(raw, path: path(key), limitKey: limit ?? key)
    }

    mutating func text(_ key: String, limit: String? = nil) throws(EventFormatError) -> String {
        guard let text = try optionalText(key, limit: limit) else { throw EventFormatError(path: path(key), problem: .missing) }
        return text
    }

    mutating func optionalInteger(_ key: String) throws(EventFormatError) -> Int64? {
        switch take(key) {
        case nil, .null?: return nil
        case .int(let number)?: return number
        default: throw EventFormatError(path: path(key), problem: .wrongType(expected: "integer"))
        }
    }

    mutating func integer(_ key: String) throws(EventFormatError) -> Int64 {
        guard let number = try optionalInteger(key) else { throw EventFormatError(path: path(key), problem: .missing) }
        return number
    }

    mutating func optionalBool(_ key: String) throws(EventFormatError) -> Bool? {
        switch take(key) {
        case nil, .null?: return nil
        case .bool(let flag)?: return flag
        default: throw EventFormatError(path: path(key), problem: .wrongType(expected: "boolean"))
        }
    }

    mutating func bool(_ key: String) throws(EventFormatError) -> Bool {
        guard let flag = try optionalBool(key) else { throw EventFormatError(path: path(key), problem: .missing) }
        return flag
    }

    /// A list of event ids, sorted so that equal lists are equal text.
    mutating func ids(_ key: String) throws(EventFormatError) -> [String] {
        guard let value = take(key) else { return [] }
        guard case .array(let items) = value else { throw EventFormatError(path: path(key), problem: .wrongType(expected: "array")) }
        var ids: [String] = []
        for (index, item) in items.enumerated() {
            guard case .string(let id) = item, EventID.isValid(id) else {
                throw EventFormatError(path: path(key) + "[\(index)]", problem: .invalid(expected: "uuid"))
            }
            ids.append(id)
        }
        return ids.sorted()
    }
}
