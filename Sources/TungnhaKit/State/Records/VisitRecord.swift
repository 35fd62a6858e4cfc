import GRDB

/// A row of `visit`: one visit, under the household it counts for (its place is the household's).
struct VisitRecord: DerivedRecord, Equatable {
    static let databaseTableName = "visit"
    static let writeSQL = makeReplaceSQL()

    enum Columns: String, ColumnExpression, CaseIterable {
        case householdKey = "household_key"
        case household, event
        case recordedIn = "recorded_in"
        case at
        case atMillis = "at_ms"
        case device, volunteer, outcome, help, procedure
        case followUp = "follow_up"
        case note, observed
        case backcheckOf = "backcheck_of"
    }

    var householdKey: Int64
    var event: String
    var household: String
    var recordedIn: String
    let at: Moment
    var device: String
    var volunteer: String
    var outcome: VisitOutcome
    let help: [Help]
    /// `at` and `help` as stored: made where the record is, which for a merge is off the writer's thread.
    private let atText: String
    private let helpText: String
    var procedure: String?
    var followUp: String?
    var note: String?
    /// How many members it observed.
    var observed: Int
    /// The visit it checks again, when it is a back-check.
    var backcheckOf: String?

    init(_ visit: VisitState, rootKey: Int64) {
        householdKey = rootKey
        event = visit.event
        household = visit.household
        recordedIn = visit.recordedIn
        at = visit.at
        atText = visit.at.rfc3339
        device = visit.device
        volunteer = visit.volunteer
        outcome = visit.outcome
        help = visit.help
        helpText = visit.help.map(\.rawValue).joined(separator: ",")
        procedure = visit.procedure
        followUp = visit.followUp?.description
        note = visit.note
        observed = visit.observations.count
        backcheckOf = visit.backcheckOf
    }

    init(row: Row) throws {
        householdKey = row[Columns.householdKey]
        event = row[Columns.event]
        household = row[Columns.household]
        recordedIn = row[Columns.recordedIn]
        atText = row[Columns.at]
        at = Moment(rfc3339: atText) ?? Moment(millis: row[Columns.atMillis])
        device = row[Columns.device]
        volunteer = row[Columns.volunteer]
        outcome = VisitOutcome(rawValue: row[Columns.outcome]) ?? .met
        helpText = row[Columns.help]
        help = helpText.split(separator: ",").compactMap { Help(rawValue: String($0)) }
        procedure = row[Columns.procedure]
        followUp = row[Columns.followUp]
        note = row[Columns.note]
        observed = row[Columns.observed]
        backcheckOf = row[Columns.backcheckOf]
    }

    func cell(_ column: Columns) -> Cell {
        switch column {
        case .householdKey: return .int(householdKey)
        case .event: return .text(event)
        case .household: return .text(household)
        case .recordedIn: return .text(recordedIn)
        case .at: return .text(atText)
        case .atMillis: return .int(at.millis)
        case .device: return .text(device)
        case .volunteer: return .text(volunteer)
        case .outcome: return .text(outcome.rawValue)
        case .help: return .text(helpText)
        case .procedure: return .text(procedure)
        case .followUp: return .text(followUp)
        case .note: return .text(note)
        case .observed: return .int(observed)
        case .backcheckOf: return .text(backcheckOf)
        }
    }

    static func find(_ event: String, household: String, db: Database) throws -> VisitRecord? {
        guard let key = try HouseholdFoldRecord.key(of: household, db: db) else { return nil }
        return try VisitRecord.filter(Columns.householdKey == key && Columns.event == event).fetchOne(db)
    }

    /// A household's visits, latest first.
    static func of(household: String, db: Database) throws -> [VisitRecord] {
        guard let key = try HouseholdFoldRecord.key(of: household, db: db) else { return [] }
        return try VisitRecord.filter(Columns.householdKey == key).order(Columns.atMillis.desc).fetchAll(db)
    }

    static func delete(householdKey: Int64, db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM visit WHERE household_key = ?").execute(arguments: [householdKey])
    }
}
