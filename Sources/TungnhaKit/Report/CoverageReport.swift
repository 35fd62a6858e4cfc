import GRDB

public enum ReportLevel: String, Sendable, Codable, CaseIterable {
    case village, commune, district, province, volunteer
}

public struct ReportRequest: Sendable {
    public var level: ReportLevel
    /// 2025 province code.
    public var province: String?
    /// 2025 commune code.
    public var commune: String?
    /// The state at the end of this day (Vietnam time); today when nil.
    public var asOf: LocalDate?

    /// A household not visited in this many days, the report's day included, is due a visit.
    public static let recentDays: Int64 = 30

    public init(level: ReportLevel = .commune, province: String? = nil, commune: String? = nil, asOf: LocalDate? = nil) {
        self.level = level
        self.province = province
        self.commune = commune
        self.asOf = asOf
    }
}

/// One line of the report: a village, commune, district, province or volunteer.
public struct ReportRow: Sendable, Codable, Equatable {
    public enum ExpectedSource: String, Sendable, Codable {
        /// The commune's own household register (`tungnha register import`).
        case register
        /// The 2019 census, rolled up to 2025 communes: approximate.
        case census2019
        /// Some communes from their register, others from the census.
        case mixed
    }

    /// Met or not; nil where there is nothing to measure (no households expected, no adults recorded).
    public struct TargetCheck: Sendable, Codable, Equatable {
        public var householdsPercent: Double
        public var householdsMet: Bool?
        /// Households still to cover to meet the target.
        public var householdsShort: Int
        public var adultsDvcttPercent: Double
        public var adultsDvcttMet: Bool?
        public var adultsShort: Int
    }

    public var key: String
    public var level: ReportLevel
    public var code: String?
    public var name: String
    /// The unit it lies in (a village's commune, a commune's province).
    public var parent: String?
    /// Records of a pre-2025 commune split by the 2025 reform, whose villages have not been assigned to a new commune.
    public var split: Bool
    public var householdsExpected: Int?
    public var expectedSource: ExpectedSource?
    public var householdsRegistered: Int
    public var householdsVisited: Int
    public var householdsCovered: Int
    /// Shares follow the one rounding rule (`Share`): JSON carries them as fractions such as 0.182.
    public var coverageOfRegistered: Share?
    public var coverageOfExpected: Share?
    public var members: Int
    public var adults: Int
    public var adultsDvctt: Int
    public var adultsDvcttShare: Share?
    public var members14Plus: Int
    public var members14PlusLevel2: Int
    public var members14PlusLevel2Share: Share?
    public var notVisited30Days: Int
    public var lastActivity: String?
    public var target: TargetCheck?
}

public struct CoverageReport: Sendable, Codable, Equatable {
    public var asOf: String
    public var level: ReportLevel
    public var province: String?
    public var commune: String?
    public var rows: [ReportRow]
    public var total: ReportRow
}

/// The figures of one (scheme, commune, village) of the derived state: what every report line adds up.
struct ReportCell {
    var scheme: Scheme
    var commune: String
    var villageKey: String
    var village: String
    var volunteer: String?
    var registered = 0
    var visited = 0
    var covered = 0
    var stale = 0
    var lastActivity: Int64?
    /// Counted members by birth year: (all, with DVCTT, with level 2).
    var members: [Int: (all: Int, dvctt: Int, level2: Int)] = [:]
}

extension Store {
    public func report(_ request: ReportRequest) throws -> CoverageReport {
        try reports(request, levels: [request.level])[0]
    }

