/// The checks of one volunteer's visits in time: speed, travel between villages, night, late entry, copied answers;
/// and the devices whose clock disagrees with their batches.
extension AuditContext {
    func visitChecks() -> [AuditFinding] {
        var found: [AuditFinding] = []
        for (volunteer, indices) in visitsByVolunteer().enumerated() where !indices.isEmpty {
            let index = UInt32(volunteer)
            if let finding = speed(index, indices) { found.append(finding) }
            if let finding = travel(index, indices) { found.append(finding) }
            if let finding = night(index, indices) { found.append(finding) }
            if let finding = copiedPattern(index, indices) { found.append(finding) }
            if let tally = input.late[index], let severity = Self.tier(tally.count, medium: rules.lateEntryVisits, high: rules.lateEntryVisitsHigh, low: true) {
                found.append(
                    finding(
                        .lateEntry, severity, volunteer: index,
                        measure: AuditFlag.Measure(
                            count: tally.count, total: indices.count, value: Double(tally.worstMinutes) / 60, limit: Double(rules.lateEntryHours)),
                        rowids: tally.rowids, eventCount: tally.count))
            }
        }
        for (device, tally) in input.clock.sorted(by: { $0.key < $1.key }) {
            let commune = input.volunteers.first { $0.device == device }.map { input.communes[$0.commune] } ?? input.communes[0]
            var finding = AuditFinding(
                .clock, .medium, subject: devices[device] ?? String(device), commune: commune,
                measure: AuditFlag.Measure(count: tally.count, value: Double(tally.worstMinutes), limit: Double(rules.clockToleranceMinutes)),
                rowids: tally.rowids, eventCount: tally.count)
            finding.deviceKey = device
            found.append(finding)
        }
        return found
    }

    /// The most households met within any span of `speedWindowMinutes`; every visit of a span over the limit.
    func speed(_ volunteer: UInt32, _ indices: [Int]) -> AuditFinding? {
        let met = indices.filter { input.visits[$0].met }
        let window = UInt32(rules.speedWindowMinutes * 60)
        var households: [UInt32: Int] = [:]
        var low = 0
        var worst = (count: 0, from: 0, to: 0)
        var over = Set<Int>()
        for high in met.indices {
            households[input.visits[met[high]].household, default: 0] += 1
            while input.visits[met[high]].at - input.visits[met[low]].at >= window {
                let code = input.visits[met[low]].household
                households[code]! -= 1
                if households[code] == 0 { households[code] = nil }
                low += 1
            }
            if households.count > worst.count { worst = (households.count, low, high) }
            if households.count > rules.speedHouseholds { over.formUnion(met[low...high]) }
        }
        guard worst.count > rules.speedHouseholds else { return nil }
        let rowids = over.sorted().map { input.visits[$0].rowid }
        return finding(
            .speed, worst.count > rules.speedHouseholdsHigh ? .high : .medium, volunteer: volunteer,
            measure: AuditFlag.Measure(
                count: worst.count, value: Double(rules.speedWindowMinutes), limit: Double(rules.speedHouseholds),
                from: input.visits[met[worst.from]].moment.rfc3339, to: input.visits[met[worst.to]].moment.rfc3339),
            rowids: rowids)
    }

    /// Visits one after the other in different villages, closer in time than `travelMinutes`.
    func travel(_ volunteer: UInt32, _ indices: [Int]) -> AuditFinding? {
        var pairs = 0
        var shortest = UInt32.max
        var rowids: [UInt32] = []
        for (first, second) in zip(indices, indices.dropFirst()) {
            let a = input.visits[first]
            let b = input.visits[second]
            guard let here = a.place, let there = b.place, here != there, b.at - a.at < UInt32(rules.travelMinutes * 60) else { continue }
            pairs += 1
            shortest = min(shortest, b.at - a.at)
            if rowids.last != a.rowid { rowids.append(a.rowid) }
            rowids.append(b.rowid)
        }
        guard pairs > 0 else { return nil }
        return finding(
            .travel, pairs >= rules.travelPairsHigh ? .high : .medium, volunteer: volunteer,
            measure: AuditFlag.Measure(count: pairs, value: Double(shortest) / 60, limit: Double(rules.travelMinutes)), rowids: rowids)
    }

    /// Visits at night, Vietnam time.
    func night(_ volunteer: UInt32, _ indices: [Int]) -> AuditFinding? {
        let atNight = indices.filter { index in
            let seconds = AuditInput.millis(input.visits[index].at) / 1000 + Int64(Moment.vietnamOffsetMinutes) * 60
            return rules.isNight(hour: Int(seconds % 86_400 / 3_600))
        }
        guard let severity = Self.tier(atNight.count, medium: rules.nightVisits, high: rules.nightVisitsHigh, low: true) else { return nil }
        return finding(
            .night, severity, volunteer: volunteer,
            measure: AuditFlag.Measure(count: atNight.count, total: indices.count, limit: Double(rules.nightVisits)),
            rowids: atNight.map { input.visits[$0].rowid })
    }

    /// One set of answers on many of a volunteer's households: the most common pattern of the visits that met
    /// and observed someone (back-checks apart), counted in households.
    func copiedPattern(_ volunteer: UInt32, _ indices: [Int]) -> AuditFinding? {
        let observed = indices.filter { input.visits[$0].pattern >= 0 && !input.visits[$0].isBackcheck }
        guard observed.count >= rules.copiedPatternHouseholds else { return nil }
        var households: [Int32: Set<UInt32>] = [:]
        for index in observed { households[input.visits[index].pattern, default: []].insert(input.visits[index].household) }
        guard let (pattern, set) = households.max(by: { ($0.value.count, $1.key) < ($1.value.count, $0.key) }) else { return nil }
        let share = Double(set.count) / Double(observed.count)
        guard set.count >= rules.copiedPatternHouseholds, share >= rules.copiedPatternShare else { return nil }
        let key = input.patterns[Int(pattern)].map(AuditPattern.key(code:)).joined(separator: ",")
        let rowids = observed.filter { input.visits[$0].pattern == pattern }.map { input.visits[$0].rowid }
        return finding(
            .copiedPattern, AuditPattern.makesAble(key) ? .high : .medium, volunteer: volunteer,
            measure: AuditFlag.Measure(count: set.count, total: observed.count, value: share, limit: rules.copiedPatternShare, label: key),
            rowids: rowids)
    }
}

extension AuditPattern {
    /// Whether a pattern's answers make someone able: VNeID activated, logs in and an online procedure.
    static func makesAble(_ key: String) -> Bool {
        key.split(separator: ",").contains { item in
            let characters = Array(item)
            return characters.count == 5 && (characters[0] == "2" || characters[0] == "3") && characters[1] == "1" && characters[2] == "1"
        }
    }
}
