import Foundation
import GRDB

/// Events named by their device and sequence number (format version 2), devices kept as numbers, and derived
/// tables owned by `DerivedTables`, with each household's fold and timeline. Stored events are rewritten to the
/// version 2 form (no UUID of their own; references as "device:seq"); derived rows are derived again from them.
enum MigrationV2 {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE device (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE);
                CREATE TABLE event_v2 (
                    rowid INTEGER PRIMARY KEY,
                    device INTEGER NOT NULL,
                    seq INTEGER NOT NULL,
                    at_ms INTEGER NOT NULL,
                    type TEXT NOT NULL,
                    scheme TEXT NOT NULL,
                    commune TEXT NOT NULL,
                    household TEXT,
                    target TEXT,
                    body TEXT NOT NULL,
                    batch INTEGER
                );
                """)
        // Version 1 named each event by a UUID of its own: references become "device:seq".
        var references: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, device, seq FROM event") {
            references[row["id"]] = EventRef.text(device: row["device"], seq: row["seq"])
        }
        func rewrite(_ value: JSONValue, key: String?) -> JSONValue {
            switch value {
            case .object(var object):
                object.members = object.members.filter { key != nil || $0.key != "id" }.map { member in
                    JSONObject.Member(key: member.key, value: rewrite(member.value, key: member.key))
                }
                return .object(object)
            case .array(let items) where key == "replaces":
                return .array(items.map { rewrite($0, key: "target") })
            case .string(let text) where key == "target":
                return .string(references[text] ?? text)
            default:
                return value
            }
        }
        var devices: [String: Int64] = [:]
        let rows = try Row.fetchCursor(
            db, sql: "SELECT rowid, device, seq, at_ms, type, scheme, commune, household, target, body, batch FROM event ORDER BY rowid")
        while let row = try rows.next() {
            let device: String = row["device"]
            if devices[device] == nil {
                try db.execute(sql: "INSERT INTO device (id) VALUES (?)", arguments: [device])
                devices[device] = db.lastInsertedRowID
            }
            guard let value = try? JSONParser.parse(row["body"] as String) else { throw StoreError.damaged(what: "event \(row["rowid"] as Int64)") }
            try db.execute(
                sql: "INSERT INTO event_v2 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    row["rowid"], devices[device], row["seq"], row["at_ms"], row["type"], row["scheme"], row["commune"],
                    row["household"], (row["target"] as String?).map { references[$0] ?? $0 }, JSONWriter.canonical(rewrite(value, key: nil)),
                    row["batch"],
                ])
        }
        try db.execute(
            sql: """
                DROP TABLE event;
                ALTER TABLE event_v2 RENAME TO event;
                CREATE UNIQUE INDEX event_device_seq ON event(device, seq);
                CREATE INDEX event_target ON event(target) WHERE target IS NOT NULL;
                -- Village events are the only ones without a household; merges are few. Queries name these
                -- conditions exactly, so that SQLite uses the partial indexes instead of scanning every event.
                CREATE INDEX event_places ON event(scheme, commune) WHERE household IS NULL;
                CREATE INDEX event_merges ON event(at_ms) WHERE type = 'household.merged';

                DROP TABLE household_link;
                DROP TABLE village;
                DROP TABLE household;
                DROP TABLE member;
                DROP TABLE member_tally;
                DROP TABLE visit;
                DROP TABLE field_conflict;

                -- Derived state: written by DerivedTables alone, from the events; each table has one record type.
                CREATE TABLE household_link (code TEXT PRIMARY KEY, root TEXT NOT NULL, component TEXT NOT NULL);
                CREATE INDEX household_link_root ON household_link(root);
                CREATE INDEX household_link_component ON household_link(component);

                CREATE TABLE village (
                    scheme TEXT NOT NULL,
                    commune TEXT NOT NULL,
                    key TEXT NOT NULL,
                    name TEXT NOT NULL,
                    new_commune TEXT,
                    PRIMARY KEY (scheme, commune, key)
                );

                -- Derived rows are keyed by a number given to each household the first time it is seen (its row in
                -- household_fold), not by its random code: a merge then writes them in order, not at random places.
                CREATE TABLE household (
                    key INTEGER PRIMARY KEY,
                    code TEXT NOT NULL,
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
                    consent_asked INTEGER NOT NULL,
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
                    household_key INTEGER NOT NULL,
                    code TEXT NOT NULL,
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
                    added_ms INTEGER NOT NULL,
                    PRIMARY KEY (household_key, code)
                ) WITHOUT ROWID;

                -- Counted members per place and year of birth, kept with the member rows: a report adds up these
                -- few rows instead of every member.
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
                    observed INTEGER NOT NULL,
                    PRIMARY KEY (household_key, event)
                ) WITHOUT ROWID;

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

                -- Each household's events (their rowids: the log has no index by household) and its fold, so that new
                -- events are folded onto it; and its history by day, which --as-of and the weekly trend read.
                CREATE TABLE household_fold (key INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, events BLOB NOT NULL, state BLOB);
                CREATE TABLE household_timeline (
                    key INTEGER PRIMARY KEY,
                    code TEXT NOT NULL,
                    scheme TEXT NOT NULL,
                    commune TEXT NOT NULL,
                    points BLOB NOT NULL
                );

                -- Events up to this rowid have been derived; the rest are derived before anything reads the store.
                INSERT OR REPLACE INTO setting (key, value) VALUES ('derived.upto', '0');
                """)
    }
}
