import GRDB

extension Migrations {
    /// Back-checks: a visit's row says which visit it checks again. No visit before this had one, so the rows the
    /// store holds need nothing but the empty column.
    static func registerAuditMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("2027-03-visit-backcheck") { db in
            try db.execute(sql: "ALTER TABLE visit ADD COLUMN backcheck_of TEXT")
        }
    }
}
