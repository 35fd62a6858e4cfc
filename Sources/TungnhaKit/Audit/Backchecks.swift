import GRDB

/// Back-checks against the visits they check again: a back-check never replaces what the original recorded (the
/// latest observation decides coverage, as for any visit); the audit shows where the two disagree and, per volunteer,
/// how often their visits held up.
enum BackcheckComparison {
    /// What the two visits' observations say together: how many (member, ability) pairs both observed, and those the
    /// original recorded as done (VNeID activated, logs in, online procedure) that the back-check found not done.
    /// Progress since the original (not done then, done now) is no disagreement: abilities are not lost.
    static func compare(original: [Observation], backcheck: [Observation]) -> (compared: Int, contradicted: [(member: String, ability: String)]) {
        var compared = 0
        var contradicted: [(String, String)] = []
        for later in backcheck {
            guard let earlier = original.first(where: { $0.member == later.member }) else { continue }
            let pairs: [(String, Bool?, Bool?)] = [
                ("vneid", earlier.vneid.map(\.isActivated), later.vneid.map(\.isActivated)), ("login", earlier.login, later.login),
                ("dvctt", earlier.dvctt, later.dvctt),
            ]
            for (ability, before, after) in pairs {
                guard let before, let after else { continue }
                compared += 1
                if before, !after { contradicted.append((later.member, ability)) }
            }
        }
        return (compared, contradicted)
    }
}

extension AuditContext {
    /// Each back-check compared with its original, a flag for each that contradicts it, and the agreement per volunteer.
    mutating func backcheckFindings(_ db: Database) throws -> (findings: [AuditFinding], agreements: [(volunteer: UInt32, backchecks: Int, compared: Int, agreed: Int)]) {
        var counts: [UInt32: (backchecks: Int, compared: Int, agreed: Int, rowids: [UInt32])] = [:]
        var found: [AuditFinding] = []
        for check in input.backchecks {
            let visit = input.visits[check.visit]
            guard let rowid = try AuditActions.rowid(check.original, db), !input.actions.voided.contains(rowid),
                var original = try EventLog.event(id: check.original, db: db), case .visitRecorded(var data) = original.body,
                data.backcheckOf == nil, let deviceKey = try EventLog.existingDeviceKey(original.device, db: db)
            else { continue }
            if case .visitRecorded(let corrected)? = input.actions.corrections[rowid] { data = corrected }
            original.body = .visitRecorded(data)
            let volunteer = input.volunteer(device: deviceKey, name: data.volunteer, commune: input.volunteers[Int(visit.volunteer)].commune)
            var tally = counts[volunteer] ?? (0, 0, 0, [])
            tally.backchecks += 1
            let (compared, contradicted) = visit.met && data.outcome == .met
                ? BackcheckComparison.compare(original: data.observations, backcheck: check.observations) : (0, [])
            if compared > 0 {
                tally.compared += 1
                if contradicted.isEmpty { tally.agreed += 1 }
            }
            if tally.rowids.count < AuditFlag.eventsShown { tally.rowids += [UInt32(clamping: rowid), visit.rowid] }
            counts[volunteer] = tally
            guard let first = contradicted.first else { continue }
            let id = try Self.eventID(visit.rowid, db) ?? String(visit.rowid)
            var finding = AuditFinding(
                .backcheckDisagrees, .medium, subject: id, commune: commune(volunteer: volunteer),
                measure: AuditFlag.Measure(count: contradicted.count, total: compared, limit: 0, label: first.ability),
                rowids: [UInt32(clamping: rowid), visit.rowid])
            finding.volunteer = volunteer
            finding.deviceKey = deviceKey
            finding.household = input.householdCode(visit.household)
            finding.member = first.member
            found.append(finding)
        }
        var agreements: [(UInt32, Int, Int, Int)] = []
        for (volunteer, tally) in counts.sorted(by: { $0.key < $1.key }) {
            agreements.append((volunteer, tally.backchecks, tally.compared, tally.agreed))
            guard tally.compared >= rules.backcheckMinCompared, Double(tally.agreed) < rules.backcheckAgreement * Double(tally.compared) else { continue }
            found.append(
                finding(
                    .backcheckAgreement, .high, volunteer: volunteer,
                    measure: AuditFlag.Measure(
                        count: tally.agreed, total: tally.compared, value: Double(tally.agreed) / Double(tally.compared), limit: rules.backcheckAgreement),
                    rowids: tally.rowids))
        }
        return (found, agreements)
    }

    static func eventID(_ rowid: UInt32, _ db: Database) throws -> String? {
        try Row.fetchOne(
            db.cachedStatement(sql: "SELECT d.id, e.seq FROM event e JOIN device d ON d.rowid = e.device WHERE e.rowid = ?"), arguments: [Int64(rowid)]
        ).map { EventRef.text(device: $0[0], seq: $0[1]) }
    }
}

extension AuditInput {
    /// The volunteer of a device by name, added when the audit has not met them among the visits it read.
    mutating func volunteer(device: Int64, name: String, commune: Int) -> UInt32 {
        let folded = "\(device)|" + Folding.fold(name)
        if let index = volunteerIndex[folded] { return index }
        volunteers.append(Volunteer(name: name, device: device, commune: commune))
        volunteerIndex[folded] = UInt32(volunteers.count - 1)
        return UInt32(volunteers.count - 1)
    }
}
