import GRDB

/// A row of `member_tally`: counted members of one place born in one year, kept with the member rows so that a
/// report adds up these few rows instead of every member.
struct MemberTallyRecord: DerivedRecord, Equatable {
    static let databaseTableName = "member_tally"
    static let writeSQL = makeReplaceSQL()

    enum Columns: String, ColumnExpression, CaseIterable {
        case scheme, commune
        case villageKey = "village_key"
        case birthYear = "birth_year"
        case members, dvctt, level2
    }

    struct Key: Hashable {
        var commune: CommuneRef
        var villageKey: String
        var birthYear: Int
    }

    /// Counts: members, with a DVCTT done unaided, with VNeID level 2.
    struct Counts: Equatable {
        var members = 0
        var dvctt = 0
        var level2 = 0

        static func + (lhs: Counts, rhs: Counts) -> Counts {
            Counts(members: lhs.members + rhs.members, dvctt: lhs.dvctt + rhs.dvctt, level2: lhs.level2 + rhs.level2)
        }

        static prefix func - (counts: Counts) -> Counts { Counts(members: -counts.members, dvctt: -counts.dvctt, level2: -counts.level2) }

        static func of(_ member: MemberRecord) -> Counts {
            Counts(members: 1, dvctt: member.abilities.dvctt == true ? 1 : 0, level2: member.abilities.vneid == .level2 ? 1 : 0)
        }
    }

    var key: Key
    var counts: Counts

    init(key: Key, counts: Counts) {
        self.key = key
        self.counts = counts
    }

    init(row: Row) throws {
        key = Key(
            commune: CommuneRef(code: row[Columns.commune], scheme: Scheme(rawValue: row[Columns.scheme]) ?? .y2025),
            villageKey: row[Columns.villageKey], birthYear: row[Columns.birthYear])
        counts = Counts(members: row[Columns.members], dvctt: row[Columns.dvctt], level2: row[Columns.level2])
    }

    func cell(_ column: Columns) -> Cell {
        switch column {
        case .scheme: return .text(key.commune.scheme.rawValue)
        case .commune: return .text(key.commune.code)
        case .villageKey: return .text(key.villageKey)
        case .birthYear: return .int(key.birthYear)
        case .members: return .int(counts.members)
        case .dvctt: return .int(counts.dvctt)
        case .level2: return .int(counts.level2)
        }
    }

    /// Adds the difference between the member rows a derivation removes and those it writes.
    static func note(removing old: [MemberRecord], adding new: [MemberRecord], into changes: inout [Key: Counts]) {
        for member in old { if let key = member.tally { changes[key, default: Counts()] = changes[key, default: Counts()] + -Counts.of(member) } }
        for member in new { if let key = member.tally { changes[key, default: Counts()] = changes[key, default: Counts()] + Counts.of(member) } }
    }

    /// Adds what a household counted for at a point of its timeline, or takes it away.
    static func note(adding point: TimelinePoint, commune: CommuneRef, into changes: inout [Key: Counts]) {
        note(point, commune: commune, sign: 1, into: &changes)
    }

    static func note(removing point: TimelinePoint, commune: CommuneRef, into changes: inout [Key: Counts]) {
        note(point, commune: commune, sign: -1, into: &changes)
    }

    private static func note(_ point: TimelinePoint, commune: CommuneRef, sign: Int, into changes: inout [Key: Counts]) {
        guard point.counted else { return }
        let villageKey = Folding.fold(point.village)
        for member in point.members {
            let key = Key(commune: commune, villageKey: villageKey, birthYear: member.birthYear)
            var counts = changes[key] ?? Counts()
            counts.members += sign
            if member.dvctt { counts.dvctt += sign }
            if member.level2 { counts.level2 += sign }
            changes[key] = counts
        }
    }

    static func add(_ changes: [Key: Counts], db: Database) throws {
        for (key, counts) in changes {
            try FastStatement(
                db,
                """
                INSERT INTO member_tally (scheme, commune, village_key, birth_year, members, dvctt, level2) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET members = members + excluded.members, dvctt = dvctt + excluded.dvctt, level2 = level2 + excluded.level2
                """
            ).run { bind in
                bind.text(key.commune.scheme.rawValue)
                bind.text(key.commune.code)
                bind.text(key.villageKey)
                bind.int(key.birthYear)
                bind.int(counts.members)
                bind.int(counts.dvctt)
                bind.int(counts.level2)
            }
        }
    }

    /// 2025 communes need no village to be placed: their members are added up by commune, in the tally's own order
    /// (`bench/report.sql` runs the same statement).
    static let communeFiguresSQL = """
        SELECT scheme, commune, '' AS village_key, birth_year, sum(members) AS members, sum(dvctt) AS dvctt, sum(level2) AS level2
        FROM member_tally WHERE scheme = '2025' GROUP BY scheme, commune, birth_year
        UNION ALL
        SELECT scheme, commune, village_key, birth_year, members, dvctt, level2 FROM member_tally WHERE scheme = 'pre2025' AND members > 0
        """

    /// Every place with counted members: by commune for 2025 communes unless `byVillage`, by village otherwise.
    static func figures(byVillage: Bool, db: Database) throws -> [MemberTallyRecord] {
        try MemberTallyRecord.fetchAll(
            db, sql: byVillage ? "SELECT * FROM member_tally WHERE members > 0" : communeFiguresSQL)
    }
}
