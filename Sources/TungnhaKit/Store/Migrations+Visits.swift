import GRDB

extension Migrations {
    /// Visits kept in the order they are derived, found through a small index: a weekly delivery adds its visits
    /// at the end of the table instead of into the middle of every household's run of rows.
    static func registerVisitMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("2027-02-visits-in-arrival-order") { db in
            try db.execute(
                sql: """
                    CREATE TABLE visit_arrived (
                        household_key INTEGER NOT NULL,
                        household TEXT NOT NULL,
                        event TEXT NOT NULL,
                        recorded_in TEXT NOT NULL,
                        at TEXT NOT NULL,
                        at_ms INTEGER NOT NULL,
                        device TEXT NOT NULL,
                        volunteer TEXT NOT NULL,
                        outcome TEXT NOT NULL,
                        help TEXT NOT NULL,
                        procedure TEXT,
                        follow_up TEXT,
                        note TEXT,
                        observed INTEGER NOT NULL
                    );
                    INSERT INTO visit_arrived SELECT household_key, household, event, recorded_in, at, at_ms, device, volunteer,
                        outcome, help, procedure, follow_up, note, observed FROM visit ORDER BY household_key, at_ms;
                    DROP TABLE visit;
                    ALTER TABLE visit_arrived RENAME TO visit;
                    CREATE INDEX visit_household ON visit(household_key);
                    """)
        }
    }
}
