/// One immutable change, made on one device. Households, members and coverage are derived from these.
/// An event is named by its device and its place in that device's sequence: its `id` ("device:seq") is what
/// voids, corrections and changes refer to, and no two events share it.
public struct Event: Sendable, Equatable {
    /// The device that made it.
    public private(set) var device: String
    /// 1, 2, 3… per device, without gaps.
    public private(set) var seq: Int64
    /// "device:seq", made once.
    public private(set) var id: String
    /// When it happened, with the UTC offset it was written with.
    public var at: Moment
    /// When it was typed in on the device that made it (for a visit, `at` may be hours or days earlier). Every
    /// event a batch carries has it; nil only for events a store held before the field existed (none were sent).
    public var entered: Moment?
    public var commune: CommuneRef
    /// The household it is about, if any.
    public var household: String?
    /// The member it is about, if any.
    public var member: String?
    /// Set on an event a laptop re-sent under a new device id (`sync reissue`): the id it had before.
    public var reissueOf: String?
    public var body: EventBody

    public init(
        device: String, seq: Int64, at: Moment, entered: Moment? = nil, commune: CommuneRef, household: String? = nil, member: String? = nil,
        reissueOf: String? = nil, body: EventBody
    ) {
        self.device = device
        self.seq = seq
        id = EventRef.text(device: device, seq: seq)
        self.at = at
        self.entered = entered
        self.commune = commune
        self.household = household
        self.member = member
        self.reissueOf = reissueOf
        self.body = body
    }

    public var kind: EventKind { body.kind }
    public var order: OrderKey { OrderKey(millis: at.millis, device: device, seq: seq) }

    /// The same event under another device and sequence number (when a laptop re-sends what a copy of it lost).
    func renumbered(device: String, seq: Int64) -> Event {
        var copy = self
        copy.device = device
        copy.seq = seq
        copy.id = EventRef.text(device: device, seq: seq)
        return copy
    }
}

/// The one order in which events are folded, whatever order they arrived in: time, then device, then sequence.
public struct OrderKey: Sendable, Hashable, Comparable {
    public var millis: Int64
    public var device: String
    public var seq: Int64

    public static func < (lhs: OrderKey, rhs: OrderKey) -> Bool {
        if lhs.millis != rhs.millis { return lhs.millis < rhs.millis }
        if lhs.device != rhs.device { return lhs.device < rhs.device }
        return lhs.seq < rhs.seq
    }
}

public enum EventKind: String, Sendable, CaseIterable, Codable {
    case villageAdded = "village.added"
    case villageChanged = "village.changed"
    case householdRegistered = "household.registered"
    case householdChanged = "household.changed"
    case householdMerged = "household.merged"
    case memberAdded = "member.added"
    case memberChanged = "member.changed"
    case visitRecorded = "visit.recorded"
    case eventVoided = "event.voided"
    case eventCorrected = "event.corrected"
    case deviceCopied = "device.copied"
    case flagReviewed = "flag.reviewed"

    /// The kind a batch names: found by hashing once, where `init(rawValue:)` compares with every name in turn.
    static func named(_ name: String) -> EventKind? { byName[name] }
    private static let byName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

    var needsHousehold: Bool {
        switch self {
        case .villageAdded, .villageChanged, .eventVoided, .eventCorrected, .deviceCopied, .flagReviewed: return false
        default: return true
        }
    }

    /// Kinds about no household at all: they never reach a household's fold.
    var forbidsHousehold: Bool { self == .deviceCopied || self == .flagReviewed }

    var needsMember: Bool { self == .memberAdded || self == .memberChanged }

    /// Kinds whose content a later `event.corrected` may replace.
    public var isCorrectable: Bool {
        [.householdRegistered, .memberAdded, .visitRecorded].contains(self)
    }
}

public indirect enum EventBody: Sendable, Equatable {
    case villageAdded(VillageData)
    case villageChanged(VillageData)
    case householdRegistered(HouseholdData)
    case householdChanged(FieldChange<HouseholdField>)
    case householdMerged(into: String)
    case memberAdded(MemberData)
    case memberChanged(FieldChange<MemberField>)
    case visitRecorded(VisitData)
    case eventVoided(target: String, reason: String?)
    case eventCorrected(target: String, replacement: EventBody)
    case deviceCopied(DeviceCopy)
    case flagReviewed(FlagReview)

    public var kind: EventKind {
        switch self {
        case .villageAdded: return .villageAdded
        case .villageChanged: return .villageChanged
        case .householdRegistered: return .householdRegistered
        case .householdChanged: return .householdChanged
        case .householdMerged: return .householdMerged
        case .memberAdded: return .memberAdded
        case .memberChanged: return .memberChanged
        case .visitRecorded: return .visitRecorded
        case .eventVoided: return .eventVoided
        case .eventCorrected: return .eventCorrected
        case .deviceCopied: return .deviceCopied
        case .flagReviewed: return .flagReviewed
        }
    }
}

/// A device whose store began as a copy of another device's store (restored from a backup, copied by hand, or
/// taken on after two machines wrote under one id): the district learns that it continues `source`.
public struct DeviceCopy: Sendable, Equatable {
    public enum How: String, Sendable, CaseIterable, Codable {
        /// `tungnha restore` of a backup.
        case restore
        /// A store copied by hand, found on its first run.
        case copy
        /// Two machines wrote under one id; this one took a new id and re-sent what the district lacked.
        case fork
    }

    /// The device id the store had before.
    public var source: String
    /// The highest sequence number of `source` the store held then.
    public var sourceSeq: Int64
    public var how: How

