/// How one event names another: "device:seq", the device's UUID and the event's sequence number.
public enum EventRef {
    public static func text(device: String, seq: Int64) -> String { device + ":" + String(seq) }

    /// The device and sequence number of a well-formed reference.
    public static func parse(_ text: String) -> (device: String, seq: Int64)? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let device = String(text[..<colon])
        let number = text[text.index(after: colon)...]
        guard EventID.isValid(device), !number.isEmpty, number.count <= 18, number.allSatisfy(\.isASCIIDigit), number.first != "0",
            let seq = Int64(number)
        else { return nil }
        return (device, seq)
    }

    public static func isValid(_ text: String) -> Bool { parse(text) != nil }

    /// As people see it: the device's first 8 characters and the number, "a943c319:57".
    public static func short(_ text: String) -> String {
        guard let (device, seq) = parse(text) else { return text }
        return device.prefix(8) + ":" + String(seq)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

/// An event id (a UUID) as its 16 bytes: how the store keys events, half the size of the text.
struct EventKey: Hashable, Sendable {
    let bytes: [UInt8]

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// Nil unless `text` is a UUID as the format writes it: lowercase hex, dashes at 8, 13, 18 and 23.
    init?(_ text: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        var high: UInt8?
        var position = 0
        for byte in text.utf8 {
            defer { position += 1 }
            if position == 8 || position == 13 || position == 18 || position == 23 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            let nibble: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            if let first = high {
                bytes.append(first << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        guard position == 36, bytes.count == 16 else { return nil }
        self.bytes = bytes
    }

    var text: String {
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { out.append(UInt8(ascii: "-")) }
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The range of keys whose text starts with `prefix` (lowercase hex, dashes allowed where the format has them).
    static func range(prefix: String) -> (low: [UInt8], high: [UInt8])? {
        var nibbles: [UInt8] = []
        for (position, byte) in prefix.utf8.enumerated() {
            if position == 8 || position == 13 || position == 18 || position == 23 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibbles.append(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibbles.append(byte - UInt8(ascii: "a") + 10)
            default: return nil
            }
        }
        guard nibbles.count <= 32 else { return nil }
        var low = [UInt8](repeating: 0, count: 16)
        var high = [UInt8](repeating: 0xFF, count: 16)
        for (index, nibble) in nibbles.enumerated() {
            let shift: UInt8 = index % 2 == 0 ? 4 : 0
            let mask: UInt8 = index % 2 == 0 ? 0x0F : 0xF0
            low[index / 2] = low[index / 2] & mask | nibble << shift
            high[index / 2] = high[index / 2] & mask | nibble << shift
        }
        return (low, high)
    }
}
