import GRDB

/// A row of `village`: a village of one commune as its events say, by folded name.
struct VillageRecord: DerivedRecord, Equatable {
    static let databaseTableName = "village"
    static let writeSQL = makeReplaceSQL()

    enum Columns: String, ColumnExpression, CaseIterable {
        case scheme, commune, key, name
        case newCommune = "new_commune"
    }

    var commune: CommuneRef
    var key: String
    var name: String
    /// For a village of a pre-2025 commune split by the reform: the 2025 commune it went to.
    var newCommune: String?

    init(commune: CommuneRef, key: String, state: Derivation.VillageState) {
        self.commune = commune
        self.key = key
        name = state.name
        newCommune = state.newCommune
    }

    init(row: Row) throws {
        commune = CommuneRef(code: row[Columns.commune], scheme: Scheme(rawValue: row[Columns.scheme]) ?? .y2025)
        key = row[Columns.key]
        name = row[Columns.name]
        newCommune = row[Columns.newCommune]
    }

    func cell(_ column: Columns) -> Cell {
        switch column {
        case .scheme: return .text(commune.scheme.rawValue)
        case .commune: return .text(commune.code)
        case .key: return .text(key)
        case .name: return .text(name)
        case .newCommune: return .text(newCommune)
        }
    }

    static func of(_ commune: CommuneRef, db: Database) throws -> [VillageRecord] {
        try VillageRecord.filter(Columns.scheme == commune.scheme.rawValue && Columns.commune == commune.code).order(Columns.name).fetchAll(db)
    }

    static func all(db: Database) throws -> [VillageRecord] {
        try VillageRecord.order(Columns.scheme, Columns.commune, Columns.name).fetchAll(db)
    }

    /// Replaces the villages of one commune with what its events now say.
    static func replace(_ commune: CommuneRef, with villages: [String: Derivation.VillageState], db: Database) throws {
        try VillageRecord.filter(Columns.scheme == commune.scheme.rawValue && Columns.commune == commune.code).deleteAll(db)
        for (key, state) in villages { try VillageRecord(commune: commune, key: key, state: state).insert(db) }
    }
}

/// A row of `household_link`: a household that a merge (voided or not) links to others.
struct HouseholdLinkRecord: DerivedRecord, Equatable {
    static let databaseTableName = "household_link"
    static let writeSQL = makeReplaceSQL()

    enum Columns: String, ColumnExpression, CaseIterable { case code, root, component }

    var code: String
    /// The household it counts under now.
    var root: String
    /// Every household ever linked to it by a merge, voided or not, shares this: they are derived together.
    var component: String

    init(code: String, root: String, component: String) {
        self.code = code
        self.root = root
        self.component = component
    }

    init(row: Row) throws {
        code = row[Columns.code]
        root = row[Columns.root]
        component = row[Columns.component]
    }

    func cell(_ column: Columns) -> Cell {
        switch column {
        case .code: return .text(code)
        case .root: return .text(root)
        case .component: return .text(component)
        }
    }

    static func find(_ code: String, db: Database) throws -> HouseholdLinkRecord? {
        try HouseholdLinkRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM household_link WHERE code = ?"), arguments: [code])
    }

    static func members(component: String, db: Database) throws -> [String] {
        try HouseholdLinkRecord.filter(Columns.component == component).order(Columns.code).fetchAll(db).map(\.code)
    }

    /// Codes merged into `root`, directly or through others.
    static func merged(into root: String, db: Database) throws -> [String] {
        try HouseholdLinkRecord.filter(Columns.root == root && Columns.code != root).order(Columns.code).fetchAll(db).map(\.code)
    }

    static func all(db: Database) throws -> [HouseholdLinkRecord] { try HouseholdLinkRecord.order(Columns.code).fetchAll(db) }

    static func any(db: Database) throws -> Bool { try HouseholdLinkRecord.limit(1).fetchCount(db) > 0 }
}
