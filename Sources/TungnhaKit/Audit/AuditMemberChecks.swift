/// The checks of what was observed of each member, in time order: abilities back and forth; each volunteer's share of
/// able members against the rest of their commune; and communes whose coverage jumps just before a reporting day.
extension AuditContext {
    static let abilityNames = ["vneid", "login", "dvctt"]

    /// The commune a visit counts in: its household's, else its volunteer's.
    func communeIndex(visit: AuditInput.Visit) -> Int {
        visit.place.map { input.places[$0].commune } ?? input.volunteers[Int(visit.volunteer)].commune
    }

    mutating func memberChecks() -> [AuditFinding] {
        let visits = input.visits
        input.seen.sort { a, b in
            a.member != b.member ? a.member < b.member : (visits[Int(a.visit)].at, visits[Int(a.visit)].rowid) < (visits[Int(b.visit)].at, visits[Int(b.visit)].rowid)
        }
        var found: [AuditFinding] = []
        var observed = [Int](repeating: 0, count: input.volunteers.count)
        var able = [Int](repeating: 0, count: input.volunteers.count)
        var ableVisits = [[UInt32]](repeating: [], count: input.volunteers.count)
        // The visit at which each household first had a member able.
        var covered = [UInt32](repeating: .max, count: input.households.count)
        var start = 0
        while start < input.seen.count {
            var end = start + 1
            while end < input.seen.count, input.seen[end].member == input.seen[start].member { end += 1 }
            let group = input.seen[start..<end]
            if let finding = flips(group) { found.append(finding) }
            var abilities = Abilities()
            for item in group {
                item.apply(to: &abilities)
                let visit = visits[Int(item.visit)]
                let known = covered[Int(visit.household)]
                if CoverageRule.isAble(abilities), known == .max || visits[Int(known)].at > visit.at { covered[Int(visit.household)] = item.visit }
            }
            // A member counts for the volunteer who last observed them on an ordinary visit.
            if let last = group.last(where: { !visits[Int($0.visit)].isBackcheck }) {
                let volunteer = Int(visits[Int(last.visit)].volunteer)
                observed[volunteer] += 1
                if CoverageRule.isAble(abilities) {
                    able[volunteer] += 1
                    if ableVisits[volunteer].count < AuditFlag.eventsShown { ableVisits[volunteer].append(visits[Int(last.visit)].rowid) }
                }
            }
            start = end
        }
        found += ableShare(observed: observed, able: able, visits: ableVisits)
        found += coverageJumps(covered.filter { $0 != .max })
        return found
    }

    /// A member's ability that changed `flipChanges` times or more across visits.
    func flips(_ group: ArraySlice<AuditInput.Seen>) -> AuditFinding? {
        var worst = (changes: 0, ability: 0)
        for ability in 0..<3 {
            let values = group.compactMap { $0.value(ability) }
            let changes = zip(values, values.dropFirst()).filter { $0 != $1 }.count
            if changes > worst.changes { worst = (changes, ability) }
        }
        guard worst.changes >= rules.flipChanges, let last = group.last else { return nil }
        let visit = input.visits[Int(last.visit)]
        let member = AuditCode.unpack(last.member)
        var finding = AuditFinding(
            .flipFlop, .medium, subject: member, commune: input.communes[communeIndex(visit: visit)],
            measure: AuditFlag.Measure(count: worst.changes, total: group.count, limit: Double(rules.flipChanges), label: Self.abilityNames[worst.ability]),
            rowids: group.map { input.visits[Int($0.visit)].rowid })
        finding.member = member
        finding.household = input.householdCode(visit.household)
        finding.volunteer = visit.volunteer
        finding.deviceKey = input.volunteers[Int(visit.volunteer)].device
        return finding
    }

