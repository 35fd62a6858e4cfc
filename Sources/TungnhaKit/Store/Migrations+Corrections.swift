import GRDB

extension Migrations {
    /// A void of a void now undoes it (before, it was ignored): a store that holds one derives its state again.
    static func registerCorrectionMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("2027-01-void-of-void-undoes") { db in
            let undone = try Bool.fetchOne(
                db,
                sql: """
                    SELECT 1 FROM event v JOIN event t ON t.id = v.target
                    WHERE v.type = 'event.voided' AND t.type = 'event.voided' LIMIT 1
                    """) ?? false
            if undone { try DerivedTables.startOver(db: db) }
        }
    }
}
