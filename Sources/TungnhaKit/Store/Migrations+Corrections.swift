import GRDB

extension Migrations {
    /// A void of a void now undoes it (before, it was ignored): a store that holds one derives its state again.
    static func registerCorrectionMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("2027-01-void-of-void-undoes") { db in
            let targets = try String.fetchAll(db, sql: "SELECT target FROM event WHERE type = 'event.voided' AND target IS NOT NULL")
            let undone = try targets.contains { try EventLog.event(id: $0, db: db)?.kind == .eventVoided }
            if undone { try DerivedTables.startOver(db: db) }
        }
    }
}
