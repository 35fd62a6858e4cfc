import Foundation

/// Every threshold of `tungnha audit` and `tungnha backcheck draw`, in one place, with the defaults the tool uses.
/// A province changes any of them with a JSON file of its own (`--rules FILE`: an object with some of these names;
/// the others keep their defaults); the audit prints the rules it used. docs/audit.md says what each one means.
public struct AuditRules: Sendable, Encodable, Equatable {
    // Speed
    /// The span of time in which households met are counted.
    public var speedWindowMinutes = 60
    /// More households met by one volunteer within the span than this: medium; more than the second: high.
    public var speedHouseholds = 6
    public var speedHouseholdsHigh = 10
    /// Two visits of one volunteer in different villages closer in time than this cannot both be real.
    public var travelMinutes = 10
    /// This many such pairs: high (fewer: medium).
    public var travelPairsHigh = 3

    // Timing
    /// Night runs from this hour (Vietnam time) to the next; visits then are flagged.
    public var nightStartHour = 21
    public var nightEndHour = 6
    /// A volunteer's visits at night: from the first, low; from this many, medium; from the second, high.
    public var nightVisits = 3
    public var nightVisitsHigh = 10
    /// A visit typed in more than this after it happened is entered late.
    public var lateEntryHours = 48
    /// A volunteer's visits entered late: from the first, low; from this many, medium; from the second, high.
    public var lateEntryVisits = 3
    public var lateEntryVisitsHigh = 10
    /// A visit entered after its batch was written, or happening after it was entered, by more than this: a wrong clock.
    public var clockToleranceMinutes = Int(SyncStatus.clockTolerance / 60_000)

    // Answers
    /// A member's ability (account activated, logs in, online procedure) changing this many times, back and forth.
    public var flipChanges = 2
    /// One observation pattern on at least this many households of a volunteer, and this share of their visits.
    public var copiedPatternHouseholds = 10
    public var copiedPatternShare = 0.6
    /// A covered household needs a current member at least this old (by year of birth).
    public var coveredMinimumAge = 14
    /// The same name and year of birth in this many households of a commune: medium; the second: high.
    public var repeatedPersonHouseholds = 3
    public var repeatedPersonHouseholdsHigh = 5

    // Volunteers and communes
    /// A volunteer's share of able members above the rest of the commune's by this many points: medium; the second: high.
    public var ableSharePointsAbove = 25.0
    public var ableSharePointsAboveHigh = 40.0
    /// Both the volunteer and the rest of the commune need this many members observed to be compared.
    public var ableShareMinMembers = 20
    /// Households newly covered in the days before a reporting day, against the weeks before.
    public var jumpDays = 7
    public var jumpWeeksBefore = 4
    /// Gain this many times the usual: medium; the second: high; and at least this many households.
    public var jumpFactor = 3.0
    public var jumpFactorHigh = 5.0
    public var jumpMinHouseholds = 20
    /// Reporting days, YYYY-MM-DD; none given: the last day of every month.
    public var reportDays: [String] = []

    // Back-checks
    /// The share of each volunteer's covered households drawn for a back-check, and at least this many each.
    public var backcheckRate = 0.10
    public var backcheckMinPerVolunteer = 1
    /// A volunteer whose back-checks agreed less often than this, over at least that many compared: high.
    public var backcheckAgreement = 0.8
    public var backcheckMinCompared = 3

    public init() {}

    /// Each rule by the name a rules file uses, with the values it may take.
    enum Rule: Sendable {
        case count(WritableKeyPath<AuditRules, Int> & Sendable, ClosedRange<Int>)
        case number(WritableKeyPath<AuditRules, Double> & Sendable, ClosedRange<Double>)
        case days
    }

