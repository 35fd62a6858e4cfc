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
