import Foundation

/// Vietnamese text as stored (NFC, tidy spaces) and as compared (folded).
public enum Folding {
    /// NFC, trimmed, every run of white space (line breaks included) made one space.
    public static func clean(_ text: String) -> String {
        if isClean(text) { return text }
        let collapsed = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return nfc(collapsed)
    }

    /// Already tidy: no white space but single inner spaces, and only letters that are NFC as they stand
    /// (ASCII, Latin-1, Latin Extended and the precomposed Vietnamese letters U+1E00–U+1EFF).
    static func isClean(_ text: String) -> Bool {
        var previousSpace = true
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x20 {
                if previousSpace { return false }
                previousSpace = true
                continue
            }
            previousSpace = false
            if value < 0x20 || (0x7F...0xA0).contains(value) { return false }
            if value >= 0x0250, !(0x1E00...0x1EFF).contains(value), !(0x2010...0x2027).contains(value) { return false }
        }
        return !previousSpace || text.isEmpty
    }

    public static func nfc(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    /// Lower case without diacritics, `đ` as `d`, spaces collapsed: "Đặng Thị Hoà" → "dang thi hoa".
    /// Tone marks sit on different vowels in different sources ("Hoà"/"Hòa"); both fold alike.
    /// A syllable whose only vowel is i or y is spelt both ways ("Lí"/"Lý", "Phủ Lí"/"Phủ Lý"): see `foldIY`.
    public static func fold(_ text: String) -> String {
        if let quick = foldPrecomposed(text) { return quick }
        var bytes = Array(foldDecomposed(text).utf8)
        foldIY(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func foldDecomposed(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        let source = text.utf8.allSatisfy({ $0 < 0x80 }) ? text : text.decomposedStringWithCanonicalMapping
        for scalar in source.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if isCombiningMark(scalar) { continue }
            if pendingSpace {
                scalars.append(" ")
                pendingSpace = false
            }
            switch scalar.value {
            case 0x0110, 0x0111: scalars.append("d")
            case 0x41...0x5A: scalars.append(Unicode.Scalar(scalar.value + 0x20)!)
            case 0x00...0x7F: scalars.append(scalar)
            default: scalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
        return String(scalars)
    }

    /// The folded letter of every precomposed Latin letter (U+00C0–U+024F, U+1E00–U+1EFF), worked out once and
    /// indexed by code point up to U+1EFF (0: none): a table rather than a dictionary, since every letter of every
    /// name is looked up.
    static let baseLetters: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0x1F00)
        table[0x0110] = UInt8(ascii: "d")
        table[0x0111] = UInt8(ascii: "d")
        for value in Array(UInt32(0x00C0)...0x024F) + Array(UInt32(0x1E00)...0x1EFF) {
            guard let scalar = Unicode.Scalar(value), table[Int(value)] == 0 else { continue }
            let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first!
            if base.isASCII, base.properties.isAlphabetic { table[Int(value)] = UInt8(base.value | 0x20) }
        }
        return table
    }()

    /// Folds text made only of ASCII and precomposed Latin letters (nearly all Vietnamese as stored)
    /// without Foundation's decomposition; nil when some other character needs the full way.
    static func foldPrecomposed(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            var byte: UInt8
            if value < 0x80 {
                byte = UInt8(value)
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    pendingSpace = !bytes.isEmpty
                    continue
                }
                if (0x41...0x5A).contains(byte) { byte |= 0x20 }
            } else if value < 0x1F00, case let base = baseLetters[Int(value)], base != 0 {
                byte = base
            } else {
                return nil
            }
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            bytes.append(byte)
        }
        foldIY(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Consonants a Vietnamese syllable may start with (folded: `đ` is `d`).
    static let onsets: Set<[UInt8]> = Set(
        ["b", "c", "ch", "d", "g", "gh", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p", "ph", "r", "s", "t", "th", "tr", "v", "x"]
            .map { Array($0.utf8) })

    /// `onsets`, each packed into a number: most words of a name or an address are looked up, and an array made of
    /// each was most of the cost.
    static let packedOnsets = Set(onsets.map(pack))

    static func pack(_ letters: some Collection<UInt8>) -> UInt32 { letters.reduce(0) { $0 << 8 | UInt32($1) } }

    static func isOnset(_ letters: ArraySlice<UInt8>) -> Bool { letters.count <= 3 && packedOnsets.contains(pack(letters)) }

    /// A word that is a consonant and then i or y alone ("li"/"ly", "ki"/"ky", "thi"/"thy") folds to i; after "qu" to y
    /// ("qui"/"quy"), so that "quy" typed still finds "quyen". Diphthongs ("hay"/"hai", "huy"/"hui") stay apart;
    /// a query that stops inside a word ("li" of "linh") still matches, because i is what stays.
    static func foldIY(_ bytes: inout [UInt8]) {
        var start = 0
        var index = 0
        func isLetter(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) || byte >= 0x80 }
        while index <= bytes.count {
            if index < bytes.count, isLetter(bytes[index]) {
                index += 1
                continue
            }
            let length = index - start
            if length >= 2, length <= 4 {
                let last = bytes[index - 1]
                if last == UInt8(ascii: "y") || last == UInt8(ascii: "i") {
                    let onset = bytes[start..<(index - 1)]
                    if onset.elementsEqual("qu".utf8) {
                        bytes[index - 1] = UInt8(ascii: "y")
                    } else if last == UInt8(ascii: "y"), isOnset(onset) {
                        bytes[index - 1] = UInt8(ascii: "i")
                    }
                }
            }
            index += 1
            start = index
        }
    }

    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: return true
        default: return false
        }
    }

    /// Edit distance between two folded texts, for "did you mean" suggestions.
    public static func distance(_ left: String, _ right: String) -> Int {
        let a = Array(left.unicodeScalars), b = Array(right.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
