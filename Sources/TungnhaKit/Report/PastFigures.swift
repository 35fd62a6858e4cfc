import GRDB

/// Covered and registered households at the end of each week, for the report's chart.
public struct TrendPoint: Sendable, Codable, Equatable {
    public var weekEnding: String
    public var registered: Int
    public var covered: Int
}

/// Figures at the end of a past day, read from the timelines the derivation writes: each household counts as it
/// stood then, placed by the villages as they stood then. Nothing is derived again.
enum PastFigures {
    /// Pre-2025 villages as their events up to the end of `day` say: "scheme|commune|village key" → village.
    static func villages(asOf day: LocalDate, db: Database) throws -> [String: Derivation.VillageState] {
        let events = try EventLog.villageEvents(upTo: day.endMillis, db: db)
        var villages: [String: Derivation.VillageState] = [:]
        for (commune, list) in Dictionary(grouping: events, by: \.commune) {
            for (key, village) in Derivation.villages(list) { villages["\(commune.scheme.rawValue)|\(commune.code)|\(key)"] = village }
        }
        return villages
    }

    /// The report's cells at the end of `day`.
    static func cells(on day: LocalDate, byVolunteer: Bool, byVillage: Bool, db: Database) throws -> [ReportCell] {
        var cells: [String: ReportCell] = [:]
        let target = day.daysSinceEpoch
        try HouseholdTimelineRecord.forEach(db: db) { timeline in
            guard let point = Timeline.point(timeline.points, on: target), point.counted else { return }
            let scheme = timeline.commune.scheme
            let villageKey = Folding.fold(point.village)
            let keyPart: String
            if byVolunteer {
                keyPart = point.lastVolunteer ?? ""
            } else {
                // Outside a village report, a 2025 commune is one cell: villages only place pre-2025 records.
                keyPart = byVillage || scheme == .pre2025 ? villageKey : ""
            }
            let key = "\(scheme.rawValue)|\(timeline.commune.code)|\(keyPart)"
            var cell = cells[key] ?? ReportCell(
                scheme: scheme, commune: timeline.commune.code, villageKey: byVolunteer ? "" : keyPart,
                village: byVolunteer || keyPart.isEmpty ? "" : point.village, volunteer: byVolunteer ? keyPart : nil)
            if !byVolunteer, !keyPart.isEmpty, point.village < cell.village { cell.village = point.village }
            cell.registered += 1
            if point.visited { cell.visited += 1 }
            if point.covered { cell.covered += 1 }
            if Self.isStale(lastVisitDay: point.lastVisitDay, on: target) { cell.stale += 1 }
            cell.lastActivity = max(cell.lastActivity ?? point.lastActivity, point.lastActivity)
            for member in point.members {
                var counts = cell.members[member.birthYear] ?? (0, 0, 0)
                counts.all += 1
                if member.dvctt { counts.dvctt += 1 }
                if member.level2 { counts.level2 += 1 }
                cell.members[member.birthYear] = counts
            }
            cells[key] = cell
        }
        return Array(cells.values)
    }

    /// Not visited in the 30 days ending with `day`, that day included.
    static func isStale(lastVisitDay: Int64?, on day: Int64) -> Bool {
        guard let lastVisitDay else { return true }
        return lastVisitDay < day - (ReportRequest.recentDays - 1)
    }

    /// Registered and covered households at the end of each of `ends`, in one pass over the timelines.
    static func trend(_ request: ReportRequest, ends: [LocalDate], register: ReportBuilder.Register, targets: TargetBook,
                      storeProvince: String?, db: Database) throws -> [TrendPoint] {
        let builders = try ends.map { end in
            ReportBuilder(
                request: request, asOf: end, villages: try villages(asOf: end, db: db), register: register, targets: targets,
                storeProvince: storeProvince)
        }
        var registered = [Int](repeating: 0, count: ends.count)
        var covered = [Int](repeating: 0, count: ends.count)
        var included: [String: Bool] = [:]
        try HouseholdTimelineRecord.forEach(db: db) { timeline in
            for (index, end) in ends.enumerated() {
                guard let point = Timeline.point(timeline.points, on: end.daysSinceEpoch), point.counted else { continue }
                let villageKey = Folding.fold(point.village)
                let key = "\(index)|\(timeline.commune.scheme.rawValue)|\(timeline.commune.code)|\(villageKey)"
                let counts: Bool
                if let known = included[key] {
                    counts = known
                } else {
                    let cell = ReportCell(scheme: timeline.commune.scheme, commune: timeline.commune.code, villageKey: villageKey, village: point.village)
                    counts = builders[index].included(builders[index].place(cell))
                    included[key] = counts
                }
                guard counts else { continue }
                registered[index] += 1
                if point.covered { covered[index] += 1 }
            }
        }
        return ends.indices.map { TrendPoint(weekEnding: ends[$0].description, registered: registered[$0], covered: covered[$0]) }
    }
}

extension Store {
    /// Registered and covered households at the end of each of the last `weeks` weeks up to the report's day.
    public func weeklyTrend(_ request: ReportRequest, weeks: Int = 12) throws -> [TrendPoint] {
        let request = try scopedToMachine(request)
        let end = request.asOf ?? now.vietnamDate
        let ends = (0..<max(1, min(weeks, 520))).reversed().map { end.adding(days: -7 * $0) }
        return try read { db in
            try PastFigures.trend(
                request, ends: ends, register: try Self.register(db), targets: TargetBook(targets: try Self.targets(db)),
                storeProvince: try Self.identity(db)?.province, db: db)
        }
    }
}
