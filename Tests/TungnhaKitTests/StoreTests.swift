import Foundation
import GRDB
import Testing
@testable import TungnhaKit

@Suite struct StoreSetupTests {
    @Test func initTwiceKeepsOneIdentity() throws {
        let folder = TemporaryFolder()
        let clock = TestClock()
        let first = try Store.initialize(at: folder.file("s.sqlite"), role: .laptop, label: "Laptop tổ 1", commune: phuLy, province: nil, environment: environment(clock))
        let second = try Store.initialize(at: folder.file("s.sqlite"), role: .laptop, label: "Laptop tổ 1", commune: phuLy, province: nil, environment: environment(clock, seed: 9))
        #expect(first.created)
        #expect(!second.created)
        #expect(first.identity == second.identity)
    }

    @Test func unknownCommuneIsRefusedAndNothingIsCreated() throws {
        let folder = TemporaryFolder()
        #expect(throws: SetupError.self) {
            try Store.initialize(at: folder.file("s.sqlite"), role: .laptop, label: "L", commune: CommuneRef(code: "99999", scheme: .y2025), province: nil)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.file("s.sqlite")))
    }

    @Test func aCodeOnlyInTheOldListSuggestsIt() throws {
        let folder = TemporaryFolder()
        do {
            _ = try Store.initialize(at: folder.file("s.sqlite"), role: .laptop, label: "L", commune: CommuneRef(code: "00001", scheme: .y2025), province: nil)
            Issue.record("expected a refusal")
        } catch let error as SetupError {
            guard case .unknownCommune(let code, let scheme, let suggestions) = error else { Issue.record("wrong error \(error)"); return }
            #expect(code == "00001")
            #expect(scheme == .y2025)
            #expect(suggestions.first?.name == "Phường Phúc Xá")
            #expect(error.text(.vi).contains("→ thêm --scheme pre2025"))
        }
    }

    @Test func storeOfANewerVersionIsRefusedAndLeftAlone() throws {
        let folder = TemporaryFolder()
        let path = folder.file("s.sqlite")
        _ = try phuLyLaptop(folder, name: "s.sqlite")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('2099-01-future')") }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.newerVersion(path: path)) { try Store.open(at: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func missingStoreSaysHowToCreateOne() {
        let folder = TemporaryFolder()
        let error = StoreError.missing(path: folder.file("none.sqlite"), hint: .initLaptop)
        #expect(throws: error) { try Store.open(at: folder.file("none.sqlite")) }
        #expect(error.text(.vi).contains("tungnha init --commune MÃ_XÃ --device-name \"TÊN MÁY\""))
    }

    @Test func aFileThatIsNotAStoreIsRefused() throws {
        let folder = TemporaryFolder()
        let path = folder.file("notes.txt")
        try "thôn 3\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: StoreError.notAStore(path: path)) { try Store.open(at: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "thôn 3\n")
    }

    @Test func locationFollowsFlagThenEnvironmentThenXDG() {
        #expect(Store.location(flag: "/a.sqlite", environment: ["TUNGNHA_DB": "/b.sqlite"]) == "/a.sqlite")
        #expect(Store.location(flag: nil, environment: ["TUNGNHA_DB": "/b.sqlite"]) == "/b.sqlite")
        #expect(Store.location(flag: nil, environment: ["XDG_DATA_HOME": "/x"]) == "/x/tungnha/tungnha.sqlite")
        #expect(Store.location(flag: nil, environment: ["HOME": "/home/lan"]) == "/home/lan/.local/share/tungnha/tungnha.sqlite")
    }
}

@Suite struct RecordingTests {
    @Test func householdWithMembersAndVisits() throws {
        let folder = TemporaryFolder()
        let clock = TestClock()
        let store = try phuLyLaptop(folder, clock: clock)
        let household = try store.registerHousehold(HouseholdInput(village: "to dan pho le loi", headName: "Nguyễn Văn An", address: "Số 12, ngõ 5"))
        #expect(household.village == "Tổ dân phố Lê Lợi")
        #expect(household.headName == "Nguyễn Văn An")
        #expect(household.shortCode.count == 6)
        let an = try store.addMember(household: household.shortCode, MemberInput(name: "Nguyễn Văn An", birthYear: 1970, sex: .male))
        let hoa = try store.addMember(household: household.shortCode, MemberInput(name: "Lê Thị Hoà", birthYear: 1975, sex: .female))
        clock.advance(minutes: 30)
        _ = try store.recordVisit(
            household: household.shortCode,
            VisitInput(outcome: .met, volunteer: "Lan", help: [.installedVneid],
                       observations: [Observation(member: hoa.shortCode, vneid: .level2, login: true, dvctt: false)]))
        var detail = try store.household(household.shortCode)
        #expect(!detail.household.covered)
        #expect(detail.closestMember == hoa.code)
        #expect(detail.gaps == [.noProcedure])
        clock.advance(minutes: 60 * 24)
        _ = try store.recordVisit(
            household: household.shortCode,
            VisitInput(outcome: .met, help: [.guidedProcedure], procedure: "Đăng ký thường trú",
                       observations: [Observation(member: String(hoa.code.prefix(2)), dvctt: true)]))
        detail = try store.household(String(household.code.prefix(4)))
        #expect(detail.household.covered)
        #expect(detail.household.visits == 2)
        #expect(detail.visits[0].volunteer == "Lan")
        #expect(detail.members.map(\.code) == [an.code, hoa.code])
    }

