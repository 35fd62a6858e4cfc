/// The rule that keeps ID numbers and one-time codes out of the store: a run of 9 or more digits
/// (spaces, dots or dashes between them still count as one run) is refused in free text.
public enum PersonalData {
    public static let longestDigitRun = 8

    public static func digitRun(in text: String) -> Int {
        var longest = 0, run = 0
        var separatorSeen = false
        for byte in text.utf8 {
            if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                run += 1
                separatorSeen = false
                longest = max(longest, run)
            } else if run > 0, !separatorSeen, byte == UInt8(ascii: " ") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") {
                separatorSeen = true
            } else {
                run = 0
                separatorSeen = false
            }
        }
        return longest
    }

    public static func looksLikeIdentityNumber(_ text: String) -> Bool {
        digitRun(in: text) > longestDigitRun
    }

    /// A Vietnamese phone number: 10 digits starting with 0, or +84 and 9 digits; spaces and dots allowed.
    public static func normalizedPhone(_ text: String) -> String? {
        var digits = text.filter { !" .-()".contains($0) }
        if digits.hasPrefix("+84") { digits = "0" + digits.dropFirst(3) }
        guard digits.count == 10, digits.hasPrefix("0"), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return digits
    }
}
