import GRDB

/// A row of `field_conflict`: a field two devices set without knowing of each other.
struct FieldConflictRecord: DerivedRecord, Equatable {
    static let databaseTableName = "field_conflict"
    static let writeSQL = makeReplaceSQL()

    enum Columns: String, ColumnExpression, CaseIterable { case entity, code, household, field, candidates, chosen }

    var conflict: FieldConflict

    init(_ conflict: FieldConflict) { self.conflict = conflict }

    init(row: Row) throws {
        var candidates: [FieldConflict.Candidate] = []
        if case .array(let items)? = try? JSONParser.parse(row[Columns.candidates] as String) {
            for item in items {
                guard case .string(let event)? = item["event"], case .string(let device)? = item["device"],
                    case .string(let at)? = item["at"], let moment = Moment(rfc3339: at)
                else { continue }
                let value: FieldValue
                switch item["value"] {
                case .string(let text)?: value = .text(text)
                case .int(let number)?: value = Int(exactly: number).map(FieldValue.number) ?? .none
                case .bool(let flag)?: value = .flag(flag)
                default: value = .none
                }
                candidates.append(FieldConflict.Candidate(event: event, device: device, at: moment, value: value))
            }
        }
        let chosen: String? = row[Columns.chosen]
        conflict = FieldConflict(
            entity: FieldConflict.Entity(rawValue: row[Columns.entity]) ?? .household, code: row[Columns.code], household: row[Columns.household],
            field: row[Columns.field], candidates: candidates, chosen: chosen.map(FieldValue.text) ?? .none)
    }

    func cell(_ column: Columns) -> Cell {
        switch column {
        case .entity: return .text(conflict.entity.rawValue)
        case .code: return .text(conflict.code)
        case .household: return .text(conflict.household)
        case .field: return .text(conflict.field)
        case .candidates:
            return .text(
                JSONWriter.canonical(
                    .array(
                        conflict.candidates.map { candidate in
                            .object([
                                "event": .string(candidate.event), "device": .string(candidate.device),
                                "at": .string(candidate.at.rfc3339), "value": Self.json(candidate.value),
                            ])
                        })))
        case .chosen: return .text(conflict.chosen == .none ? nil : conflict.chosen.description)
        }
    }

    static func json(_ value: FieldValue) -> JSONValue {
        switch value {
        case .text(let text): return .string(text)
        case .number(let number): return .int(Int64(number))
        case .flag(let flag): return .bool(flag)
        case .none: return .null
        }
    }

    /// Every conflict, or those of one household, by household, entity, code and field.
    static func all(household: String?, db: Database) throws -> [FieldConflictRecord] {
        var request = FieldConflictRecord.all()
        if let household { request = request.filter(Columns.household == household) }
        return try request.order(Columns.household, Columns.entity, Columns.code, Columns.field).fetchAll(db)
    }

    static func delete(household: String, db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM field_conflict WHERE household = ?").execute(arguments: [household])
    }
}
