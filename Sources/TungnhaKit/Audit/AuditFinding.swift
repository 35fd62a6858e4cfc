/// A flag as a check finds it, before its records are named and its subject put in words: `Audit` turns findings
/// into `AuditFlag`s.
struct AuditFinding {
    var kind: AuditFlag.Kind
    var severity: AuditFlag.Severity
    /// What the flag is about, as its code is made from (a device and volunteer, a household, a member…).
    var subject: String
    var commune: CommuneRef
    var volunteer: UInt32? = nil
    var deviceKey: Int64? = nil
    var household: String? = nil
    var village: String? = nil
    var member: String? = nil
    var measure: AuditFlag.Measure
    /// The records behind it, in the order to show them; `eventCount` counts all of them.
    var rowids: [UInt32]
    /// Records already named ("device:seq"), for checks that read the derived rows rather than the log.
    var events: [String]? = nil
    var eventCount: Int

    init(
        _ kind: AuditFlag.Kind, _ severity: AuditFlag.Severity, subject: String, commune: CommuneRef, measure: AuditFlag.Measure,
        rowids: [UInt32], eventCount: Int? = nil
    ) {
        self.kind = kind
        self.severity = severity
        self.subject = subject
        self.commune = commune
        self.measure = measure
        self.rowids = Array(rowids.prefix(AuditFlag.eventsShown))
        self.eventCount = eventCount ?? rowids.count
    }
}

/// What the checks share: the visits read, the rules, and how a volunteer is named in a flag's code.
struct AuditContext {
    var input: AuditInput
    let rules: AuditRules
    /// Device ids by the number the log knows them by.
    let devices: [Int64: String]

    /// "device id|folded name": the same volunteer on the same device, whatever the spelling.
    func subject(volunteer index: UInt32) -> String {
        let volunteer = input.volunteers[Int(index)]
        return (devices[volunteer.device] ?? String(volunteer.device)) + "|" + Folding.fold(volunteer.name)
    }

    func commune(volunteer index: UInt32) -> CommuneRef { input.communes[input.volunteers[Int(index)].commune] }

    /// A finding about one volunteer.
    func finding(
        _ kind: AuditFlag.Kind, _ severity: AuditFlag.Severity, volunteer: UInt32, measure: AuditFlag.Measure, rowids: [UInt32],
        eventCount: Int? = nil
    ) -> AuditFinding {
        var finding = AuditFinding(
            kind, severity, subject: subject(volunteer: volunteer), commune: commune(volunteer: volunteer), measure: measure, rowids: rowids,
            eventCount: eventCount)
        finding.volunteer = volunteer
        finding.deviceKey = input.volunteers[Int(volunteer)].device
        return finding
    }

    /// Severity by tiers: from `medium` on, medium; from `high` on, high; below, low (or nothing when `low` is false).
    static func tier(_ count: Int, medium: Int, high: Int, low: Bool) -> AuditFlag.Severity? {
        if count >= high { return .high }
        if count >= medium { return .medium }
        return low && count > 0 ? .low : nil
    }

    /// The visits of each volunteer, oldest first.
    func visitsByVolunteer() -> [[Int]] {
        var groups = [[Int]](repeating: [], count: input.volunteers.count)
        for (index, visit) in input.visits.enumerated() { groups[Int(visit.volunteer)].append(index) }
        for index in groups.indices {
            groups[index].sort { (input.visits[$0].at, input.visits[$0].rowid) < (input.visits[$1].at, input.visits[$1].rowid) }
        }
        return groups
    }
}