    @Test func searchIgnoresCaseDiacriticsAndToneMarkPlacement() throws {
        let folder = TemporaryFolder()
        let store = try phuLyLaptop(folder)
        _ = try store.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Nguyễn Văn An", address: "Số 12"))
        _ = try store.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Đặng Thị Hòa", address: "Số 14"))
        _ = try store.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Lê Văn Hoàng", address: "Số 16"))
        #expect(try store.searchHouseholds("nguyen van an").map(\.headName) == ["Nguyễn Văn An"])
        #expect(try store.searchHouseholds("dang").map(\.headName) == ["Đặng Thị Hòa"])
        #expect(try store.searchHouseholds("thị Hoà").map(\.headName) == ["Đặng Thị Hòa"])
        #expect(Set(try store.searchHouseholds("hoa").map(\.headName)) == ["Đặng Thị Hòa", "Lê Văn Hoàng"])
        #expect(try store.searchHouseholds("Nguye\u{0302}\u{0303}n").map(\.headName) == ["Nguyễn Văn An"])
        #expect(try store.searchHouseholds("so 16").map(\.headName) == ["Lê Văn Hoàng"])
    }

    @Test func phoneNumbersCanBeChanged() throws {
        let folder = TemporaryFolder()
        let store = try phuLyLaptop(folder)
        let household = try store.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Nguyễn Văn An", phone: "0912 345 678"))
        _ = try store.editHousehold(household.code, changes: HouseholdChanges(phone: "+84 987 654 321"))
        #expect(try store.household(household.code).phone == "0987654321")
        _ = try store.editHousehold(household.code, changes: HouseholdChanges(phone: ""))
        #expect(try store.household(household.code).phone == nil)
    }

    @Test func namesAreStoredNFC() throws {
        let folder = TemporaryFolder()
        let store = try phuLyLaptop(folder)
        let household = try store.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Nguye\u{0302}\u{0303}n  Va\u{0306}n An"))
        #expect(Array(household.headName!.utf8) == Array("Nguyễn Văn An".utf8))
    }

    @Test func householdRefusingNamesKeepsNone() throws {
        let folder = TemporaryFolder()
        let store = try phuLyLaptop(folder)
        let household = try store.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", noNames: true, address: "Số 20"))
        #expect(household.headName == nil)
        #expect(throws: RecordError.namesWithoutConsent(household: household.shortCode)) {
            try store.addMember(household: household.shortCode, MemberInput(name: "Trần Văn Bình", birthYear: 1990))
        }
        let member = try store.addMember(household: household.shortCode, MemberInput(birthYear: 1990))
        #expect(member.name == nil)
    }
}

/// Every refusal leaves the store exactly as it was: same events, same derived state.
@Suite struct RefusalTests {
    let folder = TemporaryFolder()
    let clock = TestClock()
    let store: Store
    let household: HouseholdSummary

    init() throws {
        store = try phuLyLaptop(folder, clock: clock)
        household = try store.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Nguyễn Văn An"))
        _ = try store.addMember(household: household.shortCode, MemberInput(name: "Nguyễn Văn An", birthYear: 1970))
    }

    func expectUnchanged<E: Error & Equatable>(_ expected: E, _ body: () throws -> Void) throws {
        let before = try store.snapshot()
        #expect(throws: expected, performing: body)
        #expect(try store.snapshot() == before)
    }

    @Test func unknownHouseholdCode() throws {
        try expectUnchanged(LookupError.notFound(text: "ZZZZ", kind: .household)) {
            _ = try store.recordVisit(household: "ZZZZ", VisitInput(outcome: .met, volunteer: "Lan"))
        }
    }