    public init(source: String, sourceSeq: Int64, how: How) {
        self.source = source
        self.sourceSeq = sourceSeq
        self.how = how
    }
}

public struct VillageData: Sendable, Equatable {
    /// Thôn, bản, ấp or tổ dân phố, as the commune writes it.
    public var name: String
    /// For a pre-2025 commune split by the reform: the 2025 commune this village went to.
    public var newCommune: String?

    public init(name: String, newCommune: String? = nil) {
        self.name = name
        self.newCommune = newCommune
    }
}

public struct HouseholdData: Sendable, Equatable {
    public var village: String
    public var headName: String?
    public var address: String?
    public var phone: String?
    public var declaredMembers: Int?
    public var note: String?
    /// The household agrees that names are kept.
    public var consent: Bool

    public init(
        village: String, headName: String?, address: String?, phone: String?, declaredMembers: Int?, note: String?,
        consent: Bool
    ) {
        self.village = village
        self.headName = headName
        self.address = address
        self.phone = phone
        self.declaredMembers = declaredMembers
        self.note = note
        self.consent = consent
    }

    public var fields: [HouseholdField: FieldValue] { Dictionary(uniqueKeysWithValues: fieldList) }

    /// The same, as a list: folding reads every registration, and a dictionary of each was made only to be read once.
    var fieldList: [(key: HouseholdField, value: FieldValue)] {
        [
            (.village, .text(village)), (.headName, headName.map(FieldValue.text) ?? .none),
            (.address, address.map(FieldValue.text) ?? .none), (.phone, phone.map(FieldValue.text) ?? .none),
            (.declaredMembers, declaredMembers.map(FieldValue.number) ?? .none),
            (.note, note.map(FieldValue.text) ?? .none), (.consent, .flag(consent)),
        ]
    }
}

public enum Sex: String, Sendable, CaseIterable, Codable { case male, female }

public enum MemberStatus: String, Sendable, CaseIterable, Codable {
    /// Lives in the household.
    case present
    case moved
    case died
}

public struct MemberData: Sendable, Equatable {
    public var name: String?
    public var birthYear: Int
    public var sex: Sex?
    public var relation: String?

    public init(name: String?, birthYear: Int, sex: Sex?, relation: String?) {
        self.name = name
        self.birthYear = birthYear
        self.sex = sex
        self.relation = relation
    }

    public var fields: [MemberField: FieldValue] { Dictionary(uniqueKeysWithValues: fieldList) }

    /// The same, as a list (see `HouseholdData.fieldList`).
    var fieldList: [(key: MemberField, value: FieldValue)] {
        [
            (.name, name.map(FieldValue.text) ?? .none), (.birthYear, .number(birthYear)),
            (.sex, sex.map { FieldValue.text($0.rawValue) } ?? .none),
            (.relation, relation.map(FieldValue.text) ?? .none), (.status, .text(MemberStatus.present.rawValue)),
        ]
    }
}

public enum VisitOutcome: String, Sendable, CaseIterable, Codable {
    /// Someone was met.
    case met
    /// Nobody at home.
    case absent
    /// The household did not want help.
    case refused
    /// The household no longer lives there.
    case moved
}

public enum Help: String, Sendable, CaseIterable, Codable {
    case installedVneid = "installed-vneid"
    case activatedAccount = "activated-account"
    case guidedLogin = "guided-login"
    case guidedProcedure = "guided-procedure"
    case guidedPayment = "guided-payment"
}

/// VNeID account as observed: none, registered but not yet activated, level 1 or level 2 activated.
public enum VneidStatus: String, Sendable, CaseIterable, Codable {
    case none
    case pending
    case level1
    case level2

    public var isActivated: Bool { self == .level1 || self == .level2 }
}

/// What a volunteer saw of one member during a visit; nil means not checked this time.
public struct Observation: Sendable, Equatable {
    public var member: String
    public var vneid: VneidStatus?
    public var login: Bool?
    public var dvctt: Bool?
    public var paidOnline: Bool?
    public var smartphone: Bool?

    public init(
        member: String, vneid: VneidStatus? = nil, login: Bool? = nil, dvctt: Bool? = nil, paidOnline: Bool? = nil,
        smartphone: Bool? = nil
    ) {
        self.member = member
        self.vneid = vneid
        self.login = login
        self.dvctt = dvctt
        self.paidOnline = paidOnline
        self.smartphone = smartphone
    }
}

public struct VisitData: Sendable, Equatable {
    /// Set on a supervisor's re-visit of a sample (`tungnha backcheck draw`): the visit it checks again ("device:seq").
    /// It counts like any visit; the audit compares the two.
    public var backcheckOf: String?
    public var volunteer: String
    public var outcome: VisitOutcome
    /// Set when the household was asked whether names may be kept.
    public var consent: Bool?
    /// Earlier consent settings this answer replaces.
    public var replaces: [String]
    public var help: [Help]
    public var procedure: String?
    public var followUp: LocalDate?
    public var note: String?
    public var observations: [Observation]

    public init(
        volunteer: String, outcome: VisitOutcome, consent: Bool? = nil, replaces: [String] = [], help: [Help] = [],
        procedure: String? = nil, followUp: LocalDate? = nil, note: String? = nil, observations: [Observation] = [],
        backcheckOf: String? = nil
    ) {
        self.backcheckOf = backcheckOf
        self.volunteer = volunteer
        self.outcome = outcome
        self.consent = consent
        self.replaces = replaces.sorted()
        self.help = help
        self.procedure = procedure
        self.followUp = followUp
        self.note = note
        self.observations = observations
    }
}
