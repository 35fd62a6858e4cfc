/// A parsed JSON value. Batch files are read with this parser rather than `JSONDecoder`
/// because refusals must name the line and column, and a merge parses millions of lines.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public subscript(key: String) -> JSONValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }
}

/// A JSON object's members in the order they were read. Objects in batch files are small, so a
/// list searched in order is faster than hashing every key.
public struct JSONObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    public struct Member: Sendable, Equatable {
        public var key: String
        public var value: JSONValue
    }

    public var members: [Member]

    public init(members: [Member] = []) { self.members = members }

    public init(_ dictionary: [String: JSONValue]) {
        members = dictionary.map { Member(key: $0.key, value: $0.value) }
    }

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        members = elements.map { Member(key: $0.0, value: $0.1) }
    }

    public var count: Int { members.count }
    public var keys: [String] { members.map(\.key) }

    public subscript(key: String) -> JSONValue? {
        get { members.first { $0.key == key }?.value }
        set {
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append(Member(key: key, value: newValue))
            }
        }
    }

    /// Equal whatever the order of the members.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.count == rhs.count && lhs.members.allSatisfy { rhs[$0.key] == $0.value }
    }
}

/// Why a text is not JSON, and where (byte offset within the text, from 0).
public struct JSONSyntaxError: Error, Equatable, Sendable {
    public enum Reason: Equatable, Sendable {
        case unexpectedEnd
        case unexpectedCharacter(UInt8)
        case invalidNumber
        case invalidEscape
        case invalidUTF8
        case duplicateKey(String)
        case trailingCharacters
        case tooDeep
    }
    public var offset: Int
    public var reason: Reason
}