    @Test func ambiguousHouseholdPrefix() throws {
        // Two households whose codes share "ABC", recorded directly.
        try store.write { db in
            for code in ["ABC1234567", "ABC7654321"] {
                try store.append([Draft(household: code, commune: phuLy, body: .householdRegistered(HouseholdData(village: "Tổ dân phố Lê Lợi", headName: "Hộ \(code.suffix(3))", address: nil, phone: nil, declaredMembers: nil, note: nil, consent: true)))], db: db)
            }
        }
        try expectUnchanged(LookupError.ambiguous(text: "abc", kind: .household, candidates: [
            .init(code: "ABC1234567", label: "Hộ 567, Tổ dân phố Lê Lợi"), .init(code: "ABC7654321", label: "Hộ 321, Tổ dân phố Lê Lợi"),
        ])) {
            _ = try store.recordVisit(household: "abc", VisitInput(outcome: .met, volunteer: "Lan"))
        }
        #expect(try store.household("ABC1").household.code == "ABC1234567")
    }

    @Test func digitRunInANote() throws {
        try expectUnchanged(RecordError.digitRun(field: .note)) {
            _ = try store.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Trần Bình", note: "CCCD 001099012345"))
        }
        try expectUnchanged(RecordError.digitRun(field: .note)) {
            _ = try store.recordVisit(household: household.shortCode, VisitInput(outcome: .met, volunteer: "Lan", note: "OTP 123 456 789"))
        }
    }

    @Test func digitRunInAName() throws {
        try expectUnchanged(RecordError.digitRun(field: .name)) {
            _ = try store.addMember(household: household.shortCode, MemberInput(name: "An 0123456789", birthYear: 1990))
        }
        try expectUnchanged(RecordError.digitRun(field: .headName)) {
            _ = try store.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "079201001234"))
        }
    }

    @Test func visitInTheFuture() throws {
        try expectUnchanged(RecordError.futureTime(given: "21/11/2026 09:00", now: "20/11/2026 09:00")) {
            _ = try store.recordVisit(household: household.shortCode, VisitInput(at: "2026-11-21 09:00", outcome: .met, volunteer: "Lan"))
        }
    }

    @Test func invalidDates() throws {
        try expectUnchanged(RecordError.invalidDateTime(text: "2026-02-30 09:00")) {
            _ = try store.recordVisit(household: household.shortCode, VisitInput(at: "2026-02-30 09:00", outcome: .met, volunteer: "Lan"))
        }
        #expect(LocalDate("31/04/2026") == nil)
        try expectUnchanged(EntryError.followUpInPast(date: LocalDate("2026-11-19")!, today: LocalDate("2026-11-20")!)) {
            _ = try store.recordVisit(household: household.shortCode, VisitInput(outcome: .met, volunteer: "Lan", followUp: LocalDate("2026-11-19")))
        }
        try expectUnchanged(EntryError.dateWithoutTime(text: "2026-11-20")) {
            _ = try store.recordVisit(household: household.shortCode, VisitInput(at: "2026-11-20", outcome: .met, volunteer: "Lan"))
        }
    }

    @Test func unknownMemberInAVisit() throws {
        try expectUnchanged(LookupError.notFound(text: "QQQ", kind: .member)) {
            _ = try store.recordVisit(household: household.shortCode, VisitInput(outcome: .met, volunteer: "Lan", observations: [Observation(member: "QQQ", login: true)]))
        }
    }

    @Test func unknownVillage() throws {
        try expectUnchanged(LookupError.villageNotFound(name: "Thôn 9", known: ["Tổ dân phố Lê Lợi"])) {
            _ = try store.registerHousehold(HouseholdInput(village: "Thôn 9", headName: "Trần Bình"))
        }
    }

    @Test func visitWithoutAVolunteer() throws {
        try expectUnchanged(RecordError.volunteerUnknown) {
            _ = try store.recordVisit(household: household.shortCode, VisitInput(outcome: .met))
        }
    }
}

