import Crypto

/// Something in how visits were recorded that an officer should look at: what kind, how serious, about whom, the
/// figures behind it and the records it rests on. Flags are computed from the events each time; they never change
/// a figure. Only an officer's review of one is recorded (`flag.reviewed`).
public struct AuditFlag: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// More households met by one volunteer within a span of time than is possible.
        case speed
        /// Visits of one volunteer in different villages too close in time.
        case travel
        case night
        /// Visits typed in long after they happened.
        case lateEntry
        /// A device's clock disagrees with its batches.
        case clock
        /// A member's ability observed back and forth.
        case flipFlop
        /// One observation pattern on many households of one volunteer.
        case copiedPattern
        /// A household covered with no member old enough.
        case coveredNoAdult
        /// The same name and year of birth in several households of a commune.
        case repeatedPerson
        /// A volunteer's share of able members far above the rest of the commune's.
        case ableShare
        /// A commune's coverage jumping just before a reporting day.
        case coverageJump
        /// A back-check found an ability the original visit recorded not there.
        case backcheckDisagrees
        /// A volunteer's back-checks agreed too seldom.
        case backcheckAgreement
    }

    public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
        case low, medium, high

        var rank: Int { Severity.allCases.firstIndex(of: self)! }
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// The figures a flag's reason states: what was counted, out of what, against which rule.
    public struct Measure: Sendable, Codable, Equatable {
        public var count: Int
        /// What `count` is out of (visits, members, back-checks compared), when that matters.
        public var total: Int?
        /// A share, a number of minutes, hours or a factor, as the kind says.
        public var value: Double?
        /// What `value` is compared with: the rest of the commune's share, the usual gain.
        public var reference: Double?
        /// The rule's value.
        public var limit: Double
        /// When: the busiest span, the reporting day's window.
        public var from: String?
        public var to: String?
        /// A name the reason needs: an ability, a person's name (only where the household agreed to names).
        public var label: String?

        init(
            count: Int, total: Int? = nil, value: Double? = nil, reference: Double? = nil, limit: Double, from: String? = nil, to: String? = nil,
            label: String? = nil
        ) {
            self.count = count
            self.total = total
            self.value = value
            self.reference = reference
            self.limit = limit
            self.from = from
            self.to = to
            self.label = label
        }
    }

    /// An officer's review of the flag: the latest that counts, and how many records the flag had then.
    public struct Review: Sendable, Codable, Equatable {
        public var event: String
        public var at: String
        public var device: String
        public var note: String
        public var events: Int
        public var reviews: Int
    }

    /// The flag's code: made from its kind and what it is about, so it stays the same as records arrive.
    public var code: String
    public var kind: Kind
    public var severity: Severity
    public var commune: String
    public var scheme: Scheme
    public var volunteer: String?
    public var device: String?
    public var deviceLabel: String?
    public var household: String?
    /// The village, for a flag about the people of one village.
    public var village: String?
    public var member: String?
    public var measure: Measure
    /// The records it rests on ("device:seq"), the first `eventsShown` of them.
    public var events: [String]
    public var eventCount: Int
    public var review: Review?
    /// In words, in the language asked for (filled in by `AuditReport.worded`).
    public var reason: String?

    /// At most this many records are listed with a flag; `eventCount` says how many there are.
    public static let eventsShown = 50

    /// A code from what the flag is about: 10 characters of the household-code alphabet.
    static func code(_ kind: Kind, _ subject: String) -> String {
        let digest = Array(SHA256.hash(data: Array((kind.rawValue + "|" + subject).utf8)))
        var bits: UInt64 = 0
        for byte in digest.prefix(8) { bits = bits << 8 | UInt64(byte) }
        return String((0..<ShortCode.length).map { index in ShortCode.alphabet[Int((bits >> UInt64(59 - 5 * index)) & 31)] })
    }
}

/// What the audit found, with the rules it used.
public struct AuditReport: Sendable, Encodable, Equatable {
    /// Per commune: flags by severity (reviewed ones apart), and back-checks.
    public struct CommuneSummary: Sendable, Codable, Equatable {
        public var commune: String
        public var scheme: Scheme
        public var name: String
        public var high: Int
        public var medium: Int
        public var low: Int
        public var reviewed: Int
        /// Volunteers with a flag of medium or high severity not yet reviewed, most flagged first.
        public var volunteers: [String]
        public var backchecks: Int
        public var backchecksCompared: Int
        public var backchecksAgreed: Int
    }

    /// Per volunteer: back-checks of their visits, and how often they agreed.
    public struct BackcheckAgreement: Sendable, Codable, Equatable {
        public var commune: String
        public var scheme: Scheme
        public var volunteer: String
        public var device: String
        public var deviceLabel: String?
        /// Back-checks of this volunteer's visits; those that could be compared (both met someone, and saw a common member).
        public var backchecks: Int
        public var compared: Int
        public var agreed: Int
        public var rate: Share?
    }

    /// The day the audit was made (Vietnam time).
    public var madeOn: String
    /// Only this device's records: a laptop audits its own.
    public var device: String?
    public var rules: AuditRules
    public var visits: Int
    /// Visits held without an entry time (made before tungnha kept it): their timing is not checked.
    public var visitsWithoutEntryTime: Int
    public var flags: [AuditFlag]
    public var communes: [CommuneSummary]
    public var backchecks: [BackcheckAgreement]
}

/// Refusals of the audit, its rules file, reviews and back-checks; the words are in the catalogue.
public enum AuditError: TungnhaError, Equatable {
    case rulesUnreadable(path: String)
    case rulesNotJSON(path: String)
    case unknownRule(path: String, name: String, known: [String])
    case ruleOutOfRange(path: String, name: String, allowed: String)
    case flagNotFound(code: String)
    case flagAmbiguous(code: String, candidates: [String])
    case flagCodeTooShort(code: String)
    case reviewOnGatheringOnly
    case noteMissing
    case backcheckNotAVisit(record: String)
    case backcheckOfBackcheck(record: String)
    case rateOutOfRange(text: String)
    case unknownCommune(code: String)
}