public enum JSONParser {
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        var copy = text
        let result = copy.withUTF8 { buffer in
            Result { () throws(JSONSyntaxError) -> JSONValue in try parse(buffer) }
        }
        return try result.get()
    }

    /// `keys`: keys read before, shared by the lines of one file.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, keys: JSONKeys?) throws(JSONSyntaxError) -> JSONValue {
        var reader = Reader(bytes: bytes, keys: keys)
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.index == bytes.count else {
            throw JSONSyntaxError(offset: reader.index, reason: .trailingCharacters)
        }
        return value
    }

    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue { try parse(bytes, keys: nil) }

    /// The text of these bytes, or nil when they are not UTF-8. Not `String(validating:as:)`: the standard library
    /// does not specialize it, and looking up its generic metadata at every string took 7 % of a merge's
    /// instructions.
    static func text(_ bytes: UnsafeBufferPointer<UInt8>, ascii: Bool) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        // Decoding repairs what is not UTF-8, so the text's bytes differ from the input exactly when it was not.
        if ascii { return text }
        var copy = text
        return copy.withUTF8 { $0.elementsEqual(bytes) } ? text : nil
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let keys: JSONKeys?
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>, keys: JSONKeys?) {
            self.bytes = bytes
            self.keys = keys
        }

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        func fail(_ reason: JSONSyntaxError.Reason) -> JSONSyntaxError {
            JSONSyntaxError(offset: index, reason: reason)
        }

        mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
            guard depth < 64 else { throw fail(.tooDeep) }
            guard index < bytes.count else { throw fail(.unexpectedEnd) }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
            default: throw fail(.unexpectedCharacter(bytes[index]))
            }
        }

        mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { throw fail(.unexpectedEnd) }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
                index += offset
                throw fail(.unexpectedCharacter(bytes[index]))
            }
            index += count
        }

        mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONValue {
            index += 1
            var fields = JSONObject()
            // Room for an event's members (its data's, below it), so that most objects allocate once.
            fields.members.reserveCapacity(depth == 0 ? 12 : 8)
            var seen: Set<String>?
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(fields)
            }
            while true {
                skipSpace()
                guard index < bytes.count else { throw fail(.unexpectedEnd) }
                guard bytes[index] == UInt8(ascii: "\"") else { throw fail(.unexpectedCharacter(bytes[index])) }
                let keyStart = index
                let key = try string(isKey: true)
                skipSpace()
                guard index < bytes.count else { throw fail(.unexpectedEnd) }
                guard bytes[index] == UInt8(ascii: ":") else { throw fail(.unexpectedCharacter(bytes[index])) }
                index += 1
                skipSpace()
                let item = try value(depth: depth + 1)
                // Duplicate keys are refused; past a few members a set keeps that check cheap.
                if fields.count >= 16, seen == nil { seen = Set(fields.keys) }
                let duplicate: Bool
                if seen != nil {
                    duplicate = !seen!.insert(key).inserted
                } else {
                    let length = key.utf8.count
                    duplicate = fields.members.contains { $0.key.utf8.count == length && $0.key == key }
                }
                if duplicate { throw JSONSyntaxError(offset: keyStart, reason: .duplicateKey(key)) }
                fields.members.append(JSONObject.Member(key: key, value: item))
                skipSpace()
                guard index < bytes.count else { throw fail(.unexpectedEnd) }
                switch bytes[index] {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "}"): index += 1; return .object(fields)
                default: throw fail(.unexpectedCharacter(bytes[index]))
                }
            }
        }

        mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONValue {
            index += 1
            var items: [JSONValue] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            }
            while true {
                skipSpace()
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard index < bytes.count else { throw fail(.unexpectedEnd) }
                switch bytes[index] {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "]"): index += 1; return .array(items)
                default: throw fail(.unexpectedCharacter(bytes[index]))
                }
            }
        }

        mutating func string(isKey: Bool = false) throws(JSONSyntaxError) -> String {
            index += 1
            let start = index
            // Fast path: no escapes.
            let plain = JSONBytes.plainRun(bytes, from: index)
            index = plain.end
            var high: UInt8 = plain.ascii ? 0 : 0x80
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    if isKey, high < 0x80, let keys {
                        defer { index += 1 }
                        return keys.text(UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    }
                    guard let text = JSONParser.text(UnsafeBufferPointer(rebasing: bytes[start..<index]), ascii: high < 0x80) else {
                        index = start
                        throw fail(.invalidUTF8)
                    }
                    index += 1
                    return text
                }
                if byte == UInt8(ascii: "\\") { break }
                if byte < 0x20 { throw fail(.unexpectedCharacter(byte)) }
                high |= byte
                index += 1
            }
            var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""):
                    guard let text = buffer.withUnsafeBufferPointer({ JSONParser.text($0, ascii: false) }) else { throw fail(.invalidUTF8) }
                    index += 1
                    return text
                case UInt8(ascii: "\\"):
                    index += 1
                    guard index < bytes.count else { throw fail(.unexpectedEnd) }
                    let escaped = bytes[index]
                    index += 1
                    switch escaped {
                    case UInt8(ascii: "\""): buffer.append(0x22)
                    case UInt8(ascii: "\\"): buffer.append(0x5C)
                    case UInt8(ascii: "/"): buffer.append(0x2F)
                    case UInt8(ascii: "b"): buffer.append(0x08)
                    case UInt8(ascii: "f"): buffer.append(0x0C)
                    case UInt8(ascii: "n"): buffer.append(0x0A)
                    case UInt8(ascii: "r"): buffer.append(0x0D)
                    case UInt8(ascii: "t"): buffer.append(0x09)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if (0xD800...0xDBFF).contains(scalar) {
                            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                                bytes[index + 1] == UInt8(ascii: "u")
                            else { throw fail(.invalidEscape) }
                            index += 2
                            let low = try hex4()
                            guard (0xDC00...0xDFFF).contains(low) else { throw fail(.invalidEscape) }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else if (0xDC00...0xDFFF).contains(scalar) {
                            throw fail(.invalidEscape)
                        }
                        guard let unicode = Unicode.Scalar(scalar) else { throw fail(.invalidEscape) }
                        buffer.append(contentsOf: Array(String(Character(unicode)).utf8))
                    default:
                        index -= 1
                        throw fail(.invalidEscape)
                    }
                default:
                    if byte < 0x20 { throw fail(.unexpectedCharacter(byte)) }
                    buffer.append(byte)
                    index += 1
                }
            }
            throw fail(.unexpectedEnd)
        }

        mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
            guard index + 4 <= bytes.count else { throw fail(.unexpectedEnd) }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: throw fail(.invalidEscape)
                }
                value = value << 4 | digit
                index += 1
            }
            return value
        }

        mutating func number() throws(JSONSyntaxError) -> JSONValue {
            let start = index
            var isInteger = true
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count else { throw fail(.unexpectedEnd) }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
            } else if (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(bytes[index]) {
                while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            } else {
                throw fail(.invalidNumber)
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                isInteger = false
                index += 1
                let digits = index
                while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
                guard index > digits else { throw fail(.invalidNumber) }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                isInteger = false
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                let digits = index
                while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
                guard index > digits else { throw fail(.invalidNumber) }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            if isInteger, let value = Int64(text) { return .int(value) }
            guard let value = Double(text) else {
                index = start
                throw fail(.invalidNumber)
            }
            return .double(value)
        }
    }
}
