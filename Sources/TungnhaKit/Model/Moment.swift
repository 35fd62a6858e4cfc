import Foundation

/// A calendar day, as volunteers write it ("2026-11-20" or "20/11/2026").
public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...9999).contains(year), (1...12).contains(month),
            (1...LocalDate.days(inMonth: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Accepts `YYYY-MM-DD` and `DD/MM/YYYY`; nil when the text is not a real day.
    public init?(_ text: String) {
        // The form batch files use, read without Foundation: YYYY-MM-DD.
        let utf8 = Array(text.utf8)
        if utf8.count == 10, utf8[4] == 0x2D, utf8[7] == 0x2D {
            var numbers = [0, 0, 0]
            for (index, range) in [0..<4, 5..<7, 8..<10].enumerated() {
                for byte in utf8[range] {
                    guard (0x30...0x39).contains(byte) else { return nil }
                    numbers[index] = numbers[index] * 10 + Int(byte - 0x30)
                }
            }
            self.init(year: numbers[0], month: numbers[1], day: numbers[2])
            return
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let numbers: [Int]
        if trimmed.contains("/") {
            let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[2].count == 4, parts.allSatisfy({ (1...4).contains($0.count) }) else { return nil }
            numbers = [parts[2], parts[1], parts[0]].compactMap { Int($0) }
        } else {
            let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2 else { return nil }
            numbers = parts.compactMap { Int($0) }
        }
        guard numbers.count == 3, numbers.allSatisfy({ $0 >= 0 }) else { return nil }
        self.init(year: numbers[0], month: numbers[1], day: numbers[2])
    }

    public static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian).
    public var daysSinceEpoch: Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(daysSinceEpoch days: Int64) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = Int(yoe + era * 400 + (m <= 2 ? 1 : 0))
        self.month = Int(m)
        self.day = Int(d)
    }

    public func adding(days: Int) -> LocalDate { LocalDate(daysSinceEpoch: daysSinceEpoch + Int64(days)) }

    /// The first millisecond of this day in Vietnam.
    public var startMillis: Int64 { daysSinceEpoch * 86_400_000 - Int64(Moment.vietnamOffsetMinutes) * 60_000 }

    /// The last millisecond of this day in Vietnam.
    public var endMillis: Int64 { (daysSinceEpoch + 1) * 86_400_000 - Int64(Moment.vietnamOffsetMinutes) * 60_000 - 1 }

    public var description: String {
        var bytes = [UInt8](repeating: 0x2D, count: 10)
        bytes.withUnsafeMutableBufferPointer { text in
            digits(year, 4, into: text, at: 0)
            digits(month, 2, into: text, at: 5)
            digits(day, 2, into: text, at: 8)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// "20/11/2026", as Vietnamese documents write dates.
    public var vietnamese: String { pad(day, 2) + "/" + pad(month, 2) + "/" + pad(year, 4) }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// An instant with the UTC offset it was written with: `2026-11-20T09:15:00+07:00`.
public struct Moment: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Vietnam keeps one time zone and no summer time.
    public static let vietnamOffsetMinutes = 7 * 60

    public let millis: Int64
    public let offsetMinutes: Int

    public init(millis: Int64, offsetMinutes: Int = Moment.vietnamOffsetMinutes) {
        self.millis = millis
        self.offsetMinutes = offsetMinutes
    }

    public init(_ date: Date, offsetMinutes: Int = Moment.vietnamOffsetMinutes) {
        self.init(millis: Int64((date.timeIntervalSince1970 * 1000).rounded(.down)), offsetMinutes: offsetMinutes)
    }

    public var date: Date { Date(timeIntervalSince1970: Double(millis) / 1000) }

    /// The day this moment falls on, in Vietnam.
    public var vietnamDate: LocalDate { LocalDate(daysSinceEpoch: vietnamDay) }

    /// The same day as days since 1970-01-01.
    public var vietnamDay: Int64 {
        let local = millis + Int64(Moment.vietnamOffsetMinutes) * 60_000
        return local >= 0 ? local / 86_400_000 : (local - 86_399_999) / 86_400_000
    }

    public static func < (lhs: Moment, rhs: Moment) -> Bool { lhs.millis < rhs.millis }

    private struct Fields {
        var date: LocalDate
        var hour: Int, minute: Int, second: Int, millisecond: Int
        var offsetMinutes: Int
        var millis: Int64 {
            date.daysSinceEpoch * 86_400_000 + Int64(hour * 3_600_000 + minute * 60_000 + second * 1000 + millisecond)
                - Int64(offsetMinutes) * 60_000
        }
    }

    /// Strict RFC 3339, as in batch files: `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`.
    public init?(rfc3339 text: String) {
        var copy = text
        guard let fields = copy.withUTF8(Self.rfc3339Fields) else { return nil }
        self.init(millis: fields.millis, offsetMinutes: fields.offsetMinutes)
    }

    private static func rfc3339Fields(_ bytes: UnsafeBufferPointer<UInt8>) -> Fields? {
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<start + count] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard bytes.count >= 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54 || bytes[10] == 0x74,
            bytes[13] == 0x3A, bytes[16] == 0x3A,
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
            let date = LocalDate(year: year, month: month, day: day), hour < 24, minute < 60, second < 60
        else { return nil }
        var index = 19
        var millisecond = 0
        if bytes[index] == 0x2E {
            index += 1
            let start = index
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
            let digits = index - start
            guard (1...9).contains(digits) else { return nil }
            let fraction = number(start, min(digits, 3))!
            millisecond = fraction * [100, 10, 1][min(digits, 3) - 1]
        }
        guard index < bytes.count else { return nil }
        let offset: Int
        if bytes[index] == 0x5A || bytes[index] == 0x7A {
            guard index + 1 == bytes.count else { return nil }
            offset = 0
        } else {
            guard index + 6 == bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D, bytes[index + 3] == 0x3A,
                let hours = number(index + 1, 2), let minutes = number(index + 4, 2), hours <= 14, minutes < 60
            else { return nil }
            offset = (hours * 60 + minutes) * (bytes[index] == 0x2D ? -1 : 1)
        }
        return Fields(date: date, hour: hour, minute: minute, second: second, millisecond: millisecond, offsetMinutes: offset)
    }

    /// What a volunteer types after `--at`: `2026-11-20 09:30`, `2026-11-20T09:30:00+07:00`,
    /// `20/11/2026 09:30`, or a day alone (taken as 12:00). Vietnam time unless an offset is given.
    public init?(userInput text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let exact = Moment(rfc3339: trimmed) {
            self = exact
            return
        }
        let parts = trimmed.split(whereSeparator: { $0 == " " || $0 == "T" || $0 == "t" }).map(String.init)
        guard (1...2).contains(parts.count), let date = LocalDate(parts[0]) else { return nil }
        var hour = 12, minute = 0, second = 0
        var offset = Moment.vietnamOffsetMinutes
        if parts.count == 2 {
            var clock = parts[1]
            if let sign = clock.lastIndex(where: { $0 == "+" || $0 == "-" }) {
                let zone = clock[sign...]
                let pieces = zone.dropFirst().split(separator: ":")
                guard pieces.count == 2, let hours = Int(pieces[0]), let minutes = Int(pieces[1]), hours <= 14, minutes < 60
                else { return nil }
                offset = (hours * 60 + minutes) * (zone.first == "-" ? -1 : 1)
                clock = String(clock[..<sign])
            }
            let pieces = clock.split(separator: ":", omittingEmptySubsequences: false)
            guard (2...3).contains(pieces.count), pieces.allSatisfy({ (1...2).contains($0.count) }),
                let h = Int(pieces[0]), let m = Int(pieces[1]), h < 24, m < 60
            else { return nil }
            hour = h
            minute = m
            if pieces.count == 3 {
                guard let s = Int(pieces[2]), s < 60 else { return nil }
                second = s
            }
        }
        let fields = Fields(date: date, hour: hour, minute: minute, second: second, millisecond: 0, offsetMinutes: offset)
        self.init(millis: fields.millis, offsetMinutes: offset)
    }

    /// RFC 3339 with this moment's own offset; milliseconds only when there are some.
    public var rfc3339: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(29)
        writeRFC3339(into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `rfc3339` to `out`, byte by byte: a merge writes millions of these into canonical lines.
    func writeRFC3339(into out: inout [UInt8]) {
        let local = millis + Int64(offsetMinutes) * 60_000
        let days = local >= 0 ? local / 86_400_000 : (local - 86_399_999) / 86_400_000
        let inDay = Int(local - days * 86_400_000)
        let date = LocalDate(daysSinceEpoch: days)
        // Written into a buffer on the stack, then appended once: the longest form has 29 bytes.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { text in
            func put(_ value: Int, _ width: Int, at offset: Int) { digits(value, width, into: text, at: offset) }
            put(date.year, 4, at: 0)
            text[4] = 0x2D
            put(date.month, 2, at: 5)
            text[7] = 0x2D
            put(date.day, 2, at: 8)
            text[10] = UInt8(ascii: "T")
            put(inDay / 3_600_000, 2, at: 11)
            text[13] = 0x3A
            put(inDay / 60_000 % 60, 2, at: 14)
            text[16] = 0x3A
            put(inDay / 1000 % 60, 2, at: 17)
            var count = 19
            if inDay % 1000 != 0 {
                text[19] = UInt8(ascii: ".")
                put(inDay % 1000, 3, at: 20)
                count = 23
            }
            if offsetMinutes == 0 {
                text[count] = UInt8(ascii: "Z")
                count += 1
            } else {
                let size = abs(offsetMinutes)
                text[count] = offsetMinutes < 0 ? 0x2D : 0x2B
                put(size / 60, 2, at: count + 1)
                text[count + 3] = 0x3A
                put(size % 60, 2, at: count + 4)
                count += 6
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[..<count]))
        }
    }

    public var description: String { rfc3339 }

    /// "20/11/2026 09:15", in Vietnam time, for people.
    public var display: String {
        let vietnam = Moment(millis: millis)
        let text = vietnam.rfc3339
        let date = vietnam.vietnamDate
        let clock = text.dropFirst(11).prefix(5)
        return "\(date.vietnamese) \(clock)"
    }
}

/// Zero-padded decimal: `pad(7, 2)` is "07".
func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

/// Writes `value` as `width` decimal digits at `offset`.
func digits(_ value: Int, _ width: Int, into bytes: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
    var rest = value
    for position in stride(from: offset + width - 1, through: offset, by: -1) {
        bytes[position] = UInt8(0x30 + rest % 10)
        rest /= 10
    }
}
