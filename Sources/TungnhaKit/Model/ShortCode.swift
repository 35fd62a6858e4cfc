/// The code a volunteer reads aloud and types for a household or a member: 10 characters of
/// Crockford's base 32 (no I, L, O, U), random, shown by its first 6 or more, like a git commit id.
public enum ShortCode {
    public static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    public static let length = 10
    public static let shownLength = 6
    public static let shortestPrefix = 3

    public static func make<R: RandomNumberGenerator>(using random: inout R) -> String {
        String((0..<length).map { _ in alphabet[Int(random.next() % 32)] })
    }

    /// Upper case, without spaces or dashes; letters easily confused read as the digits they resemble.
    public static func normalize(_ text: String) -> String {
        String(
            text.uppercased().compactMap { character -> Character? in
                switch character {
                case " ", "-", ".", "_": return nil
                case "O": return "0"
                case "I", "L": return "1"
                default: return character
                }
            })
    }

    /// Crockford's letters as bytes: digits and upper case, without I, L, O, U.
    static func isCodeByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return true
        case UInt8(ascii: "I"), UInt8(ascii: "L"), UInt8(ascii: "O"), UInt8(ascii: "U"): return false
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return true
        default: return false
        }
    }

    public static func isValid(_ code: String) -> Bool {
        code.utf8.count == length && code.utf8.allSatisfy(isCodeByte)
    }

    public static func isValidPrefix(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= length && text.utf8.allSatisfy(isCodeByte)
    }

    /// The shortest prefix, at least `shownLength` long, that tells `code` apart from its neighbours in sorted order.
    public static func abbreviate(_ code: String, neighbours: [String]) -> String {
        var size = shownLength
        for other in neighbours where other != code {
            let common = zip(code, other).prefix(while: { $0 == $1 }).count
            size = max(size, common + 1)
        }
        return String(code.prefix(min(size, code.count)))
    }
}

/// UUIDs for events and devices, lower case.
public enum EventID {
    public static func make<R: RandomNumberGenerator>(using random: inout R) -> String {
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &random) }
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        let hex = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if [4, 6, 8, 10].contains(index) { text.append("-") }
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0xF)])
        }
        return text
    }

    public static func isValid(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            guard bytes.count == 36 else { return false }
            for (index, byte) in bytes.enumerated() {
                switch index {
                case 8, 13, 18, 23:
                    guard byte == UInt8(ascii: "-") else { return false }
                default:
                    guard (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) else { return false }
                }
            }
            return true
        }
    }
}
