import GRDB

extension Store {
    /// The events and the derived state as text, in a fixed order: two stores holding the same events must give
    /// the same text, whatever order the events arrived in and however they were derived. The numbers a store gives
    /// its households and the places of events in its log depend on arrival, so they are left out.
    public func snapshot(events includeEvents: Bool = true) throws -> String {
        try read { db in
            var lines: [String] = []
            if includeEvents {
                lines += try String.fetchAll(db, sql: "SELECT body FROM event ORDER BY body")
            }
            func columns<Record: DerivedRecord>(_: Record.Type, except: [String] = []) -> String {
                Record.Columns.allCases.map(\.rawValue).filter { !except.contains($0) }.joined(separator: ", ")
            }
            let tables: [(String, String)] = [
                ("household_link", "code"), ("village", "scheme, commune, key"),
                ("(SELECT \(columns(HouseholdRecord.self, except: ["key"])) FROM household)", "code"),
                ("(SELECT \(columns(MemberRecord.self, except: ["household_key"])) FROM member)", "code"),
                ("(SELECT \(columns(VisitRecord.self, except: ["household_key"])) FROM visit)", "event"),
                ("field_conflict", "entity, code, field"),
                ("(SELECT * FROM member_tally WHERE members > 0)", "scheme, commune, village_key, birth_year"),
                ("(SELECT code, hex(state) AS state FROM household_fold)", "code"),
                ("(SELECT code, scheme, commune, hex(points) AS points FROM household_timeline)", "code"),
            ]
            for (table, order) in tables {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)") {
                    lines.append(table + " " + row.description)
                }
            }
            return lines.joined(separator: "\n")
        }
    }
}
