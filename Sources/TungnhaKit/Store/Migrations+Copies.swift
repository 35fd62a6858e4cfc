import GRDB

extension Migrations {
    /// A store that takes a new device id (restored, copied, or after two machines wrote under one id) keeps the
    /// batches written under its earlier ids apart, and the events of those ids it still has to send.
    static func registerCopyMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("2027-01-device-renewal") { db in
            try db.execute(
                sql: """
                    -- Batches written under an earlier device id of this store; `export` holds the current id's only.
                    CREATE TABLE retired_export (
                        device TEXT NOT NULL,
                        number INTEGER NOT NULL,
                        kind TEXT NOT NULL,
                        scheme TEXT NOT NULL,
                        commune TEXT NOT NULL,
                        first_seq INTEGER,
                        last_seq INTEGER,
                        upto_rowid INTEGER NOT NULL,
                        events INTEGER NOT NULL,
                        written_at TEXT NOT NULL,
                        sha256 TEXT NOT NULL,
                        file TEXT NOT NULL,
                        PRIMARY KEY (device, number)
                    );

                    -- Events of an earlier device id that no batch had carried when the store took a new id: the next
                    -- export writes them as that device's next batch, byte for byte the events it made.
                    CREATE TABLE handover (
                        device TEXT NOT NULL,
                        label TEXT NOT NULL,
                        scheme TEXT NOT NULL,
                        commune TEXT NOT NULL,
                        number INTEGER NOT NULL,
                        first_seq INTEGER NOT NULL,
                        last_seq INTEGER NOT NULL,
                        events INTEGER NOT NULL,
                        written_at TEXT,
                        sha256 TEXT,
                        file TEXT,
                        PRIMARY KEY (device, number)
                    );
                    """)
        }
    }
}
