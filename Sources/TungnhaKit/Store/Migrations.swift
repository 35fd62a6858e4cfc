import GRDB

/// Named migrations. Once one has landed it is never edited: add a new one instead.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("2026-11-v1-events") { db in
            try db.execute(
                sql: """
                    CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);

                    -- Every change, as it was made; never updated, never deleted.
                    CREATE TABLE event (
                        rowid INTEGER PRIMARY KEY,
                        id TEXT NOT NULL UNIQUE,
                        device TEXT NOT NULL,
                        seq INTEGER NOT NULL,
                        at TEXT NOT NULL,
                        at_ms INTEGER NOT NULL,
                        type TEXT NOT NULL,
                        scheme TEXT NOT NULL,
                        commune TEXT NOT NULL,
                        household TEXT,
                        target TEXT,
                        body TEXT NOT NULL,
                        batch INTEGER,
                        UNIQUE (device, seq)
                    );
                    CREATE INDEX event_household ON event(household);
                    CREATE INDEX event_target ON event(target) WHERE target IS NOT NULL;
                    -- Village events are the only ones without a household; merges are few. Queries name these
                    -- conditions exactly, so that SQLite uses the partial indexes instead of scanning every event.
                    CREATE INDEX event_places ON event(scheme, commune) WHERE household IS NULL;
                    CREATE INDEX event_merges ON event(at_ms) WHERE type = 'household.merged';

                    -- Batches this device wrote.
                    CREATE TABLE export (
                        number INTEGER PRIMARY KEY,
                        kind TEXT NOT NULL,
                        scheme TEXT NOT NULL,
                        commune TEXT NOT NULL,
                        first_seq INTEGER,
                        last_seq INTEGER,
                        upto_rowid INTEGER NOT NULL,
                        events INTEGER NOT NULL,
                        written_at TEXT NOT NULL,
                        sha256 TEXT NOT NULL,
                        file TEXT NOT NULL
                    );

                    -- Batches merged into this store.
                    CREATE TABLE batch (
                        rowid INTEGER PRIMARY KEY,
                        device TEXT NOT NULL,
                        label TEXT NOT NULL,
                        number INTEGER NOT NULL,
                        kind TEXT NOT NULL,
                        scheme TEXT NOT NULL,
                        commune TEXT NOT NULL,
                        events INTEGER NOT NULL,
                        first_seq INTEGER,
                        last_seq INTEGER,
                        written_at TEXT NOT NULL,
                        written_ms INTEGER NOT NULL,
                        sha256 TEXT NOT NULL,
                        file TEXT NOT NULL,
                        merged_at TEXT NOT NULL,
                        new_events INTEGER NOT NULL,
                        known_events INTEGER NOT NULL,
                        conflicts INTEGER NOT NULL
                    );
                    CREATE INDEX batch_device ON batch(device, number);
                    CREATE INDEX batch_sha ON batch(sha256);

                    -- An event id seen again with other content: not applied, kept for a person to look at.
                    CREATE TABLE event_clash (
                        id TEXT NOT NULL,
                        batch INTEGER NOT NULL,
                        existing_batch INTEGER,
                        body TEXT NOT NULL
                    );

                    -- Derived state: rebuilt from events by Projection, never edited by hand.
                    CREATE TABLE household_link (code TEXT PRIMARY KEY, root TEXT NOT NULL);
                    CREATE INDEX household_link_root ON household_link(root);

                    CREATE TABLE village (
                        scheme TEXT NOT NULL,
                        commune TEXT NOT NULL,
                        key TEXT NOT NULL,
                        name TEXT NOT NULL,
                        new_commune TEXT,
                        PRIMARY KEY (scheme, commune, key)
                    );

                    CREATE TABLE household (
                        code TEXT PRIMARY KEY,
                        scheme TEXT NOT NULL,
                        commune TEXT NOT NULL,
                        village TEXT NOT NULL,
                        village_key TEXT NOT NULL,
                        head_name TEXT,
                        address TEXT,
                        phone TEXT,
                        declared_members INTEGER,
                        note TEXT,
                        consent INTEGER NOT NULL,
                        registered_at TEXT NOT NULL,
                        registered_by TEXT NOT NULL,
                        merged_into TEXT,
                        moved INTEGER NOT NULL,
                        covered INTEGER NOT NULL,
                        closest_member TEXT,
                        gaps TEXT NOT NULL,
                        members INTEGER NOT NULL,
                        visits INTEGER NOT NULL,
                        last_visit_ms INTEGER,
                        last_outcome TEXT,
                        last_volunteer TEXT,
                        follow_up TEXT,
                        last_activity_ms INTEGER NOT NULL,
                        search TEXT NOT NULL
                    );
                    -- Covers the report's grouped query, so that it reads the index alone, in group order.
                    CREATE INDEX household_place ON household(scheme, commune, village_key, covered, visits, last_visit_ms,
                        last_activity_ms, village, merged_into, moved) WHERE merged_into IS NULL AND moved = 0;

                    CREATE TABLE member (
                        code TEXT PRIMARY KEY,
                        household TEXT NOT NULL,
                        recorded_in TEXT NOT NULL,
                        scheme TEXT NOT NULL,
                        commune TEXT NOT NULL,
                        village_key TEXT NOT NULL,
                        counted INTEGER NOT NULL,
                        name TEXT,
                        birth_year INTEGER NOT NULL,
                        sex TEXT,
                        relation TEXT,
                        status TEXT NOT NULL,
                        vneid TEXT,
                        login INTEGER,
                        dvctt INTEGER,
                        paid_online INTEGER,
                        smartphone INTEGER,
                        observed_ms INTEGER,
                        able INTEGER NOT NULL,
                        added_ms INTEGER NOT NULL
                    );
                    CREATE INDEX member_household ON member(household);

                    -- Counted members per place and year of birth, kept by Projection with the member rows:
                    -- a report adds up these few rows instead of every member.
                    CREATE TABLE member_tally (
                        scheme TEXT NOT NULL,
                        commune TEXT NOT NULL,
                        village_key TEXT NOT NULL,
                        birth_year INTEGER NOT NULL,
                        members INTEGER NOT NULL,
                        dvctt INTEGER NOT NULL,
                        level2 INTEGER NOT NULL,
                        PRIMARY KEY (scheme, commune, birth_year, village_key)
                    ) WITHOUT ROWID;

                    CREATE TABLE visit (
                        event TEXT PRIMARY KEY,
                        household TEXT NOT NULL,
                        recorded_in TEXT NOT NULL,
                        scheme TEXT NOT NULL,
                        commune TEXT NOT NULL,
                        village_key TEXT NOT NULL,
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
                    CREATE INDEX visit_household ON visit(household);

                    CREATE TABLE field_conflict (
                        entity TEXT NOT NULL,
                        code TEXT NOT NULL,
                        household TEXT NOT NULL,
                        field TEXT NOT NULL,
                        candidates TEXT NOT NULL,
                        chosen TEXT,
                        PRIMARY KEY (entity, code, field)
                    );
                    CREATE INDEX field_conflict_household ON field_conflict(household);

                    -- Local settings of a district or commune office, not events.
                    CREATE TABLE target (
                        scope TEXT NOT NULL,
                        code TEXT NOT NULL,
                        households_percent REAL NOT NULL,
                        adults_dvctt_percent REAL NOT NULL,
                        PRIMARY KEY (scope, code)
                    );
                    CREATE TABLE register (
                        scheme TEXT NOT NULL,
                        commune TEXT NOT NULL,
                        village_key TEXT NOT NULL,
                        village TEXT NOT NULL,
                        households INTEGER NOT NULL,
                        imported_at TEXT NOT NULL,
                        PRIMARY KEY (scheme, commune, village_key)
                    );
                    """)
        }
        migrator.registerMigration("2026-12-v2-one-owner", migrate: MigrationV2.migrate)
        registerHouseholds(&migrator)
        registerFoldingMigrations(&migrator)
        registerCorrectionMigrations(&migrator)
        registerCopyMigrations(&migrator)
        registerLevelMigrations(&migrator)
        registerVisitMigrations(&migrator)
        registerTrustMigrations(&migrator)
        registerAuditMigrations(&migrator)
        registerHouseholdRowMigrations(&migrator)
        return migrator
    }
}