@Suite struct BackgroundCheckpointTests {
    /// The checkpoint's own connection copies what the writer committed into the store file itself: a copy of that file
    /// alone, without its WAL, holds the rows.
    @Test func committedRowsReachTheStoreFileWithoutTheWriterCheckpointing() throws {
        let folder = TemporaryFolder()
        let queue = try DatabaseQueue(path: folder.file("s.sqlite"), configuration: Store.configuration())
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 0; CREATE TABLE visit (note TEXT)")
        }
        let checkpoint = try #require(BackgroundCheckpoint(path: folder.file("s.sqlite")))
        for note in ["thôn 1", "thôn 2", "thôn 3"] {
            try queue.write { db in try db.execute(sql: "INSERT INTO visit (note) VALUES (?)", arguments: [note]) }
            checkpoint.committed()
        }
        checkpoint.stop()
        try FileManager.default.copyItem(atPath: folder.file("s.sqlite"), toPath: folder.file("copy.sqlite"))
        let copy = try DatabaseQueue(path: folder.file("copy.sqlite"))
        #expect(try copy.read { db in try String.fetchAll(db, sql: "SELECT note FROM visit ORDER BY rowid") } == ["thôn 1", "thôn 2", "thôn 3"])
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM visit") } == 3)
    }

    /// A pass that fails (a full disk, another process checkpointing) is told to the writer once, which then
    /// checkpoints itself again.
    @Test func aFailedPassIsToldToTheWriterOnce() throws {
        let folder = TemporaryFolder()
        let queue = try DatabaseQueue(path: folder.file("s.sqlite"), configuration: Store.configuration())
        try queue.writeWithoutTransaction { db in try db.execute(sql: "CREATE TABLE visit (note TEXT)") }
        let failing = BackgroundCheckpoint(path: folder.file("s.sqlite"), pass: { _ in (ResultCode.SQLITE_FULL.rawValue, 0) })
        let checkpoint = try #require(failing)
        defer { checkpoint.stop() }
        try queue.write { db in try db.execute(sql: "INSERT INTO visit (note) VALUES ('thôn 1')") }
        #expect(!checkpoint.failedSinceAsked())
        checkpoint.committed()
        checkpoint.drain()
        #expect(checkpoint.failedSinceAsked())
        #expect(!checkpoint.failedSinceAsked())
    }

    /// A store the second connection cannot open is left to the writer's own checkpoints; nothing is created.
    @Test func aStoreThatCannotBeOpenedAgainGetsNoCheckpointThread() {
        let folder = TemporaryFolder()
        #expect(BackgroundCheckpoint(path: folder.file("missing.sqlite")) == nil)
        #expect(!FileManager.default.fileExists(atPath: folder.file("missing.sqlite")))
    }
}

@Suite struct FastStatementTests {
    /// Text is bound byte for byte from the string: the empty text stays text, not NULL; short, long and Vietnamese
    /// strings keep their length, one too long for the row's buffer (4,096 bytes) too; nil is NULL.
    @Test func textIsBoundAsItIs() throws {
        let queue = try DatabaseQueue()
        let long = String(repeating: "Thôn Phú Hoà 1, ", count: 20)
        let longer = String(repeating: "Thôn Phú Hoà 1, ", count: 300)
        let rows = try queue.write { db -> [Row] in
            try db.execute(sql: "CREATE TABLE cell (place INTEGER, value TEXT)")
            let insert = try FastStatement(db, "INSERT INTO cell (place, value) VALUES (?, ?)")
            for (place, value) in [(1, nil), (2, ""), (3, "2025"), (4, "Nguyễn Thị Hoà"), (5, long), (6, longer)] as [(Int, String?)] {
                try insert.run { bind in
                    bind.int(place)
                    bind.text(value)
                }
            }
            return try Row.fetchAll(db, sql: "SELECT typeof(value) AS type, length(CAST(value AS BLOB)) AS bytes, value FROM cell ORDER BY place")
        }
        #expect(rows.map { $0["type"] as String } == ["null", "text", "text", "text", "text", "text"])
        #expect(rows.map { $0["bytes"] as Int? } == [nil, 0, 4, 19, 380, 5_700])
        #expect(rows.map { $0["value"] as String? } == [nil, "", "2025", "Nguyễn Thị Hoà", long, longer])
    }

    /// Blobs are bound byte for byte too, the empty one as an empty blob; a query finds rows by bound text.
    @Test func blobsAndQueriesAreBoundAsTheyAre() throws {
        let queue = try DatabaseQueue()
        let found = try queue.write { db -> [String] in
            try db.execute(sql: "CREATE TABLE cell (name TEXT, bytes BLOB)")
            let insert = try FastStatement(db, "INSERT INTO cell (name, bytes) VALUES (?, ?)")
            for (name, bytes) in [("trống", []), ("ba", [0, 255, 7]), ("không", nil)] as [(String, [UInt8]?)] {
                try insert.run { bind in
                    bind.text(name)
                    bind.blob(bytes)
                }
            }
            let query = try FastStatement(db, "SELECT typeof(bytes), hex(bytes) FROM cell WHERE name = ?")
            return try ["trống", "ba", "không"].map { name in
                try query.first({ $0.text(name) }) { "\($0.text(0) ?? "?") \($0.text(1) ?? "?")" } ?? "none"
            }
        }
        #expect(found == ["blob ", "blob 00FF07", "null "])
    }
}
