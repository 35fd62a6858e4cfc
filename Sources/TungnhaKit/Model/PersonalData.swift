/// The rule that keeps ID numbers, passwords and one-time codes out of the store, applied to every free-text field
/// (recorded here, read from a batch, a register or a device's name):
/// - a run of 9 or more digits, any Unicode decimal digits, where up to three spaces, punctuation marks or symbols
///   between digits do not break the run (`001/234/567/890`, `0912.345.678`, `１２３４５６７８９`); a calendar date and a
///   clock time do (`20/11/2026 09:30` is not a number);
/// - any number of 3 or more digits next to a word that names a secret (`mật khẩu 123456`, `OTP: 4821`, `CCCD số …`).
public enum PersonalData {
    public static let longestDigitRun = 8
    /// Spaces, punctuation or symbols that may sit between two digits of one number.
    static let gapInsideNumber = 3
    /// A number this long next to a secret's name is taken for the secret.
    static let secretDigits = 3

    public enum Finding: String, Sendable, Equatable { case digitRun, secretNumber }

    public static func finding(in text: String) -> Finding? {
        let scanned = scan(text)
        if scanned.longest > longestDigitRun, scan(withoutDatesAndTimes(text)).longest > longestDigitRun { return .digitRun }
        if scanned.digits >= secretDigits, hasSecretNumber(text) { return .secretNumber }
        return nil
    }

    public static func digitRun(in text: String) -> Int { scan(text).longest }

    public static func looksLikeIdentityNumber(_ text: String) -> Bool { finding(in: text) == .digitRun }

    enum Kind { case digit, letter, other }

    static func kind(_ scalar: Unicode.Scalar) -> Kind {
        switch scalar.value {
        case 0...0x7F: return asciiKind(UInt8(scalar.value))
        case 0xC0...0x24F, 0x1E00...0x1EFF: return .letter
        default:
            let properties = scalar.properties
            if properties.numericType == .decimal || properties.numericType == .digit { return .digit }
            if properties.isAlphabetic || properties.generalCategory == .nonspacingMark { return .letter }
            return .other
        }
    }

    /// Calls `body` with the kind of each scalar of the text and its UTF-8 bytes, read as UTF-8: ASCII, most of any
    /// text, is classified without decoding.
    static func forEachScalar(of text: String, _ body: (Kind, UnsafeBufferPointer<UInt8>) -> Void) {
        var copy = text
        copy.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0x80 {
                    body(asciiKind(lead), UnsafeBufferPointer(rebasing: bytes[index..<index + 1]))
                    index += 1
                    continue
                }
                let length = min(lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2, bytes.count - index)
                var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for offset in 1..<max(length, 1) { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                body(Unicode.Scalar(value).map(kind) ?? .other, UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
                index += length
            }
        }
    }

    /// The kind of an ASCII byte, told without decoding it: most of any text.
    @inline(__always)
    static func asciiKind(_ byte: UInt8) -> Kind {
        switch byte {
        case 0x30...0x39: return .digit
        case 0x41...0x5A, 0x61...0x7A: return .letter
        default: return .other
        }
    }

    /// The longest run of digits (see above), and how many digits the text holds.
    static func scan(_ text: String) -> (longest: Int, digits: Int) {
        var longest = 0, run = 0, gap = 0, digits = 0
        forEachScalar(of: text) { kind, _ in
            switch kind {
            case .digit:
                run = gap > gapInsideNumber ? 1 : run + 1
                gap = 0
                digits += 1
                longest = max(longest, run)
            case .letter:
                run = 0
                gap = 0
            case .other:
                if run > 0 { gap += 1 }
            }
        }
        return (longest, digits)
    }

    /// The text with each calendar date (d/m/yyyy, yyyy-mm-dd, m/yyyy) and clock time (9:30, 9h30, 9g30) replaced by
    /// a letter, so that neither counts as part of a number. Only text that already looks like a secret gets here.
    static func withoutDatesAndTimes(_ text: String) -> String {
        let characters = Array(text)
        var result = ""
        var index = 0
        func isDigit(_ at: Int) -> Bool { characters.indices.contains(at) && characters[at].isASCIIDigit }
        while index < characters.count {
            guard isDigit(index), !isDigit(index - 1) else {
                result.append(characters[index])
                index += 1
                continue
            }
            // A chunk: groups of digits joined by single separators.
            var groups: [String] = []
            var separators: [Character] = []
            var end = index
            while true {
                var group = ""
                while isDigit(end) {
                    group.append(characters[end])
                    end += 1
                }
                groups.append(group)
                guard characters.indices.contains(end), "/.-:hHgG".contains(characters[end]), isDigit(end + 1) else { break }
                separators.append(characters[end])
                end += 1
            }
            result += isDateOrTime(groups, separators) ? "x" : String(characters[index..<end])
            index = end
        }
        return result
    }

