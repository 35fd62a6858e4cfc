import GRDB

/// A row of `member`: one member as it stands, under the household it counts for.
struct MemberRecord: DerivedRecord, Equatable {
    static let databaseTableName = "member"
    static let writeSQL = makeReplaceSQL()

    enum Columns: String, ColumnExpression, CaseIterable {
        case householdKey = "household_key"
        case code, household
        case recordedIn = "recorded_in"
        case scheme, commune
        case villageKey = "village_key"
        case counted, name
        case birthYear = "birth_year"
        case sex, relation, status, vneid, login, dvctt
        case paidOnline = "paid_online"
        case smartphone
        case observedMillis = "observed_ms"
        case able
        case addedMillis = "added_ms"
    }

    /// The key of the household it counts under (`household_fold`).
    var householdKey: Int64
    var code: String
    var household: String
    var recordedIn: String
    var commune: CommuneRef
    var villageKey: String
    /// In every figure: a current member of a counted household.
    var counted: Bool
    /// Only where the household consented to names.
    var name: String?
    var birthYear: Int
    var sex: Sex?
    var relation: String?
    var status: MemberStatus
    var abilities: Abilities
    var able: Bool
    var addedMillis: Int64

    init(_ member: MemberState, root: HouseholdState, rootKey: Int64, villageKey: String? = nil) {
        self.init(
            member, commune: root.commune, villageKey: villageKey ?? Folding.fold(root.village), rootCounts: root.mergedInto == nil && !root.moved,
            consent: root.consent, rootKey: rootKey)
    }

    /// `rootCounts`: the root is not merged into another and has not moved away.
    init(_ member: MemberState, commune: CommuneRef, villageKey: String, rootCounts: Bool, consent: Bool, rootKey: Int64) {
        householdKey = rootKey
        code = member.code
        household = member.household
        recordedIn = member.recordedIn
        self.commune = commune
        self.villageKey = villageKey
        counted = rootCounts && member.status == .present
        name = consent ? member.name : nil
        birthYear = member.birthYear
        sex = member.sex
        relation = member.relation
        status = member.status
        abilities = member.abilities
        able = member.able
        addedMillis = member.addedAt.millis
    }

    init(row: Row) throws {
        householdKey = row[Columns.householdKey]
        code = row[Columns.code]
        household = row[Columns.household]
        recordedIn = row[Columns.recordedIn]
        commune = CommuneRef(code: row[Columns.commune], scheme: Scheme(rawValue: row[Columns.scheme]) ?? .y2025)
        villageKey = row[Columns.villageKey]
        counted = row[Columns.counted]
        name = row[Columns.name]
        birthYear = row[Columns.birthYear]
        sex = (row[Columns.sex] as String?).flatMap(Sex.init(rawValue:))
        relation = row[Columns.relation]
        status = MemberStatus(rawValue: row[Columns.status]) ?? .present
        abilities = Abilities(
            vneid: (row[Columns.vneid] as String?).flatMap(VneidStatus.init(rawValue:)), login: row[Columns.login], dvctt: row[Columns.dvctt],
            paidOnline: row[Columns.paidOnline], smartphone: row[Columns.smartphone],
            observedAt: (row[Columns.observedMillis] as Int64?).map { Moment(millis: $0) })
        able = row[Columns.able]
        addedMillis = row[Columns.addedMillis]
    }

    func cell(_ column: Columns) -> Cell {
        switch column {
        case .householdKey: return .int(householdKey)
        case .code: return .text(code)
        case .household: return .text(household)
        case .recordedIn: return .text(recordedIn)
        case .scheme: return .text(commune.scheme.rawValue)
        case .commune: return .text(commune.code)
        case .villageKey: return .text(villageKey)
        case .counted: return .bool(counted)
        case .name: return .text(name)
        case .birthYear: return .int(birthYear)
        case .sex: return .text(sex?.rawValue)
        case .relation: return .text(relation)
        case .status: return .text(status.rawValue)
        case .vneid: return .text(abilities.vneid?.rawValue)
        case .login: return .bool(abilities.login)
        case .dvctt: return .bool(abilities.dvctt)
        case .paidOnline: return .bool(abilities.paidOnline)
        case .smartphone: return .bool(abilities.smartphone)
        case .observedMillis: return .int(abilities.observedAt?.millis)
        case .able: return .bool(able)
        case .addedMillis: return .int(addedMillis)
        }
    }

    /// What this member adds to the member tally: nothing unless counted.
    var tally: MemberTallyRecord.Key? {
        counted ? MemberTallyRecord.Key(commune: commune, villageKey: villageKey, birthYear: birthYear) : nil
    }

    // MARK: Reading

    /// A member by its whole code, in whichever household (a scan: members are found by household first).
    static func find(_ code: String, db: Database) throws -> MemberRecord? {
        try MemberRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM member WHERE code = ? LIMIT 1"), arguments: [code])
    }

    /// Members whose code starts with `prefix`: within one household (its root's code), or anywhere.
    static func withPrefix(_ prefix: String, household: String?, limit: Int, db: Database) throws -> [MemberRecord] {
        var request = MemberRecord.filter(Columns.code >= prefix && Columns.code < prefix + "~")
        if let household {
            guard let key = try HouseholdFoldRecord.key(of: household, db: db) else { return [] }
            request = request.filter(Columns.householdKey == key)
        }
        return try request.order(Columns.code).limit(limit).fetchAll(db)
    }

    /// The member codes of the household `code` belongs to, beside it, to tell it apart from them.
    static func neighbours(of code: String, db: Database) throws -> [String] {
        guard let key = try Int64.fetchOne(db.cachedStatement(sql: "SELECT household_key FROM member WHERE code = ? LIMIT 1"), arguments: [code])
        else { return [] }
        return try String.fetchAll(db.cachedStatement(sql: "SELECT code FROM member WHERE household_key = ? AND code != ?"), arguments: [key, code])
    }

    /// The members counted under a household: current ones first, then by year of birth.
    static func of(household: String, db: Database) throws -> [MemberRecord] {
        guard let key = try HouseholdFoldRecord.key(of: household, db: db) else { return [] }
        return try of(householdKey: key, db: db)
    }

    static func of(householdKey: Int64, db: Database) throws -> [MemberRecord] {
        try MemberRecord.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM member WHERE household_key = ? ORDER BY status != 'present', birth_year, code"),
            arguments: [householdKey])
    }

    static func exists(_ code: String, db: Database) throws -> Bool { try find(code, db: db) != nil }

    /// Counted members by the volunteer of their household's last visit and year of birth (the volunteer report).
    static func volunteerFigures(db: Database) throws -> [(scheme: Scheme, commune: String, volunteer: String, birthYear: Int, members: Int, dvctt: Int, level2: Int)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT m.scheme, m.commune, coalesce(h.last_volunteer, '') AS volunteer, m.birth_year, count(*) AS members,
                    coalesce(sum(m.dvctt = 1), 0) AS dvctt, coalesce(sum(m.vneid = 'level2'), 0) AS level2
                FROM member m JOIN household h ON h.key = m.household_key WHERE m.counted = 1
                GROUP BY m.scheme, m.commune, volunteer, m.birth_year
                """
        ).map { row in
            (Scheme(rawValue: row["scheme"]) ?? .y2025, row["commune"], row["volunteer"], row["birth_year"], row["members"], row["dvctt"], row["level2"])
        }
    }

    static func delete(householdKey: Int64, db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM member WHERE household_key = ?").execute(arguments: [householdKey])
    }

    static func delete(householdKey: Int64, code: String, db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM member WHERE household_key = ? AND code = ?").execute(arguments: [householdKey, code])
    }
}
