import Foundation

/// Keys already read, by their bytes: the lines of a batch file repeat a few dozen keys, and making a `String` of
/// each took longer than the rest of reading it. For ASCII keys without escapes only; its memory is fixed, whatever
/// a file holds: a key in a taken slot replaces the one there.
final class JSONKeys {
    private static let slots = 128
    private static let longest = 24
    private let lengths: UnsafeMutablePointer<Int>
    private let bytes: UnsafeMutablePointer<UInt8>
    private let texts: UnsafeMutablePointer<String>

    init() {
        lengths = .allocate(capacity: Self.slots)
        lengths.initialize(repeating: 0, count: Self.slots)
        bytes = .allocate(capacity: Self.slots * Self.longest)
        bytes.initialize(repeating: 0, count: Self.slots * Self.longest)
        texts = .allocate(capacity: Self.slots)
        texts.initialize(repeating: "", count: Self.slots)
    }

    deinit {
        lengths.deallocate()
        bytes.deallocate()
        texts.deinitialize(count: Self.slots)
        texts.deallocate()
    }

    /// The text of these ASCII bytes.
    func text(_ key: UnsafeBufferPointer<UInt8>) -> String {
        guard let base = key.baseAddress, key.count <= Self.longest else { return String(decoding: key, as: UTF8.self) }
        // A few bytes tell apart the keys on every line of a batch; the comparison below makes any clash harmless.
        let hash = key.isEmpty ? 0 : (key.count &* 43) ^ (Int(key[0]) &* 9) ^ (Int(key[key.count / 2]) &* 3) ^ Int(key[key.count - 1])
        let slot = hash & (Self.slots - 1)
        let stored = bytes + slot * Self.longest
        if lengths[slot] == key.count, memcmp(stored, base, key.count) == 0 { return texts[slot] }
        let text = String(decoding: key, as: UTF8.self)
        lengths[slot] = key.count
        stored.update(from: base, count: key.count)
        texts[slot] = text
        return text
    }
}

/// Bytes of JSON text looked at eight at a time.
enum JSONBytes {
    /// Where the first `"`, `\\` or control byte is, from `start` on (the count when there is none), and whether the
    /// bytes before it are all ASCII: the plain text of a string, which needs no escape.
    static func plainRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, ascii: Bool) {
        guard let base = bytes.baseAddress else { return (start, true) }
        var index = start
        var highBits: UInt64 = 0
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let special = quoteBackslashOrControl(word)
            guard special == 0 else {
                // The lowest flag is exact: the bytes below it are plain.
                let plain = special.trailingZeroBitCount / 8
                highBits |= word & ((1 << UInt64(plain * 8)) &- 1)
                return (index + plain, highBits & 0x8080_8080_8080_8080 == 0)
            }
            highBits |= word
            index += 8
        }
        var high: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            high |= byte & 0x80
            index += 1
        }
        return (index, high == 0 && highBits & 0x8080_8080_8080_8080 == 0)
    }

    /// The high bit of each of the word's bytes that is `"`, `\\` or below 0x20, all eight at once; above the lowest
    /// such byte a plain one may be flagged too.
    static func quoteBackslashOrControl(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let quote = hasZero(word ^ (ones &* 0x22))
        let backslash = hasZero(word ^ (ones &* 0x5C))
        let control = (word &- ones &* 0x20) & ~word & highs
        return quote | backslash | control
    }
}
