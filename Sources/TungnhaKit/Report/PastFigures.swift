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

    /// Texts read from timelines, made once per distinct value: a million households have a few thousand villages.
    struct Texts {
        private var texts: [Int: [(bytes: [UInt8], text: String, folded: String)]] = [:]

        mutating func text(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> (text: String, folded: String) {
            let slice = UnsafeRawBufferPointer(rebasing: bytes[range])
            var hasher = Hasher()
            hasher.combine(bytes: slice)
            let hash = hasher.finalize()
            if let found = texts[hash]?.first(where: { $0.bytes.elementsEqual(slice) }) { return (found.text, found.folded) }
            let text = String(decoding: slice, as: UTF8.self)
            let entry = (bytes: Array(slice), text: text, folded: Folding.fold(text))
            texts[hash, default: []].append(entry)
            return (entry.text, entry.folded)
        }
    }

    /// The report's cells at the end of `day`.
    static func cells(on day: LocalDate, byVolunteer: Bool, byVillage: Bool, db: Database) throws -> [ReportCell] {
        struct Key: Hashable {
            var commune: CommuneRef
            var part: String
        }
        // Cells in an array, found by key: each is changed in place, never copied with its members.
        var index: [Key: Int] = [:]
        var cells: [ReportCell] = []
        var texts = Texts()
        var buffers = Timeline.ScanBuffers()
        let target = day.daysSinceEpoch
        try HouseholdTimelineRecord.scanAll(db: db) { commune, bytes in
            Timeline.scan(bytes, days: [target], buffers: &buffers) { _, point, buffers in
                guard point.counted else { return }
                let village = texts.text(bytes, point.village)
                let part: String
                if byVolunteer {
                    part = point.volunteer.map { texts.text(bytes, $0).text } ?? ""
                } else {
                    // Outside a village report, a 2025 commune is one cell: villages only place pre-2025 records.
                    part = byVillage || commune.scheme == .pre2025 ? village.folded : ""
                }
                let key = Key(commune: commune, part: part)
                let at: Int
                if let found = index[key] {
                    at = found
                } else {
                    at = cells.count
                    index[key] = at
                    cells.append(
                        ReportCell(
                            scheme: commune.scheme, commune: commune.code, villageKey: byVolunteer ? "" : part,
                            village: byVolunteer || part.isEmpty ? "" : village.text, volunteer: byVolunteer ? part : nil))
                }
                if !byVolunteer, !part.isEmpty, village.text < cells[at].village { cells[at].village = village.text }
                cells[at].registered += 1
                if point.visited { cells[at].visited += 1 }
                if point.covered { cells[at].covered += 1 }
                if Self.isStale(lastVisitDay: point.lastVisitDay, on: target) { cells[at].stale += 1 }
                cells[at].lastActivity = max(cells[at].lastActivity ?? point.lastActivity, point.lastActivity)
                for member in buffers.members[point.members] {
                    var counts = cells[at].members[member.birthYear] ?? (0, 0, 0)
                    counts.all += 1
                    if member.dvctt { counts.dvctt += 1 }
                    if member.level2 { counts.level2 += 1 }
                    cells[at].members[member.birthYear] = counts
                }
            }
        }
        return cells
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
        struct Place: Hashable {
            var commune: CommuneRef
            var villageKey: String
        }
        // Whether each place counts in each week, worked out once per place: rows of `inclusion`, found by place.
        var places: [Place: Int] = [:]
        var inclusion: [[Bool]] = []
        var texts = Texts()
        var buffers = Timeline.ScanBuffers()
        let days = ends.map(\.daysSinceEpoch)
        try HouseholdTimelineRecord.scanAll(db: db) { commune, bytes in
            // A household's village rarely changes from one week to the next: it is placed once per village.
            var placed: (village: Range<Int>, row: Int)?
            Timeline.scan(bytes, days: days, buffers: &buffers) { index, point, _ in
                guard point.counted else { return }
                if placed?.village != point.village {
                    let village = texts.text(bytes, point.village)
                    let place = Place(commune: commune, villageKey: village.folded)
                    if let row = places[place] {
                        placed = (point.village, row)
                    } else {
                        let cell = ReportCell(scheme: commune.scheme, commune: commune.code, villageKey: village.folded, village: village.text)
                        inclusion.append(builders.map { $0.included($0.place(cell)) })
                        places[place] = inclusion.count - 1
                        placed = (point.village, inclusion.count - 1)
                    }
                }
                guard inclusion[placed!.row][index] else { return }
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