    static func isDateOrTime(_ groups: [String], _ separators: [Character]) -> Bool {
        let numbers = groups.compactMap { Int($0) }
        let lengths = groups.map(\.count)
        let dateSeparators: Set<Character> = ["/", ".", "-"]
        func year(_ value: Int) -> Bool { (1900...2099).contains(value) }
        switch (numbers.count, separators.first) {
        case (3, let separator?) where dateSeparators.contains(separator) && separators[1] == separator:
            if lengths[0] <= 2, lengths[1] <= 2, lengths[2] == 4 { return (1...31).contains(numbers[0]) && (1...12).contains(numbers[1]) && year(numbers[2]) }
            if lengths[0] == 4, lengths[1] <= 2, lengths[2] <= 2 { return year(numbers[0]) && (1...12).contains(numbers[1]) && (1...31).contains(numbers[2]) }
            return false
        case (2, let separator?) where dateSeparators.contains(separator):
            return lengths[0] <= 2 && lengths[1] == 4 && (1...12).contains(numbers[0]) && year(numbers[1])
        case (2, let separator?) where ":hHgG".contains(separator):
            return lengths[0] <= 2 && lengths[1] == 2 && (0...23).contains(numbers[0]) && (0...59).contains(numbers[1])
        default:
            return false
        }
    }

    /// Words that name a secret, folded (lower case, no diacritics).
    static let secretNames: [[String]] = [
        ["mat", "khau"], ["mk"], ["mat", "ma"], ["pin"], ["otp"], ["passcode"], ["password"], ["pass"], ["pwd"], ["cccd"], ["cmnd"],
        ["cmt"], ["can", "cuoc"], ["chung", "minh"], ["dinh", "danh"], ["ma", "xac", "thuc"], ["ma", "xac", "nhan"], ["ma", "bao", "mat"],
        ["ma", "kich", "hoat"],
    ]
    /// Words that may stand between a secret's name and the number: "mật khẩu là 123456", "CCCD số …".
    static let linkingWords: Set<String> = ["la", "so", "moi", "cu", "ma", "code", "is"]

    enum Token: Equatable {
        case word(String)
        case number(digits: Int)
    }

    static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var word: [UInt8] = []
        var digits = 0, gap = 0
        func close() {
            if !word.isEmpty { tokens.append(.word(String(decoding: word, as: UTF8.self))) }
            if digits > 0 { tokens.append(.number(digits: digits)) }
            word.removeAll(keepingCapacity: true)
            digits = 0
            gap = 0
        }
        forEachScalar(of: Folding.fold(text)) { kind, bytes in
            switch kind {
            case .digit:
                if !word.isEmpty || gap > gapInsideNumber { close() }
                digits += 1
                gap = 0
            case .letter:
                if digits > 0 { close() }
                word.append(contentsOf: bytes)
            case .other:
                if !word.isEmpty { close() }
                if digits > 0 { gap += 1 }
            }
        }
        close()
        return tokens
    }

    static func hasSecretNumber(_ text: String) -> Bool {
        // Most text with digits names no secret: only then are dates and times taken out and the neighbours looked at.
        guard !secretNames(in: tokens(text)).isEmpty else { return false }
        let tokens = tokens(withoutDatesAndTimes(text))
        func number(from start: Int, step: Int) -> Bool {
            var index = start
            var linking = 0
            while tokens.indices.contains(index) {
                switch tokens[index] {
                case .number(let digits): return digits >= secretDigits
                case .word(let word):
                    guard linkingWords.contains(word), linking < 2 else { return false }
                    linking += 1
                }
                index += step
            }
            return false
        }
        return secretNames(in: tokens).contains { number(from: $0.upperBound, step: 1) || number(from: $0.lowerBound - 1, step: -1) }
    }

    /// The first word of each secret's name: a name can start only at one of them.
    static let firstWords = Set(secretNames.map { $0[0] })

    /// Where each secret's name stands among the tokens.
    static func secretNames(in tokens: [Token]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        for start in tokens.indices {
            guard case .word(let word) = tokens[start], firstWords.contains(word) else { continue }
            for name in secretNames where start + name.count <= tokens.count {
                if (0..<name.count).allSatisfy({ tokens[start + $0] == .word(name[$0]) }) { found.append(start..<start + name.count) }
            }
        }
        return found
    }

    /// A Vietnamese phone number: 10 digits starting with 0, or +84 and 9 digits; spaces and dots allowed.
    public static func normalizedPhone(_ text: String) -> String? {
        var digits = text.filter { !" .-()".contains($0) }
        if digits.hasPrefix("+84") { digits = "0" + digits.dropFirst(3) }
        guard digits.count == 10, digits.hasPrefix("0"), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return digits
    }
}

/// The name a machine gives itself (`init --device-name`), shown with its batches: tidy text of at most 60
/// characters, with the privacy rule of every free-text field.
enum DeviceLabel {
    static let limit = 60

    static func checked(_ raw: String, path: String) throws(EventFormatError) -> String {
        let text = Folding.clean(raw)
        guard !text.isEmpty else { throw EventFormatError(path: path, problem: .invalid(expected: "text")) }
        guard text.count <= limit else { throw EventFormatError(path: path, problem: .tooLong(limit: limit)) }
        switch PersonalData.finding(in: text) {
        case .digitRun?: throw EventFormatError(path: path, problem: .digitRun)
        case .secretNumber?: throw EventFormatError(path: path, problem: .secretNumber)
        case nil: return text
        }
    }
}
