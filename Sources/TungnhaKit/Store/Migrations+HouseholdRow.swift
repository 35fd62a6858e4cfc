import GRDB

extension Migrations {
    /// A household's figures move into its `household_fold` row, beside its fold: a delivery that touches a
    /// household then changes one row, and one page, where it changed two tables' pages. `household` stays, as a
    /// view of the registered households, so that every reader of it reads as before.
    static func registerHouseholdRowMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("2027-05-household-in-its-fold-row") { db in
            let columns: [(name: String, type: String)] = [
                ("scheme", "TEXT"), ("commune", "TEXT"), ("village", "TEXT"), ("village_key", "TEXT"), ("head_name", "TEXT"),
                ("address", "TEXT"), ("phone", "TEXT"), ("declared_members", "INTEGER"), ("note", "TEXT"), ("consent", "INTEGER"),
                ("consent_asked", "INTEGER"), ("registered_at", "TEXT"), ("registered_by", "TEXT"), ("merged_into", "TEXT"),
                ("moved", "INTEGER"), ("covered", "INTEGER"), ("closest_member", "TEXT"), ("gaps", "TEXT"), ("members", "INTEGER"),
                ("visits", "INTEGER"), ("last_visit_ms", "INTEGER"), ("last_outcome", "TEXT"), ("last_volunteer", "TEXT"),
                ("follow_up", "TEXT"), ("last_activity_ms", "INTEGER"), ("search", "TEXT"),
            ]
            for column in columns { try db.execute(sql: "ALTER TABLE household_fold ADD COLUMN \(column.name) \(column.type)") }
            let names = columns.map(\.name).joined(separator: ", ")
            try db.execute(
                sql: """
                    UPDATE household_fold SET (\(names)) = (SELECT \(names) FROM household h WHERE h.key = household_fold.key)
                        WHERE key IN (SELECT key FROM household);
                    DROP TABLE household;
                    -- The households registered: every column but the fold's is null on a code that has events and no
                    -- registration.
                    CREATE VIEW household AS SELECT key, code, \(names) FROM household_fold WHERE scheme IS NOT NULL;
                    -- Covers the report's grouped query, so that it reads the index alone, in group order.
                    CREATE INDEX household_place ON household_fold(scheme, commune, village_key, covered, visits, last_visit_ms,
                        last_activity_ms, village, merged_into, moved) WHERE merged_into IS NULL AND moved = 0;
                    """)
        }
    }
}