    static let rules: [(key: String, value: Rule)] = [
        ("speedWindowMinutes", .count(\.speedWindowMinutes, 1...1440)), ("speedHouseholds", .count(\.speedHouseholds, 1...1000)),
        ("speedHouseholdsHigh", .count(\.speedHouseholdsHigh, 1...1000)), ("travelMinutes", .count(\.travelMinutes, 0...1440)),
        ("travelPairsHigh", .count(\.travelPairsHigh, 1...100_000)), ("nightStartHour", .count(\.nightStartHour, 0...23)),
        ("nightEndHour", .count(\.nightEndHour, 0...23)), ("nightVisits", .count(\.nightVisits, 1...100_000)),
        ("nightVisitsHigh", .count(\.nightVisitsHigh, 1...100_000)), ("lateEntryHours", .count(\.lateEntryHours, 1...8760)),
        ("lateEntryVisits", .count(\.lateEntryVisits, 1...100_000)), ("lateEntryVisitsHigh", .count(\.lateEntryVisitsHigh, 1...100_000)),
        ("clockToleranceMinutes", .count(\.clockToleranceMinutes, 0...1440)), ("flipChanges", .count(\.flipChanges, 2...100)),
        ("copiedPatternHouseholds", .count(\.copiedPatternHouseholds, 2...100_000)), ("copiedPatternShare", .number(\.copiedPatternShare, 0...1)),
        ("coveredMinimumAge", .count(\.coveredMinimumAge, 0...120)), ("repeatedPersonHouseholds", .count(\.repeatedPersonHouseholds, 2...1000)),
        ("repeatedPersonHouseholdsHigh", .count(\.repeatedPersonHouseholdsHigh, 2...1000)),
        ("ableSharePointsAbove", .number(\.ableSharePointsAbove, 0...100)), ("ableSharePointsAboveHigh", .number(\.ableSharePointsAboveHigh, 0...100)),
        ("ableShareMinMembers", .count(\.ableShareMinMembers, 1...1_000_000)), ("jumpDays", .count(\.jumpDays, 1...90)),
        ("jumpWeeksBefore", .count(\.jumpWeeksBefore, 1...52)), ("jumpFactor", .number(\.jumpFactor, 1...1000)),
        ("jumpFactorHigh", .number(\.jumpFactorHigh, 1...1000)), ("jumpMinHouseholds", .count(\.jumpMinHouseholds, 1...1_000_000)),
        ("reportDays", .days), ("backcheckRate", .number(\.backcheckRate, 0.001...1)),
        ("backcheckMinPerVolunteer", .count(\.backcheckMinPerVolunteer, 0...1000)), ("backcheckAgreement", .number(\.backcheckAgreement, 0...1)),
        ("backcheckMinCompared", .count(\.backcheckMinCompared, 1...1000)),
    ]

    /// Every rule as `name=value`, in the order of the list above: what the audit prints.
    public var listed: [(name: String, value: String)] {
        Self.rules.map { name, rule in
            switch rule {
            case .count(let path, _): return (name, String(self[keyPath: path]))
            case .number(let path, _): return (name, Self.format(self[keyPath: path]))
            case .days: return (name, reportDays.isEmpty ? "-" : reportDays.joined(separator: ","))
            }
        }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// The defaults, with what a rules file sets. The file may be crafted: every value is checked and bounded.
    public static func read(file path: String) throws -> AuditRules {
        guard let data = FileManager.default.contents(atPath: path) else { throw AuditError.rulesUnreadable(path: path) }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let value: JSONValue
        do {
            value = try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in try JSONParser.parse(buffer) }
        } catch {
            throw AuditError.rulesNotJSON(path: path)
        }
        return try parse(value, path: path)
    }

    static func parse(_ value: JSONValue, path: String) throws -> AuditRules {
        guard case .object(let object) = value else { throw AuditError.rulesNotJSON(path: path) }
        var rules = AuditRules()
        for member in object.members {
            guard let rule = Self.rules.first(where: { $0.key == member.key })?.value else {
                throw AuditError.unknownRule(path: path, name: String(member.key.prefix(60)), known: Self.rules.map(\.key))
            }
            switch (rule, member.value) {
            case (.count(let key, let range), .int(let number)):
                guard let number = Int(exactly: number), range.contains(number) else {
                    throw AuditError.ruleOutOfRange(path: path, name: member.key, allowed: "\(range.lowerBound)…\(range.upperBound)")
                }
                rules[keyPath: key] = number
            case (.number(let key, let range), .int(let number)) where range.contains(Double(number)):
                rules[keyPath: key] = Double(number)
            case (.number(let key, let range), .double(let number)) where range.contains(number):
                rules[keyPath: key] = number
            case (.number(_, let range), .int), (.number(_, let range), .double):
                throw AuditError.ruleOutOfRange(path: path, name: member.key, allowed: "\(format(range.lowerBound))…\(format(range.upperBound))")
            case (.days, .array(let items)) where items.count <= 366:
                rules.reportDays = try items.map { item in
                    guard case .string(let text) = item, let day = LocalDate(text), day.description == text else {
                        throw AuditError.ruleOutOfRange(path: path, name: member.key, allowed: "YYYY-MM-DD")
                    }
                    return text
                }
            default:
                throw AuditError.ruleOutOfRange(path: path, name: member.key, allowed: Self.expected(rule))
            }
        }
        return rules
    }

    static func expected(_ rule: Rule) -> String {
        switch rule {
        case .count(_, let range): return "\(range.lowerBound)…\(range.upperBound)"
        case .number(_, let range): return "\(format(range.lowerBound))…\(format(range.upperBound))"
        case .days: return "[\"YYYY-MM-DD\", …]"
        }
    }

    /// Whether a Vietnam-time hour falls in the night.
    func isNight(hour: Int) -> Bool {
        nightStartHour > nightEndHour ? hour >= nightStartHour || hour < nightEndHour : hour >= nightStartHour && hour < nightEndHour
    }
}
