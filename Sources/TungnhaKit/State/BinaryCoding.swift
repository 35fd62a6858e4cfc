import Foundation

/// Compact bytes for what the store keeps between merges (a household's fold, its timeline, where its events
/// are): varints, zigzag integers, strings with their length. Read back without checks beyond their own
/// structure; a damaged blob is an error, never a crash.
struct BinaryWriter {
    var bytes: [UInt8] = []

    mutating func unsigned(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func count(_ value: Int) { unsigned(UInt64(max(0, value))) }

    mutating func signed(_ value: Int64) { unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }

    mutating func flag(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        count(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func optionalString(_ value: String?) {
        flag(value != nil)
        if let value { string(value) }
    }

    /// An event's "device:seq" as the device's 16 bytes and the number; anything else as text.
    mutating func id(_ value: String) {
        if let (device, seq) = EventRef.parse(value), let raw = EventKey(device) {
            bytes.append(2)
            bytes.append(contentsOf: raw.bytes)
            signed(seq)
        } else {
            bytes.append(1)
            string(value)
        }
    }

    mutating func moment(_ value: Moment) {
        signed(value.millis)
        signed(Int64(value.offsetMinutes))
    }
}

/// Bytes that do not read back as what was written.
struct DamagedBytes: Error {}

/// Reads what `BinaryWriter` wrote: from an array, or in place from memory SQLite hands over.
struct BinaryReader<Bytes: RandomAccessCollection> where Bytes.Element == UInt8, Bytes.Index == Int {
    typealias Damaged = DamagedBytes

    let bytes: Bytes
    var index: Int

    init(_ bytes: Bytes) {
        self.bytes = bytes
        index = bytes.startIndex
    }

    mutating func byte() throws -> UInt8 {
        guard index < bytes.endIndex else { throw Damaged() }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func unsigned() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw Damaged() }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
        }
    }

    mutating func count() throws -> Int {
        let value = try unsigned()
        // No count can exceed the bytes left: a damaged length must not make a huge allocation.
        guard value <= UInt64(bytes.endIndex - index) else { throw Damaged() }
        return Int(value)
    }

    /// A number that is not a length (how many visits, an index checked by its caller): anything an Int holds,
    /// however few bytes follow it.
    mutating func number() throws -> Int {
        guard let value = Int(exactly: try unsigned()) else { throw Damaged() }
        return value
    }

    var atEnd: Bool { index >= bytes.endIndex }

    /// Where the next string's bytes are, skipping them.
    mutating func stringRange() throws -> Range<Int> {
        let length = try count()
        defer { index += length }
        return index..<(index + length)
    }

    mutating func signed() throws -> Int64 {
        let raw = try unsigned()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    mutating func flag() throws -> Bool { try byte() != 0 }

    mutating func string() throws -> String {
        let length = try count()
        defer { index += length }
        return String(decoding: bytes[index..<(index + length)], as: UTF8.self)
    }

    mutating func optionalString() throws -> String? { try flag() ? try string() : nil }

    mutating func id() throws -> String {
        switch try byte() {
        case 0:
            guard bytes.endIndex - index >= 16 else { throw Damaged() }
            defer { index += 16 }
            return EventKey(bytes: Array(bytes[index..<(index + 16)])).text
        case 1: return try string()
        case 2:
            guard bytes.endIndex - index >= 16 else { throw Damaged() }
            let device = EventKey(bytes: Array(bytes[index..<(index + 16)])).text
            index += 16
            return EventRef.text(device: device, seq: try signed())
        default: throw Damaged()
        }
    }

    mutating func moment() throws -> Moment {
        let millis = try signed()
        let offset = try signed()
        guard (-24 * 60...24 * 60).contains(offset) else { throw Damaged() }
        return Moment(millis: millis, offsetMinutes: Int(offset))
    }

    mutating func choice<T>(_ cases: [T]) throws -> T {
        let index = try number()
        guard index < cases.count else { throw Damaged() }
        return cases[index]
    }
}
