/// Reads the fields of one JSON object, refusing fields it was not asked for.
struct ObjectReader {
    var object: JSONObject
    /// Which members were taken: a bit each for the first 64, a list only for an object with more.
    private var usedBits: UInt64 = 0
    private var usedBeyond: [Bool]
    /// Where the object is, spelled only for an error: its parent's path, the key it is under, its place in a list.
    private let parent: String
    private let key: String?
    private let item: Int?
    /// Reading what the store holds: text is taken as stored.
    let trusted: Bool

    init(_ value: JSONValue, path: String, trusted: Bool = false) throws(EventFormatError) {
        try self.init(value, parent: path, key: nil, item: nil, trusted: trusted)
    }

    /// The object under `key` of the one `outer` reads, or at `item` of the list there.
    init(_ value: JSONValue, in outer: ObjectReader, key: String, item: Int? = nil) throws(EventFormatError) {
        try self.init(value, parent: outer.prefix, key: key, item: item, trusted: outer.trusted)
    }

    private init(_ value: JSONValue, parent: String, key: String?, item: Int?, trusted: Bool) throws(EventFormatError) {
        self.parent = parent
        self.key = key
        self.item = item
        self.trusted = trusted
        guard case .object(let object) = value else {
            let path = Self.spell(parent: parent, key: key, item: item)
            throw EventFormatError(path: path.isEmpty ? "$" : path, problem: .wrongType(expected: "object"))
        }
        self.object = object
        usedBeyond = object.count > 64 ? [Bool](repeating: false, count: object.count - 64) : []
    }

    var prefix: String { Self.spell(parent: parent, key: key, item: item) }

    private static func spell(parent: String, key: String?, item: Int?) -> String {
        var path = key.map { parent.isEmpty ? $0 : parent + "." + $0 } ?? parent
        if let item { path += "[\(item)]" }
        return path
    }

    func path(_ key: String) -> String {
        let prefix = prefix
        return prefix.isEmpty ? key : prefix + "." + key
    }

    func invalid(_ key: String, _ expected: String) -> EventFormatError {
        EventFormatError(path: path(key), problem: .invalid(expected: expected))
    }

    private func isUsed(_ index: Int) -> Bool { index < 64 ? usedBits & (1 << UInt64(index)) != 0 : usedBeyond[index - 64] }

    mutating func take(_ key: String) -> JSONValue? {
        // Lengths first: telling two keys apart by their text costs a call each.
        let length = key.utf8.count
        for index in object.members.indices where !isUsed(index) && object.members[index].key.utf8.count == length && object.members[index].key == key {
            if index < 64 { usedBits |= 1 << UInt64(index) } else { usedBeyond[index - 64] = true }
            return object.members[index].value
        }
        return nil
    }

    mutating func finish() throws(EventFormatError) {
        let all: UInt64 = object.count >= 64 ? .max : (1 << UInt64(object.count)) - 1
        guard usedBits != all || usedBeyond.contains(false) else { return }
        let extra = object.members.indices.filter { !isUsed($0) }.map { object.members[$0].key }.sorted()
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
        if trusted { return raw }
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
            guard case .string(let id) = item, EventRef.isValid(id) else {
                throw EventFormatError(path: path(key) + "[\(index)]", problem: .invalid(expected: "device:seq"))
            }
            ids.append(id)
        }
        return ids.sorted()
    }
}
