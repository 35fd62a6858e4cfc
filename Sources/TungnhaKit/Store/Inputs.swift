import Foundation
import GRDB

public struct HouseholdInput: Sendable {
    public var village: String
    public var headName: String?
    /// The household does not agree to names being kept.
    public var noNames: Bool
    public var address: String?
    public var phone: String?
    public var declaredMembers: Int?
    public var note: String?

    public init(
        village: String, headName: String? = nil, noNames: Bool = false, address: String? = nil, phone: String? = nil,
        declaredMembers: Int? = nil, note: String? = nil
    ) {
        self.village = village
        self.headName = headName
        self.noNames = noNames
        self.address = address
        self.phone = phone
        self.declaredMembers = declaredMembers
        self.note = note
    }
}

public struct MemberInput: Sendable {
    public var name: String?
    public var birthYear: Int
    public var sex: Sex?
    public var relation: String?

    public init(name: String? = nil, birthYear: Int, sex: Sex? = nil, relation: String? = nil) {
        self.name = name
        self.birthYear = birthYear
        self.sex = sex
        self.relation = relation
    }
}

extension Observation {
    /// Reads one `--member CODE:vneid=2,login=yes,dvctt=yes,paid=no,phone=yes` of a visit; `member` is the code as typed.
    /// Keys: vneid (none|pending|1|2), login, dvctt, paid, phone (yes|no, có|không).
    public static func parse(_ text: String) throws -> Observation {
        let parts = text.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw RecordError.observationSyntax(text: text) }
        var result = Observation(member: parts[0])
        for item in parts[1].split(separator: ",") {
            let pair = item.split(separator: "=", maxSplits: 1).map { Folding.fold(String($0)) }
            guard pair.count == 2 else { throw RecordError.observationSyntax(text: text) }
            let key = pair[0], value = pair[1]
            func flag() throws -> Bool {
                switch value {
                case "yes", "y", "co", "1", "true": return true
                case "no", "n", "khong", "0", "false": return false
                default: throw RecordError.observationValue(text: text, key: key)
                }
            }
            switch key {
            case "vneid":
                switch value {
                case "none", "0", "khong": result.vneid = VneidStatus.none
                case "pending", "chua", "chua-kich-hoat": result.vneid = .pending
                case "1", "level1", "muc1": result.vneid = .level1
                case "2", "level2", "muc2": result.vneid = .level2
                default: throw RecordError.observationValue(text: text, key: key)
                }
            case "login": result.login = try flag()
            case "dvctt": result.dvctt = try flag()
            case "paid": result.paidOnline = try flag()
            case "phone", "smartphone": result.smartphone = try flag()
            default: throw RecordError.observationKey(text: text, key: key)
            }
        }
        return result
    }
}

public struct VisitInput: Sendable {
    /// As typed after `--at`; now when nil.
    public var at: String?
    public var outcome: VisitOutcome
    public var consent: Bool?
    /// Who visited; the laptop remembers the last one.
    public var volunteer: String?
    public var help: [Help]
    public var procedure: String?
    /// The day to come back: today or later.
    public var followUp: LocalDate?
    public var note: String?
    /// What was seen of each member met; `member` is the code (or a prefix of it) as typed.
    public var observations: [Observation]
    /// A visit recorded wrongly that this one replaces.
    public var corrects: String?
    /// The visit this one checks again (a back-check), as typed: "a943c319:57".
    public var backcheckOf: String?

    public init(
        at: String? = nil, outcome: VisitOutcome, consent: Bool? = nil, volunteer: String? = nil, help: [Help] = [],
        procedure: String? = nil, followUp: LocalDate? = nil, note: String? = nil, observations: [Observation] = [],
        corrects: String? = nil, backcheckOf: String? = nil
    ) {
        self.backcheckOf = backcheckOf
        self.at = at
        self.outcome = outcome
        self.consent = consent
        self.volunteer = volunteer
        self.help = help
        self.procedure = procedure
        self.followUp = followUp
        self.note = note
        self.observations = observations
        self.corrects = corrects
    }
}

/// The edits `household edit` can make; an empty text clears a field.
public struct HouseholdChanges: Sendable {
    public var village: String?
    public var headName: String?
    public var address: String?
    public var phone: String?
    public var declaredMembers: Int?
    public var note: String?
    public var consent: Bool?

    public init(
        village: String? = nil, headName: String? = nil, address: String? = nil, phone: String? = nil, declaredMembers: Int? = nil,
        note: String? = nil, consent: Bool? = nil
    ) {
        self.consent = consent
        self.village = village
        self.headName = headName
        self.address = address
        self.phone = phone
        self.declaredMembers = declaredMembers
        self.note = note
    }
}

public struct MemberChanges: Sendable {
    public var name: String?
    public var birthYear: Int?
    public var sex: Sex?
    public var relation: String?
    public var status: MemberStatus?

    public init(name: String? = nil, birthYear: Int? = nil, sex: Sex? = nil, relation: String? = nil, status: MemberStatus? = nil) {
        self.name = name
        self.birthYear = birthYear
        self.sex = sex
        self.relation = relation
        self.status = status
    }
}

/// A new event before it has an id, a sequence number and a time.
struct Draft {
    var household: String?
    var member: String?
    var commune: CommuneRef
    var at: Moment?
    var body: EventBody
}
