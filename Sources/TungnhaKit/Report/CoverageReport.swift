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
        if let province = request.province, AdminUnits.shared.province(province, scheme: .y2025) == nil {
            throw TargetError.unknownProvince(code: province)
        }
        if let commune = request.commune, AdminUnits.shared.commune(CommuneRef(code: commune, scheme: .y2025)) == nil {
            throw TargetError.unknownCommune(code: commune)
        }
        let asOf = request.asOf ?? now.vietnamDate
        let state = request.asOf == nil ? DerivedState.current(self) : try DerivedState.asOf(self, cutoff: asOf.endMillis)
        let (villages, register, targets, identity) = try read { db in
            (try Self.villageAssignments(db), try Self.register(db), TargetBook(targets: try Self.targets(db)), try Self.identity(db))
        }
        return try levels.map { level in
            var request = request
            request.level = level
            let cells = try state.queue.read { db in try Self.cells(
                db, since: asOf.endMillis - 30 * 86_400_000, byVolunteer: level == .volunteer, byVillage: level == .village) }
            return ReportBuilder(
                request: request, asOf: asOf, villages: villages, register: register, targets: targets,
                storeProvince: identity?.province
            ).build(cells)
        }
    }

    /// The grouped SQL every report runs (bench/report.sql runs the same against the same store).
    static let householdCellsSQL = """
        SELECT scheme, commune, village_key, min(village) AS village, count(*) AS registered,
            sum(visits > 0) AS visited, sum(covered) AS covered,
            sum(last_visit_ms IS NULL OR last_visit_ms < ?) AS stale, max(last_activity_ms) AS last_activity
        FROM household WHERE merged_into IS NULL AND moved = 0
        GROUP BY scheme, commune, village_key
        """
    /// 2025 communes need no village to be placed: their members are added up by commune, in the tally's own order.
    static let memberCellsSQL = """
        SELECT scheme, commune, '' AS village_key, birth_year, sum(members) AS members, sum(dvctt) AS dvctt, sum(level2) AS level2
        FROM member_tally WHERE scheme = '2025' GROUP BY scheme, commune, birth_year
        UNION ALL
        SELECT scheme, commune, village_key, birth_year, members, dvctt, level2 FROM member_tally WHERE scheme = 'pre2025' AND members > 0
        """
    static let memberVillageCellsSQL = """
        SELECT scheme, commune, village_key, birth_year, members, dvctt, level2 FROM member_tally WHERE members > 0
        """

    static func cells(_ db: Database, since: Int64, byVolunteer: Bool, byVillage: Bool) throws -> [ReportCell] {
        var cells: [String: ReportCell] = [:]
        if byVolunteer {
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT scheme, commune, coalesce(last_volunteer, '') AS volunteer, count(*) AS registered, sum(visits > 0) AS visited,
                        sum(covered) AS covered, sum(last_visit_ms IS NULL OR last_visit_ms < ?) AS stale, max(last_activity_ms) AS last_activity
                    FROM household WHERE merged_into IS NULL AND moved = 0 GROUP BY scheme, commune, volunteer
                    """, arguments: [since])
            {
                let volunteer: String = row["volunteer"]
                let key = "\(row["scheme"] as String)|\(row["commune"] as String)|\(volunteer)"
                cells[key] = ReportCell(
                    scheme: Scheme(rawValue: row["scheme"]) ?? .y2025, commune: row["commune"], villageKey: "", village: "", volunteer: volunteer,
                    registered: row["registered"], visited: row["visited"], covered: row["covered"], stale: row["stale"], lastActivity: row["last_activity"])
            }
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT m.scheme, m.commune, coalesce(h.last_volunteer, '') AS volunteer, m.birth_year, count(*) AS members,
                        coalesce(sum(m.dvctt = 1), 0) AS dvctt, coalesce(sum(m.vneid = 'level2'), 0) AS level2
                    FROM member m JOIN household h ON h.code = m.household WHERE m.counted = 1
                    GROUP BY m.scheme, m.commune, volunteer, m.birth_year
                    """)
            {
                let key = "\(row["scheme"] as String)|\(row["commune"] as String)|\(row["volunteer"] as String)"
                cells[key]?.members[row["birth_year"]] = (row["members"], row["dvctt"], row["level2"])
            }
            return Array(cells.values)
        }
        for row in try Row.fetchAll(db, sql: householdCellsSQL, arguments: [since]) {
            let scheme = Scheme(rawValue: row["scheme"]) ?? .y2025
            // Outside a village report, a 2025 commune is one cell: villages only place pre-2025 records.
            let villageKey: String = byVillage || scheme == .pre2025 ? row["village_key"] : ""
            let key = "\(scheme.rawValue)|\(row["commune"] as String)|\(villageKey)"
            var cell = cells[key] ?? ReportCell(scheme: scheme, commune: row["commune"], villageKey: villageKey, village: villageKey.isEmpty ? "" : row["village"])
            cell.registered += row["registered"] as Int
            cell.visited += row["visited"] as Int
            cell.covered += row["covered"] as Int
            cell.stale += row["stale"] as Int
            if let last = row["last_activity"] as Int64? { cell.lastActivity = max(cell.lastActivity ?? last, last) }
            cells[key] = cell
        }
        for row in try Row.fetchAll(db, sql: byVillage ? memberVillageCellsSQL : memberCellsSQL) {
            let key = "\(row["scheme"] as String)|\(row["commune"] as String)|\(row["village_key"] as String)"
            cells[key]?.members[row["birth_year"]] = (row["members"], row["dvctt"], row["level2"])
        }
        return Array(cells.values)
    }

    /// Pre-2025 villages the team assigned to a 2025 commune: "scheme|commune|village key" → new commune.
    static func villageAssignments(_ db: Database) throws -> [String: (name: String, newCommune: String?)] {
        var villages: [String: (name: String, newCommune: String?)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT scheme, commune, key, name, new_commune FROM village") {
            villages["\(row["scheme"] as String)|\(row["commune"] as String)|\(row["key"] as String)"] = (row["name"], row["new_commune"])
        }
        return villages
    }

    /// The household register: 2025 commune → village key → households.
    static func register(_ db: Database) throws -> [String: [String: (name: String, households: Int)]] {
        var register: [String: [String: (name: String, households: Int)]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT commune, village_key, village, households FROM register WHERE scheme = '2025'") {
            register[row["commune"], default: [:]][row["village_key"]] = (row["village"], row["households"])
        }
        return register
    }
}