    /// The same request at several levels, from one reading of the state (rebuilt once for a past date).
    public func reports(_ request: ReportRequest, levels: [ReportLevel]) throws -> [CoverageReport] {
        let request = try scopedToMachine(request)
        if let province = request.province, AdminUnits.shared.province(province, scheme: .y2025) == nil {
            throw TargetError.unknownProvince(code: province)
        }
        if let commune = request.commune, AdminUnits.shared.commune(CommuneRef(code: commune, scheme: .y2025)) == nil {
            throw TargetError.unknownCommune(code: commune)
        }
        let asOf = request.asOf ?? now.vietnamDate
        let villages = try read { db in
            request.asOf == nil ? try Self.villageAssignments(db) : try PastFigures.villages(asOf: asOf, db: db)
        }
        let (register, targets, identity) = try read { db in
            (try Self.register(db), TargetBook(targets: try Self.targets(db)), try Self.identity(db))
        }
        return try levels.map { level in
            var request = request
            request.level = level
            let byVolunteer = level == .volunteer
            let byVillage = level == .village
            let cells = try read { db in
                request.asOf == nil
                    ? try Self.cells(db, staleBefore: asOf.adding(days: -Int(ReportRequest.recentDays - 1)).startMillis, byVolunteer: byVolunteer, byVillage: byVillage)
                    : try PastFigures.cells(on: asOf, byVolunteer: byVolunteer, byVillage: byVillage, db: db)
            }
            return ReportBuilder(
                request: request, asOf: asOf, villages: villages, register: register, targets: targets, storeProvince: identity?.province
            ).build(cells)
        }
    }

    /// The cells of the store's state now, from the household rows and the member tally.
    static func cells(_ db: Database, staleBefore: Int64, byVolunteer: Bool, byVillage: Bool) throws -> [ReportCell] {
        var cells: [String: ReportCell] = [:]
        for figures in try HouseholdRecord.figures(byVolunteer: byVolunteer, staleBefore: staleBefore, db: db) {
            // Outside a village report, a 2025 commune is one cell: villages only place pre-2025 records.
            let keyPart = byVolunteer || byVillage || figures.scheme == .pre2025 ? figures.key : ""
            let key = "\(figures.scheme.rawValue)|\(figures.commune)|\(keyPart)"
            var cell = cells[key] ?? ReportCell(
                scheme: figures.scheme, commune: figures.commune, villageKey: byVolunteer ? "" : keyPart,
                village: byVolunteer || keyPart.isEmpty ? "" : figures.village, volunteer: byVolunteer ? keyPart : nil)
            cell.registered += figures.registered
            cell.visited += figures.visited
            cell.covered += figures.covered
            cell.stale += figures.stale
            if let last = figures.lastActivity { cell.lastActivity = max(cell.lastActivity ?? last, last) }
            cells[key] = cell
        }
        if byVolunteer {
            for row in try MemberRecord.volunteerFigures(db: db) {
                cells["\(row.scheme.rawValue)|\(row.commune)|\(row.volunteer)"]?.members[row.birthYear] = (row.members, row.dvctt, row.level2)
            }
        } else {
            for tally in try MemberTallyRecord.figures(byVillage: byVillage, db: db) {
                cells["\(tally.key.commune.scheme.rawValue)|\(tally.key.commune.code)|\(tally.key.villageKey)"]?.members[tally.key.birthYear] =
                    (tally.counts.members, tally.counts.dvctt, tally.counts.level2)
            }
        }
        return Array(cells.values)
    }

    /// Pre-2025 villages the team assigned to a 2025 commune: "scheme|commune|village key" → village.
    static func villageAssignments(_ db: Database) throws -> [String: Derivation.VillageState] {
        var villages: [String: Derivation.VillageState] = [:]
        for village in try VillageRecord.all(db: db) {
            villages["\(village.commune.scheme.rawValue)|\(village.commune.code)|\(village.key)"] =
                Derivation.VillageState(name: village.name, newCommune: village.newCommune)
        }
        return villages
    }

    /// The household register: 2025 commune → village key → households.
    static func register(_ db: Database) throws -> ReportBuilder.Register {
        var register: ReportBuilder.Register = [:]
        for row in try Row.fetchAll(db, sql: "SELECT commune, village_key, village, households FROM register WHERE scheme = '2025'") {
            register[row["commune"], default: [:]][row["village_key"]] = (row["village"], row["households"])
        }
        return register
    }
}
