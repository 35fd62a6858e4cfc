import GRDB

extension Migrations {
    /// Each store's own key pair, the machines it trusts (enrolled here, or vouched for by one enrolled here), and what
    /// `export --again` needs to write a signed and sealed batch byte for byte.
    static func registerTrustMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("2027-02-machine-keys") { db in
            try db.execute(
                sql: """
                    -- This store's private keys, one pair per device id it wrote under; never copied by a backup.
                    CREATE TABLE machine_key (
                        device TEXT PRIMARY KEY,
                        sign_private BLOB NOT NULL,
                        seal_private BLOB NOT NULL,
                        made_at TEXT NOT NULL
                    );

                    -- Machines whose signatures this store trusts, and to which it seals what it writes.
                    CREATE TABLE trusted_machine (
                        device TEXT PRIMARY KEY,
                        label TEXT NOT NULL,
                        role TEXT NOT NULL,
                        scheme TEXT,
                        commune TEXT,
                        province TEXT,
                        sign_key BLOB NOT NULL,
                        seal_key BLOB NOT NULL,
                        fingerprint TEXT NOT NULL,
                        -- 'inbound': its batches come here; 'outbound': what this store writes goes to it (sealed to it).
                        direction TEXT NOT NULL,
                        -- NULL: a person here compared the fingerprint; else the trusted machine that vouched for it.
                        vouched_by TEXT,
                        -- The device ids it continues (a restored or copied store), space separated.
                        continues TEXT NOT NULL,
                        enrolled_at TEXT NOT NULL,
                        revoked_at TEXT,
                        -- After a revocation: its events numbered above this are refused.
                        keep_up_to INTEGER,
                        -- The signed statement as received, to pass on.
                        statement TEXT NOT NULL
                    );

                    -- The signature and the seal of each batch this store wrote, so that `export --again` writes the same bytes.
                    CREATE TABLE export_seal (
                        device TEXT NOT NULL,
                        number INTEGER NOT NULL,
                        signature TEXT NOT NULL,
                        envelope TEXT,
                        content_key BLOB,
                        PRIMARY KEY (device, number)
                    );
                    """)
        }
        // A sealed file's own checksum beside its batch's: merged again, it is known without being opened.
        migrator.registerMigration("2027-04-batch-sealed-checksum") { db in
            try db.execute(sql: "ALTER TABLE batch ADD COLUMN sealed_sha256 TEXT")
        }
    }
}
