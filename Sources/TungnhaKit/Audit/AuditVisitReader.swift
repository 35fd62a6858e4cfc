/// Reads the few fields the audit needs from a stored visit's JSON without building the whole event: a province
/// holds two million visits, and building each one's strings and arrays took most of the audit's time. Anything it
/// does not expect (an escape in a text it reads, a value of another type) gives nil, and that visit is read the
/// ordinary way, through `EventCodec`.
struct AuditVisitReader {
    /// What one visit says, as the audit keeps it.
    struct Visit {
        var at: Int64 = 0
        var entered: Int64?
        var household: String = ""
        var commune = CommuneRef(code: "", scheme: .y2025)
        /// Where the volunteer's name lies in the line (its bytes have no escape), and their hash.
        var volunteer: Range<Int> = 0..<0
        var volunteerHash: UInt64 = 0xCBF2_9CE4_8422_2325
        var outcome: VisitOutcome = .met
        var backcheckOf: String?
        var seen: [(member: UInt64, values: UInt8, pattern: UInt16)] = []
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Visit? {
        var reader = AuditVisitReader(bytes: bytes)
        return reader.visit()
    }

    mutating func visit() -> Visit? {
        var visit = Visit()
        var scheme = "", commune = ""
        let fine = object { key, reader in
            switch key {
            case "at": return reader.moment().map { visit.at = $0 } != nil
            case "entered": return reader.moment().map { visit.entered = $0 } != nil
            case "household": return reader.text().map { visit.household = $0 } != nil
            case "commune": return reader.text().map { commune = $0 } != nil
            case "scheme": return reader.text().map { scheme = $0 } != nil
            case "data": return reader.data(&visit)
            default: return reader.skip()
            }
        }
        guard fine, let parsed = Scheme(rawValue: scheme) else { return nil }
        visit.commune = CommuneRef(code: commune, scheme: parsed)
        return visit
    }

    mutating func data(_ visit: inout Visit) -> Bool {
        object { key, reader in
            switch key {
            case "volunteer":
                guard let range = reader.raw() else { return false }
                visit.volunteer = range
                for byte in reader.bytes[range] { visit.volunteerHash = (visit.volunteerHash ^ UInt64(byte)) &* 0x100_0000_01B3 }
                return true
            case "outcome": return reader.text().flatMap(VisitOutcome.init(rawValue:)).map { visit.outcome = $0 } != nil
            case "backcheckOf": return reader.text().map { visit.backcheckOf = $0 } != nil
            case "observations": return reader.observations(&visit.seen)
            default: return reader.skip()
            }
        }
    }

    mutating func observations(_ seen: inout [(member: UInt64, values: UInt8, pattern: UInt16)]) -> Bool {
        guard take(UInt8(ascii: "[")) else { return false }
        if take(UInt8(ascii: "]")) { return true }
        repeat {
            var member: UInt64?
            var observation = Observation(member: "")
            let fine = object { key, reader in
                switch key {
                case "member": return reader.text().map { member = AuditCode.pack($0) } != nil
                case "vneid": return reader.text().map { observation.vneid = VneidStatus(rawValue: $0) } != nil && observation.vneid != nil
                case "login": return reader.flag(&observation.login)
                case "dvctt": return reader.flag(&observation.dvctt)
                case "paidOnline": return reader.flag(&observation.paidOnline)
                case "smartphone": return reader.flag(&observation.smartphone)
                default: return false
                }
            }
            guard fine, let member else { return false }
            seen.append((member, AuditInput.Seen.pack(observation), AuditPattern.code(observation)))
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]"))
    }

    // MARK: JSON, as far as the audit needs it

    /// Calls `field` with each key of an object; false as soon as one says so or the object is not well formed.
    mutating func object(_ field: (String, inout AuditVisitReader) -> Bool) -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        if take(UInt8(ascii: "}")) { return true }
        repeat {
            guard let key = text(), take(UInt8(ascii: ":")), field(key, &self) else { return false }
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "}"))
    }

    mutating func take(_ byte: UInt8) -> Bool {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 { index += 1 }
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// The bytes of a string without escapes (nil for any other value, or a string with one).
    mutating func raw() -> Range<Int>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            if bytes[index] == UInt8(ascii: "\\") { return nil }
            index += 1
        }
        guard index < bytes.count else { return nil }
        index += 1
        return start..<index - 1
    }

    mutating func text() -> String? { raw().map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) } }

    mutating func moment() -> Int64? { text().flatMap(Moment.init(rfc3339:))?.millis }

    mutating func flag(_ value: inout Bool?) -> Bool {
        if literal("true") { value = true } else if literal("false") { value = false } else if !literal("null") { return false }
        return true
    }

    mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        _ = take(0x20)  // only to skip white space; a space is never a value
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
        index += count
        return true
    }

    /// Skips any value: strings (escapes and all), numbers, literals, arrays and objects.
    mutating func skip() -> Bool {
        _ = take(0x20)
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            index += 1
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") { index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1 }
            index += 1
            return index <= bytes.count
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
                case UInt8(ascii: "\""):
                    index += 1
                    while index < bytes.count, bytes[index] != UInt8(ascii: "\"") { index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1 }
                default: break
                }
                index += 1
                if depth == 0 { return true }
            }
            return false
        default:
            while index < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]")].contains(bytes[index]) { index += 1 }
            return true
        }
    }
}

extension AuditPattern {
    /// An observation's answers as a number: each of the five abilities not checked, no or yes (VNeID: its level).
    static func code(_ observation: Observation) -> UInt16 {
        func flag(_ value: Bool?) -> UInt16 { value.map { $0 ? 2 : 1 } ?? 0 }
        let vneid = observation.vneid.map { UInt16(VneidStatus.allCases.firstIndex(of: $0)! + 1) } ?? 0
        return vneid | flag(observation.login) << 3 | flag(observation.dvctt) << 5 | flag(observation.paidOnline) << 7 | flag(observation.smartphone) << 9
    }

    /// The key of `key(_:)` from a code.
    static func key(code: UInt16) -> String {
        func flag(_ bits: UInt16) -> String { bits == 0 ? "-" : bits == 2 ? "1" : "0" }
        let vneid = code & 7
        return (vneid == 0 ? "-" : String(vneid - 1)) + flag(code >> 3 & 3) + flag(code >> 5 & 3) + flag(code >> 7 & 3) + flag(code >> 9 & 3)
    }
}
