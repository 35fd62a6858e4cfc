/// What commands show and print as JSON. Field names are stable: scripts depend on them.
public struct VillageView: Sendable, Codable, Equatable {
    public var name: String
    public var commune: String
    public var scheme: Scheme
    /// For a village of a pre-2025 commune split by the reform: the 2025 commune it went to.
    public var newCommune: String?
    public var households: Int
}

public struct HouseholdSummary: Sendable, Codable, Equatable {
    public var code: String
    /// The code as shown: the shortest unique prefix of at least 6 characters.
    public var shortCode: String
    public var commune: String
    public var scheme: Scheme
    public var village: String
    /// Only when the household consents to names being kept.
    public var headName: String?
    public var address: String?
    public var covered: Bool
    public var members: Int
    public var visits: Int
    public var lastVisit: String?
    public var followUp: String?
    public var mergedInto: String?
    public var moved: Bool
    /// The head's name and phone from the commune's register imported on this machine, before the household
    /// agreed to names being kept: shown here, never sent.
    public var registerName: String? = nil
    public var registerPhone: String? = nil
}

public struct MemberView: Sendable, Codable, Equatable {
    public var code: String
    public var shortCode: String
    public var household: String
    public var name: String?
    public var birthYear: Int
    public var sex: Sex?
    public var relation: String?
    public var status: MemberStatus
    public var vneid: VneidStatus?
    public var login: Bool?
    public var dvctt: Bool?
    public var paidOnline: Bool?
    public var smartphone: Bool?
    public var able: Bool
    public var observedAt: String?
}

public struct VisitView: Sendable, Codable, Equatable {
    public var event: String
    public var household: String
    public var at: String
    public var volunteer: String
    public var outcome: VisitOutcome
    public var help: [Help]
    public var procedure: String?
    public var followUp: String?
    public var note: String?
    public var observed: Int
}

public struct ConflictView: Sendable, Codable, Equatable {
    public struct Candidate: Sendable, Codable, Equatable {
        public var event: String
        public var device: String
        public var deviceLabel: String?
        public var at: String
        public var value: String?
    }

    public var entity: FieldConflict.Entity
    public var code: String
    public var household: String
    public var field: String
    public var chosen: String?
    public var candidates: [Candidate]
}

public struct HouseholdDetail: Sendable, Codable, Equatable {
    public var household: HouseholdSummary
    public var phone: String?
    public var note: String?
    public var consent: Bool
    public var declaredMembers: Int?
    public var registeredAt: String
    public var closestMember: String?
    public var gaps: [CoverageRule.Gap]
    public var members: [MemberView]
    public var visits: [VisitView]
    public var mergedFrom: [String]
    public var conflicts: [ConflictView]
}

public struct EventView: Sendable, Codable, Equatable {
    public var id: String
    public var type: EventKind
    public var at: String
    public var device: String
    public var seq: Int64
    public var member: String?
    public var voided: Bool
    /// The household the record is about.
    public var household: String? = nil
    /// What the record set, field by field (`household history`).
    public var details: [RecordDetail]? = nil
}

/// One thing a record set: a field of the format and its value as the format writes it.
public struct RecordDetail: Sendable, Codable, Equatable {
    /// `village`, `headName`, `outcome`, `observation`, `target`…
    public var field: String
    /// Nil when the record cleared the field, or when the value is withheld.
    public var value: String?
    /// The member an observation is about.
    public var member: String? = nil
    /// A name or phone of a household that has not agreed to names being kept: not shown.
    public var withheld: Bool? = nil
}
