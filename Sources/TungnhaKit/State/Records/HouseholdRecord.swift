import GRDB

/// A registered household as it stands: the only way to read or write its columns. They are kept in the
/// household's `household_fold` row, beside its fold (one page to change per household a delivery touches), and
/// read through the view `household`, which holds the rows that have them.
struct HouseholdRecord: DerivedRecord, Equatable {
    static let databaseTableName = "household"
    static let writeSQL = makeUpdateSQL(of: HouseholdFoldRecord.databaseTableName, keyedBy: .key, matching: [.code])

    enum Columns: String, ColumnExpression, CaseIterable {
        case key, code, scheme, commune, village
        case villageKey = "village_key"
        case headName = "head_name"
        case address, phone
        case declaredMembers = "declared_members"
        case note, consent
        case consentAsked = "consent_asked"
        case registeredAt = "registered_at"
        case registeredBy = "registered_by"
        case mergedInto = "merged_into"
        case moved, covered
        case closestMember = "closest_member"
        case gaps, members, visits
        case lastVisitMillis = "last_visit_ms"
        case lastOutcome = "last_outcome"
        case lastVolunteer = "last_volunteer"
        case followUp = "follow_up"
        case lastActivityMillis = "last_activity_ms"
        case search
    }

    /// The household's number in `household_fold`.
    var key: Int64
    var code: String
    var commune: CommuneRef
    var village: String
    /// Only where the household consented to names.
    var headName: String?
    var address: String?
    var phone: String?
    var declaredMembers: Int?
    var note: String?
    var consent: Bool
    /// Consent was asked after the registration, not only assumed by it.
    var consentAsked: Bool
    var registeredAt: String
    var registeredBy: String
    var mergedInto: String?
    var moved: Bool
    var covered: Bool
    var closestMember: String?
    var gaps: [CoverageRule.Gap]
    /// Current members, and visits, counted on the household everything counts under; 0 on a merged one.
    var members: Int
    var visits: Int
    var lastVisitMillis: Int64?
    var lastOutcome: VisitOutcome?
    var lastVolunteer: String?
    var followUp: String?
    var lastActivityMillis: Int64
    /// The village and the searchable text, folded (`Folding.fold`) once.
    var villageKey: String
    var search: String

    var root: String { mergedInto ?? code }
    /// Counted in every figure: not merged into another, not moved away.
    var counted: Bool { mergedInto == nil && !moved }

    init(_ household: HouseholdState, in cluster: ClusterState, key: Int64) {
        let isRoot = household.mergedInto == nil
        self.key = key
        code = household.code
        commune = household.commune
        village = household.village
        headName = household.consent ? household.headName : nil
        address = household.address
        phone = household.phone
        declaredMembers = household.declaredMembers
        note = household.note
        consent = household.consent
        consentAsked = household.consentAsked
        registeredAt = household.registeredAt.rfc3339
        registeredBy = household.registeredBy
        mergedInto = household.mergedInto
        moved = household.moved
        covered = household.coverage.covered
        closestMember = household.coverage.closestMember
        gaps = household.coverage.gaps
        members = isRoot ? cluster.members.filter { $0.status == .present }.count : 0
        visits = isRoot ? cluster.visitCount : 0
        lastVisitMillis = isRoot ? cluster.lastVisit?.at.millis : nil
        lastOutcome = isRoot ? cluster.lastVisit?.outcome : nil
        lastVolunteer = isRoot ? cluster.lastVisit?.volunteer : nil
        followUp = isRoot ? cluster.lastVisit?.followUp?.description : nil
        lastActivityMillis = household.lastActivity.millis
        villageKey = Folding.fold(household.village)
        search = Folding.fold([headName, household.address, household.code].compactMap { $0 }.joined(separator: " "))
    }

