import GRDB

extension Migrations {
    /// Folded keys written before `Folding.fold` made i and y one letter ("Lí"/"Lý") are folded again, so that a
    /// store made by an earlier version finds its villages under the keys new code computes; the derived tables are
    /// derived again from the events.
    static func registerFoldingMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("2026-12-fold-i-y") { db in
            db.add(function: DatabaseFunction("tungnha_fold", argumentCount: 1, pure: true) { values in
                String.fromDatabaseValue(values[0]).map(Folding.fold)
            })
            // Two keys that become one (two villages "Thôn Lí" and "Thôn Lý") are one village under the new rule:
            // their counts are added up.
            try db.execute(
                sql: """
                    CREATE TEMP TABLE refolded_register AS
                        SELECT scheme, commune, tungnha_fold(village_key) AS village_key, max(village) AS village,
                            sum(households) AS households, max(imported_at) AS imported_at
                        FROM register GROUP BY 1, 2, 3;
                    DELETE FROM register;
                    INSERT INTO register (scheme, commune, village_key, village, households, imported_at)
                        SELECT scheme, commune, village_key, village, households, imported_at FROM refolded_register;
                    DROP TABLE refolded_register;
                    """)
            try DerivedTables.startOver(db: db)
            db.remove(function: DatabaseFunction("tungnha_fold", argumentCount: 1, pure: true) { _ in nil })
        }
    }
}
