import GRDB

extension Migrations {
    /// Folded keys written before `Folding.fold` made i and y one letter ("Lí"/"Lý") are folded again, so that a
    /// store made by an earlier version finds its villages and households under the keys new code computes.
    static func registerFoldingMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("2026-12-fold-i-y") { db in
            db.add(function: DatabaseFunction("tungnha_fold", argumentCount: 1, pure: true) { values in
                String.fromDatabaseValue(values[0]).map(Folding.fold)
            })
            // Two keys that become one (two villages "Thôn Lí" and "Thôn Lý") are one village under the new rule:
            // their rows are added up where they hold counts, and one of them is kept where they hold a name.
            try db.execute(
                sql: """
                    UPDATE household SET village_key = tungnha_fold(village_key), search = tungnha_fold(search);
                    UPDATE member SET village_key = tungnha_fold(village_key);
                    UPDATE visit SET village_key = tungnha_fold(village_key);
                    UPDATE OR REPLACE village SET key = tungnha_fold(key);
                    CREATE TEMP TABLE refolded_register AS
                        SELECT scheme, commune, tungnha_fold(village_key) AS village_key, max(village) AS village,
                            sum(households) AS households, max(imported_at) AS imported_at
                        FROM register GROUP BY 1, 2, 3;
                    DELETE FROM register;
                    INSERT INTO register (scheme, commune, village_key, village, households, imported_at)
                        SELECT scheme, commune, village_key, village, households, imported_at FROM refolded_register;
                    DROP TABLE refolded_register;
                    CREATE TEMP TABLE refolded_tally AS
                        SELECT scheme, commune, tungnha_fold(village_key) AS village_key, birth_year,
                            sum(members) AS members, sum(dvctt) AS dvctt, sum(level2) AS level2
                        FROM member_tally GROUP BY 1, 2, 3, 4;
                    DELETE FROM member_tally;
                    INSERT INTO member_tally (scheme, commune, village_key, birth_year, members, dvctt, level2)
                        SELECT scheme, commune, village_key, birth_year, members, dvctt, level2 FROM refolded_tally;
                    DROP TABLE refolded_tally;
                    """)
            db.remove(function: DatabaseFunction("tungnha_fold", argumentCount: 1, pure: true) { _ in nil })
        }
    }
}
