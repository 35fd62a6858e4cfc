import GRDB

extension Migrations {
    /// The commune's household list as imported on this machine: names and phone numbers that stay here,
    /// never in an event or a batch, until the household agrees to names being kept.
    static func registerHouseholds(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("2026-12-register-households") { db in
            try db.execute(
                sql: """
                    CREATE TABLE register_household (
                        household TEXT PRIMARY KEY,
                        -- Folded village, head and address: the same row imported again finds it.
                        match_key TEXT NOT NULL,
                        -- Null for a household volunteers had registered before the import: it gets no name from the list.
                        head_name TEXT,
                        phone TEXT,
                        source TEXT NOT NULL,
                        imported_at TEXT NOT NULL,
                        -- When the name became the household's own recorded name, after its consent.
                        carried_at TEXT
                    );
                    CREATE INDEX register_household_key ON register_household(match_key);
                    """)
        }
    }
}
