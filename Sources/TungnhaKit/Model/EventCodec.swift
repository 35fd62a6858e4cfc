/// Writes events as JSON objects (the lines of a batch file; see docs/sync-format.md); `EventReading.swift` reads them.
public enum EventCodec {
    // MARK: Writing

    /// The event as a JSON value: the plain statement of the format, which `canonical(_:)` writes faster;
    /// tests hold the two equal.
    public static func json(_ event: Event) -> JSONValue {
        var fields: JSONObject = [
            "device": .string(event.device), "seq": .int(event.seq),
            "at": .string(event.at.rfc3339), "commune": .string(event.commune.code),
            "scheme": .string(event.commune.scheme.rawValue), "type": .string(event.kind.rawValue),
            "data": data(event.body),
        ]
        if let entered = event.entered { fields["entered"] = .string(entered.rfc3339) }
        if let household = event.household { fields["household"] = .string(household) }
        if let member = event.member { fields["member"] = .string(member) }
        if let reissueOf = event.reissueOf { fields["reissueOf"] = .string(reissueOf) }
        return .object(fields)
    }

    /// The canonical line: keys sorted, no spaces. The same event always gives the same bytes.
    /// Written directly rather than through `json(_:)`, which gives the same text: merges write millions.
    public static func canonical(_ event: Event) -> String { String(decoding: canonicalBytes(event), as: UTF8.self) }

    /// The canonical form's bytes: what a merge stores, without making a `String` of them first.
    static func canonicalBytes(_ event: Event) -> [UInt8] {
        var out = CanonicalObject(capacity: 512)
        out.moment("at", event.at)
        out.string("commune", event.commune.code)
        out.key("data")
        writeData(event.body, into: &out.bytes)
        out.string("device", event.device)
        out.moment("entered", event.entered)
        out.string("household", event.household)
        out.string("member", event.member)
        out.string("reissueOf", event.reissueOf)
        out.string("scheme", event.commune.scheme.rawValue)
        out.number("seq", event.seq)
        out.string("type", event.kind.rawValue)
        return out.close()
    }

    /// Keys must be added in sorted order; absent values are left out.
    struct CanonicalObject {
        var bytes: [UInt8]
        var first = true

        /// `capacity`: room for most events, so that the buffer is allocated once.
        init(capacity: Int = 0) {
            bytes = []
            bytes.reserveCapacity(capacity)
            bytes.append(UInt8(ascii: "{"))
        }

        /// An object inside another: written at the end of `outer`'s bytes, which it holds until `close(into:)`
        /// hands them back, so that no object has a buffer of its own to grow and copy.
        init(inside outer: inout [UInt8]) {
            bytes = []
            swap(&bytes, &outer)
            bytes.append(UInt8(ascii: "{"))
        }

        mutating func key(_ name: StaticString) {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            bytes.append(UInt8(ascii: "\""))
            bytes.append(UInt8(ascii: ":"))
        }

        mutating func moment(_ name: StaticString, _ value: Moment?) {
            guard let value else { return }
            key(name)
            bytes.append(UInt8(ascii: "\""))
            value.writeRFC3339(into: &bytes)
            bytes.append(UInt8(ascii: "\""))
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

        mutating func close(into outer: inout [UInt8]) {
            bytes.append(UInt8(ascii: "}"))
            swap(&bytes, &outer)
        }
    }

    static func writeData(_ body: EventBody, into bytes: inout [UInt8]) {
        var out = CanonicalObject(inside: &bytes)
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
            out.string("backcheckOf", visit.backcheckOf)
            out.flag("consent", visit.consent)
            out.string("followUp", visit.followUp?.description)
            out.strings("help", visit.help.map(\.rawValue))
            out.string("note", visit.note)
            out.key("observations")
            out.bytes.append(UInt8(ascii: "["))
            for (index, observation) in visit.observations.enumerated() {
                if index > 0 { out.bytes.append(UInt8(ascii: ",")) }
                var item = CanonicalObject(inside: &out.bytes)
                item.flag("dvctt", observation.dvctt)
                item.flag("login", observation.login)
                item.string("member", observation.member)
                item.flag("paidOnline", observation.paidOnline)
                item.flag("smartphone", observation.smartphone)
                item.string("vneid", observation.vneid?.rawValue)
                item.close(into: &out.bytes)
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
        case .deviceCopied(let copy):
            out.string("how", copy.how.rawValue)
            out.string("source", copy.source)
            out.number("sourceSeq", copy.sourceSeq)
        case .flagReviewed(let review):
            out.number("events", Int64(review.events))
            out.string("flag", review.flag)
            out.string("note", review.note)
        }
        out.close(into: &bytes)
    }

    static func writeChange<Field: EntityField>(_ change: FieldChange<Field>, into out: inout CanonicalObject) {
        out.strings("replaces", change.replaces)
        out.key("set")
        out.bytes.append(UInt8(ascii: "{"))
        for (index, field) in change.set.keys.sorted(by: { $0.rawValue < $1.rawValue }).enumerated() {
            if index > 0 { out.bytes.append(UInt8(ascii: ",")) }
            JSONWriter.writeString(field.rawValue, into: &out.bytes)
            out.bytes.append(UInt8(ascii: ":"))
            switch change.set[field]! {
            case .text(let text): JSONWriter.writeString(text, into: &out.bytes)
            case .number(let number): out.bytes.append(contentsOf: String(number).utf8)
            case .flag(let flag): out.bytes.append(contentsOf: (flag ? "true" : "false").utf8)
            case .none: out.bytes.append(contentsOf: "null".utf8)
            }
        }
        out.bytes.append(UInt8(ascii: "}"))
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
            put("backcheckOf", visit.backcheckOf)
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
        case .deviceCopied(let copy):
            put("source", copy.source)
            out["sourceSeq"] = .int(copy.sourceSeq)
            put("how", copy.how.rawValue)
        case .flagReviewed(let review):
            put("flag", review.flag)
            put("note", review.note)
            out["events"] = .int(Int64(review.events))
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
}
