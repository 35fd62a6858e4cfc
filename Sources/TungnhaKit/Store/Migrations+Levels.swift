import GRDB

extension Migrations {
    /// The levels of 2026: no districts. The machine that merges is the gathering machine of a commune or of a
    /// province; a commune's keeps the files it received, to forward them unchanged.
    static func registerLevelMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("2027-02-gathering-roles") { db in
            // A "district server" merged for one province, or for all: a province's gathering machine.
            try db.execute(sql: "UPDATE setting SET value = 'province-gathering' WHERE key = 'device.role' AND value = 'district'")
        }
        migrator.registerMigration("2027-02-received-files") { db in
            try db.execute(
                sql: """
                    -- The bytes of each batch file a commune's gathering machine accepted, as they arrived: `forward`
                    -- writes them again unchanged for the province, so that they stay verifiable there.
                    CREATE TABLE received_file (
                        batch INTEGER PRIMARY KEY,    -- the batch row (batch.rowid)
                        name TEXT NOT NULL,           -- the file name it is forwarded under
                        bytes BLOB NOT NULL,
                        run INTEGER                   -- the forward run that first wrote it; NULL until then
                    );
                    CREATE INDEX received_file_run ON received_file(run);

                    -- Each time `forward` wrote files: when, where, and this machine's own batch written with them.
                    CREATE TABLE forward_run (
                        number INTEGER PRIMARY KEY,
                        written_at TEXT NOT NULL,
                        folder TEXT NOT NULL,
                        files INTEGER NOT NULL,
                        device TEXT NOT NULL,
                        own_batch INTEGER
                    );
                    """)
        }
    }
}
