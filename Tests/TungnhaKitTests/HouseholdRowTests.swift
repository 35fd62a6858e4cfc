import Foundation
import GRDB
import Testing

@testable import TungnhaKit

@Suite struct HouseholdRowTests {
    /// A store written when households had a table of their own (before `2027-05-household-in-its-fold-row`)
    /// keeps every household, figure and search when this version opens it.
    @Test func anOlderStoreKeepsItsHouseholdsInTheirFoldRows() throws {
        let folder = TemporaryFolder()
        let laptop = try phuLyLaptop(folder)
        let an = try laptop.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Nguyễn Văn An", address: "12 Lê Lợi"))
        _ = try laptop.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Trần Thị Bình"))
        _ = try laptop.recordVisit(household: an.code, VisitInput(at: "17/11/2026 10:00", outcome: .absent, volunteer: "Lan"))
        try laptop.write { db in
            try db.execute(
                sql: """
                    DROP INDEX household_place;
                    DROP VIEW household;
                    CREATE TABLE household (key INTEGER PRIMARY KEY, code TEXT NOT NULL, scheme TEXT NOT NULL, commune TEXT NOT NULL,
                        village TEXT NOT NULL, village_key TEXT NOT NULL, head_name TEXT, address TEXT, phone TEXT,
                        declared_members INTEGER, note TEXT, consent INTEGER NOT NULL, consent_asked INTEGER NOT NULL,
                        registered_at TEXT NOT NULL, registered_by TEXT NOT NULL, merged_into TEXT, moved INTEGER NOT NULL,
                        covered INTEGER NOT NULL, closest_member TEXT, gaps TEXT NOT NULL, members INTEGER NOT NULL,
                        visits INTEGER NOT NULL, last_visit_ms INTEGER, last_outcome TEXT, last_volunteer TEXT, follow_up TEXT,
                        last_activity_ms INTEGER NOT NULL, search TEXT NOT NULL);
                    INSERT INTO household SELECT key, code, scheme, commune, village, village_key, head_name, address, phone,
                        declared_members, note, consent, consent_asked, registered_at, registered_by, merged_into, moved, covered,
                        closest_member, gaps, members, visits, last_visit_ms, last_outcome, last_volunteer, follow_up,
                        last_activity_ms, search FROM household_fold WHERE scheme IS NOT NULL;
                    CREATE INDEX household_place ON household(scheme, commune, village_key, covered, visits, last_visit_ms,
                        last_activity_ms, village, merged_into, moved) WHERE merged_into IS NULL AND moved = 0;
                    """)
            for column in [
                "scheme", "commune", "village", "village_key", "head_name", "address", "phone", "declared_members", "note", "consent",
                "consent_asked", "registered_at", "registered_by", "merged_into", "moved", "covered", "closest_member", "gaps", "members",
                "visits", "last_visit_ms", "last_outcome", "last_volunteer", "follow_up", "last_activity_ms", "search",
            ] {
                try db.execute(sql: "ALTER TABLE household_fold DROP COLUMN \(column)")
            }
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = '2027-05-household-in-its-fold-row'")
        }
        let reopened = try Store.open(at: folder.file("laptop.sqlite"), environment: environment(TestClock()))
        let households = try reopened.households()
        #expect(households.map(\.headName) == ["Nguyễn Văn An", "Trần Thị Bình"])
        #expect(households.map(\.address) == ["12 Lê Lợi", nil])
        #expect(households.map(\.visits) == [1, 0])
        #expect(households.map(\.village) == ["Tổ dân phố Lê Lợi", "Tổ dân phố Lê Lợi"])
        #expect(try reopened.searchHouseholds("binh").map(\.headName) == ["Trần Thị Bình"])
        let kinds = try reopened.read { db in
            try String.fetchAll(db, sql: "SELECT type || ' ' || name FROM sqlite_master WHERE name IN ('household', 'household_place') ORDER BY name")
        }
        #expect(kinds == ["view household", "index household_place"])
        // The report's grouped query still reads the covering index alone.
        let plan = try reopened.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + HouseholdRecord.placeFiguresSQL, arguments: [0]).map { $0["detail"] as String }
        }
        #expect(plan == ["SEARCH household_fold USING COVERING INDEX household_place (scheme>?)"])
    }

    /// A household's columns are written into its own fold row; with no such row, or into another household's,
    /// the write is an error, not lost or misplaced.
    @Test func householdColumnsWithoutTheirRowAreRefused() throws {
        let folder = TemporaryFolder()
        let laptop = try phuLyLaptop(folder)
        let household = try laptop.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Nguyễn Văn An"))
        let other = try laptop.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Trần Thị Bình"))
        try laptop.write { db in
            var record = try #require(try HouseholdRecord.find(household.code, db: db))
            record.key = 999_999
            #expect(throws: StoreError.damaged(what: "household")) { try record.save(fast: db) }
            record.key = try #require(try HouseholdFoldRecord.key(of: other.code, db: db))
            #expect(throws: StoreError.damaged(what: "household")) { try record.save(fast: db) }
            record.key = try #require(try HouseholdFoldRecord.key(of: household.code, db: db))
            record.address = "5 Trần Phú"
            try record.save(fast: db)
        }
        #expect(try laptop.households().map(\.address) == ["5 Trần Phú", nil])
        #expect(try laptop.households().map(\.headName) == ["Nguyễn Văn An", "Trần Thị Bình"])
    }
}