    init(row: Row) throws {
        key = row[Columns.key]
        code = row[Columns.code]
        commune = CommuneRef(code: row[Columns.commune], scheme: Scheme(rawValue: row[Columns.scheme]) ?? .y2025)
        village = row[Columns.village]
        headName = row[Columns.headName]
        address = row[Columns.address]
        phone = row[Columns.phone]
        declaredMembers = row[Columns.declaredMembers]
        note = row[Columns.note]
        consent = row[Columns.consent]
        consentAsked = row[Columns.consentAsked]
        registeredAt = row[Columns.registeredAt]
        registeredBy = row[Columns.registeredBy]
        mergedInto = row[Columns.mergedInto]
        moved = row[Columns.moved]
        covered = row[Columns.covered]
        closestMember = row[Columns.closestMember]
        gaps = (row[Columns.gaps] as String).split(separator: ",").compactMap { CoverageRule.Gap(rawValue: String($0)) }
        members = row[Columns.members]
        visits = row[Columns.visits]
        lastVisitMillis = row[Columns.lastVisitMillis]
        lastOutcome = (row[Columns.lastOutcome] as String?).flatMap(VisitOutcome.init(rawValue:))
        lastVolunteer = row[Columns.lastVolunteer]
        followUp = row[Columns.followUp]
        lastActivityMillis = row[Columns.lastActivityMillis]
        villageKey = row[Columns.villageKey]
        search = row[Columns.search]
    }

    func cell(_ column: Columns) -> Cell {
        switch column {
        case .key: return .int(key)
        case .code: return .text(code)
        case .scheme: return .text(commune.scheme.rawValue)
        case .commune: return .text(commune.code)
        case .village: return .text(village)
        case .villageKey: return .text(villageKey)
        case .headName: return .text(headName)
        case .address: return .text(address)
        case .phone: return .text(phone)
        case .declaredMembers: return .int(declaredMembers)
        case .note: return .text(note)
        case .consent: return .bool(consent)
        case .consentAsked: return .bool(consentAsked)
        case .registeredAt: return .text(registeredAt)
        case .registeredBy: return .text(registeredBy)
        case .mergedInto: return .text(mergedInto)
        case .moved: return .bool(moved)
        case .covered: return .bool(covered)
        case .closestMember: return .text(closestMember)
        case .gaps: return .text(gaps.map(\.rawValue).joined(separator: ","))
        case .members: return .int(members)
        case .visits: return .int(visits)
        case .lastVisitMillis: return .int(lastVisitMillis)
        case .lastOutcome: return .text(lastOutcome?.rawValue)
        case .lastVolunteer: return .text(lastVolunteer)
        case .followUp: return .text(followUp)
        case .lastActivityMillis: return .int(lastActivityMillis)
        case .search: return .text(search)
        }
    }

    // MARK: Reading

    static func find(_ code: String, db: Database) throws -> HouseholdRecord? {
        guard let key = try HouseholdFoldRecord.key(of: code, db: db) else { return nil }
        return try find(key: key, db: db)
    }

    static func find(key: Int64, db: Database) throws -> HouseholdRecord? {
        try HouseholdRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM household WHERE key = ?"), arguments: [key])
    }

    /// Registered households whose code starts with `prefix`, at most `limit`.
    static func withPrefix(_ prefix: String, limit: Int, db: Database) throws -> [HouseholdRecord] {
        try HouseholdRecord.fetchAll(
            db,
            sql: """
                SELECT h.* FROM household_fold f JOIN household h ON h.key = f.key
                WHERE f.code >= ? AND f.code < ? ORDER BY f.code LIMIT ?
                """, arguments: [prefix, prefix + "~", limit])
    }

    /// Households counted under their own code, by village then code; `villageKey` limits them to one village.
    static func standing(villageKey: String? = nil, limit: Int? = nil, db: Database) throws -> [HouseholdRecord] {
        var request = HouseholdRecord.filter(Columns.mergedInto == nil)
        if let villageKey { request = request.filter(Columns.villageKey == villageKey) }
        request = request.order(Columns.villageKey, Columns.code)
        if let limit { request = request.limit(limit) }
        return try request.fetchAll(db)
    }

    /// Households whose folded head name (where consented), address, code or village contains `query`.
    static func search(_ query: String, limit: Int, db: Database) throws -> [HouseholdRecord] {
        let pattern = "%" + query.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
        return try HouseholdRecord.fetchAll(
            db,
            sql: """
                SELECT * FROM household WHERE merged_into IS NULL AND (search LIKE ? OR village_key LIKE ?)
                ORDER BY instr(search, ?) = 0, village_key, code LIMIT ?
                """, arguments: [pattern, pattern, query, limit])
    }

