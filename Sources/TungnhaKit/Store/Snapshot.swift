import GRDB

extension Store {
    /// The events and the derived state as text, in a fixed order: two stores holding the same
    /// events must give the same text, whatever order the events arrived in.
    public func snapshot(events includeEvents: Bool = true) throws -> String {
        try read { db in
            var lines: [String] = []
            if includeEvents {
                lines += try String.fetchAll(db, sql: "SELECT body FROM event ORDER BY id")
            }
            let tables: [(String, String)] = [
                ("household_link", "code"), ("village", "scheme, commune, key"), ("household", "code"), ("member", "code"),
                ("visit", "event"), ("field_conflict", "entity, code, field"),
                ("(SELECT * FROM member_tally WHERE members > 0)", "scheme, commune, village_key, birth_year"),
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