    /// Volunteers whose share of able members is far above the rest of their commune's.
    func ableShare(observed: [Int], able: [Int], visits: [[UInt32]]) -> [AuditFinding] {
        var communeObserved = [Int](repeating: 0, count: input.communes.count)
        var communeAble = [Int](repeating: 0, count: input.communes.count)
        for (index, volunteer) in input.volunteers.enumerated() {
            communeObserved[volunteer.commune] += observed[index]
            communeAble[volunteer.commune] += able[index]
        }
        var found: [AuditFinding] = []
        for (index, volunteer) in input.volunteers.enumerated() {
            let others = communeObserved[volunteer.commune] - observed[index]
            guard observed[index] >= rules.ableShareMinMembers, others >= rules.ableShareMinMembers else { continue }
            let share = 100 * Double(able[index]) / Double(observed[index])
            let rest = 100 * Double(communeAble[volunteer.commune] - able[index]) / Double(others)
            guard share - rest >= rules.ableSharePointsAbove else { continue }
            found.append(
                finding(
                    .ableShare, share - rest >= rules.ableSharePointsAboveHigh ? .high : .medium, volunteer: UInt32(index),
                    measure: AuditFlag.Measure(
                        count: able[index], total: observed[index], value: share, reference: rest, limit: rules.ableSharePointsAbove),
                    rowids: visits[index], eventCount: able[index]))
        }
        return found
    }

    /// The days the coverage of each commune is compared on: the rules' reporting days, else every month's last day.
    func reportDays(from first: LocalDate, to last: LocalDate) -> [LocalDate] {
        if !rules.reportDays.isEmpty { return rules.reportDays.compactMap(LocalDate.init).filter { $0 >= first && $0 <= last.adding(days: rules.jumpDays) } }
        var days: [LocalDate] = []
        var month = LocalDate(year: first.year, month: first.month, day: 1)!
        while month <= last {
            let end = LocalDate(year: month.year, month: month.month, day: LocalDate.days(inMonth: month.month, year: month.year))!
            days.append(end)
            month = end.adding(days: 1)
        }
        return days
    }

    /// Communes whose households newly covered in the `jumpDays` before a reporting day are many times the usual.
    func coverageJumps(_ covering: [UInt32]) -> [AuditFinding] {
        guard let firstVisit = input.visits.map(\.at).min(), let lastVisit = input.visits.map(\.at).max() else { return [] }
        let firstDay = Moment(millis: AuditInput.millis(firstVisit)).vietnamDate
        let lastDay = Moment(millis: AuditInput.millis(lastVisit)).vietnamDate
        // Each commune's first visit: the usual gain is measured only over weeks the commune was at work.
        var started = [Int64](repeating: Int64.max, count: input.communes.count)
        for visit in input.visits { started[communeIndex(visit: visit)] = min(started[communeIndex(visit: visit)], visit.moment.vietnamDay) }
        var byCommune = [[UInt32]](repeating: [], count: input.communes.count)
        for index in covering { byCommune[communeIndex(visit: input.visits[Int(index)])].append(index) }
        var found: [AuditFinding] = []
        let window = Int64(rules.jumpDays)
        let before = Int64(rules.jumpWeeksBefore * 7)
        for day in reportDays(from: firstDay, to: lastDay) {
            let end = day.daysSinceEpoch
            for (commune, indices) in byCommune.enumerated() where started[commune] <= end - window - before + 1 {
                let recent = indices.filter { (end - window + 1...end).contains(input.visits[Int($0)].moment.vietnamDay) }
                guard recent.count >= rules.jumpMinHouseholds else { continue }
                let earlier = indices.filter { (end - window - before + 1...end - window).contains(input.visits[Int($0)].moment.vietnamDay) }.count
                let usual = Double(earlier) * Double(window) / Double(before)
                let factor = usual > 0 ? Double(recent.count) / usual : nil
                guard (factor ?? .infinity) >= rules.jumpFactor else { continue }
                var byVolunteer: [UInt32: Int] = [:]
                for index in recent { byVolunteer[input.visits[Int(index)].volunteer, default: 0] += 1 }
                let most = byVolunteer.max { ($0.value, $1.key) < ($1.value, $0.key) }.map { input.volunteers[Int($0.key)].name }
                let sorted = recent.sorted { input.visits[Int($0)].at < input.visits[Int($1)].at }
                let ref = input.communes[commune]
                found.append(
                    AuditFinding(
                        .coverageJump, (factor ?? .infinity) >= rules.jumpFactorHigh ? .high : .medium,
                        subject: "\(ref.scheme.rawValue)|\(ref.code)|\(day)", commune: ref,
                        measure: AuditFlag.Measure(
                            count: recent.count, value: factor, reference: usual, limit: rules.jumpFactor,
                            from: LocalDate(daysSinceEpoch: end - window + 1).description, to: day.description, label: most),
                        rowids: sorted.map { input.visits[Int($0)].rowid }, eventCount: recent.count))
            }
        }
        return found
    }
}
