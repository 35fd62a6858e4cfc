import GRDB

/// Covered and registered households at the end of each week, for the report's chart.
public struct TrendPoint: Sendable, Codable, Equatable {
    public var weekEnding: String
    public var registered: Int
    public var covered: Int
}

extension Store {
    /// One pass over the events: each household's state at each week's end, by the same derivation.
    public func weeklyTrend(_ request: ReportRequest, weeks: Int = 12) throws -> [TrendPoint] {
        let end = request.asOf ?? now.vietnamDate
        let ends = (0..<weeks).reversed().map { end.adding(days: -7 * $0) }
        let cutoffs = ends.map(\.endMillis)
        var registered = [Int](repeating: 0, count: ends.count)
        var covered = [Int](repeating: 0, count: ends.count)
        let (villages, register, targets, identity) = try read { db in
            (try Self.villageAssignments(db), try Self.register(db), TargetBook(targets: try Self.targets(db)), try Self.identity(db))
        }
        let builder = ReportBuilder(request: request, asOf: end, villages: villages, register: register, targets: targets, storeProvince: identity?.province)
        try read { db in
            let merges = try String.fetchAll(db, sql: "SELECT body FROM event WHERE type = 'household.merged' AND at_ms <= ?", arguments: [end.endMillis])
                .map(EventLog.decode)
            let voids = try String.fetchAll(db, sql: "SELECT body FROM event WHERE type = 'event.voided' AND at_ms <= ?", arguments: [end.endMillis])
                .map(EventLog.decode)
            let clustered = Set(merges.compactMap(\.household) + merges.compactMap { event -> String? in
                if case .householdMerged(let keep) = event.body { return keep }
                return nil
            })
            /// Adds a household (with those merged into it by then) to each week it existed in.
            func count(_ root: String, _ events: [Event], at index: Int) {
                guard let state = Derivation.cluster(root: root, events: events.filter { $0.at.millis <= cutoffs[index] }) else { return }
                let household = state.root
                guard !household.moved else { return }
                let cell = ReportCell(scheme: household.commune.scheme, commune: household.commune.code, villageKey: Folding.fold(household.village), village: household.village)
                guard builder.included(builder.place(cell)) else { return }
                registered[index] += 1
                if household.coverage.covered { covered[index] += 1 }
            }
            var held: [String: [Event]] = [:]
            var current: String?
            var events: [Event] = []
            func flush() {
                guard let current else { return }
                for index in cutoffs.indices { count(current, events, at: index) }
            }
            let cursor = try String.fetchCursor(db, sql: "SELECT body FROM event WHERE household IS NOT NULL AND at_ms <= ? ORDER BY household", arguments: [end.endMillis])
            while let body = try cursor.next() {
                let event = EventLog.decode(body)
                let code = event.household!
                if clustered.contains(code) {
                    held[code, default: []].append(event)
                    continue
                }
                if code != current {
                    flush()
                    current = code
                    events.removeAll(keepingCapacity: true)
                }
                events.append(event)
            }
            flush()
            // Households touched by merges: each week, the merges made by then decide what counts under what.
            for (index, cutoff) in cutoffs.enumerated() {
                let voided = Set(voids.filter { $0.at.millis <= cutoff }.compactMap { event -> String? in
                    if case .eventVoided(let target, _) = event.body { return target }
                    return nil
                })
                let roots = Derivation.mergeRoots(merges.filter { $0.at.millis <= cutoff }, voided: voided)
                for (root, codes) in Dictionary(grouping: held.keys, by: { roots[$0] ?? $0 }) {
                    count(root, codes.flatMap { held[$0]! }, at: index)
                }
            }
        }
        return ends.indices.map { TrendPoint(weekEnding: ends[$0].description, registered: registered[$0], covered: covered[$0]) }
    }
}