    /// Of these households, those asked whether names may be kept that said no.
    static func refusedNames(among codes: [String], db: Database) throws -> [String] {
        try codes.filter { code in
            guard let household = try find(code, db: db) else { return false }
            return household.consentAsked && !household.consent
        }
    }

    static func merged(into code: String, db: Database) throws -> [String] {
        try HouseholdLinkRecord.merged(into: code, db: db).filter { try find($0, db: db) != nil }
    }

    /// Counted households not covered yet, by village, then follow-up date.
    static func notCovered(villageKey: String?, db: Database) throws -> [HouseholdRecord] {
        var request = HouseholdRecord.filter(Columns.mergedInto == nil && Columns.moved == false && Columns.covered == false)
        if let villageKey { request = request.filter(Columns.villageKey == villageKey) }
        return try request.order(
            Columns.commune, Columns.scheme, Columns.villageKey, Columns.followUp == nil, Columns.followUp, Columns.lastVisitMillis, Columns.code
        ).fetchAll(db)
    }

    /// Every counted household, by code: what duplicates are looked for among.
    static func counted(db: Database) throws -> [HouseholdRecord] {
        try HouseholdRecord.filter(Columns.mergedInto == nil && Columns.moved == false).order(Columns.code).fetchAll(db)
    }

    /// Households registered in a village of a commune, not merged.
    static func count(commune: CommuneRef, villageKey: String, db: Database) throws -> Int {
        try HouseholdRecord.filter(
            Columns.scheme == commune.scheme.rawValue && Columns.commune == commune.code && Columns.villageKey == villageKey
                && Columns.mergedInto == nil
        ).fetchCount(db)
    }

    /// The figures of every (scheme, commune, village) for the report, read from the covering index alone
    /// (`bench/report.sql` runs the same statement).
    static let placeFiguresSQL = """
        SELECT scheme, commune, village_key, min(village) AS village, count(*) AS registered,
            sum(visits > 0) AS visited, sum(covered) AS covered,
            sum(last_visit_ms IS NULL OR last_visit_ms < ?) AS stale, max(last_activity_ms) AS last_activity
        FROM household WHERE merged_into IS NULL AND moved = 0
        GROUP BY scheme, commune, village_key
        """

    static let volunteerFiguresSQL = """
        SELECT scheme, commune, coalesce(last_volunteer, '') AS volunteer, count(*) AS registered, sum(visits > 0) AS visited,
            sum(covered) AS covered, sum(last_visit_ms IS NULL OR last_visit_ms < ?) AS stale, max(last_activity_ms) AS last_activity
        FROM household WHERE merged_into IS NULL AND moved = 0 GROUP BY scheme, commune, volunteer
        """

    struct PlaceFigures {
        var scheme: Scheme
        var commune: String
        /// The village key, or the volunteer's name.
        var key: String
        var village: String
        var registered: Int
        var visited: Int
        var covered: Int
        var stale: Int
        var lastActivity: Int64?
    }

    /// Counted households by place (or by the volunteer of their last visit): `staleBefore` is the start of the
    /// first day a visit counts as recent.
    static func figures(byVolunteer: Bool, staleBefore: Int64, db: Database) throws -> [PlaceFigures] {
        try Row.fetchAll(db, sql: byVolunteer ? volunteerFiguresSQL : placeFiguresSQL, arguments: [staleBefore]).map { row in
            PlaceFigures(
                scheme: Scheme(rawValue: row["scheme"]) ?? .y2025, commune: row["commune"],
                key: byVolunteer ? row["volunteer"] : row["village_key"], village: byVolunteer ? "" : row["village"],
                registered: row["registered"], visited: row["visited"], covered: row["covered"], stale: row["stale"],
                lastActivity: row["last_activity"])
        }
    }

    /// Leaves the household's fold row with no household columns: no longer a registered household.
    static func delete(key: Int64, db: Database) throws {
        try db.cachedStatement(sql: clearSQL).execute(arguments: [key])
    }

    static let clearSQL = makeClearSQL(of: HouseholdFoldRecord.databaseTableName, keyedBy: .key, leaving: [.code])
}
