import Foundation
import GRDB
import Testing
@testable import TungnhaKit

/// The derived tables have one owner: whatever the path (a recording command, a merge in any order, a merge
/// stopped between appending and deriving, or everything derived again from scratch), the state is the same.
@Suite struct DerivedStateTests {
    /// Derives a private copy of `store` again from scratch and returns both snapshots.
    func incrementalAndRebuilt(_ store: Store, folder: TemporaryFolder) throws -> (incremental: String, rebuilt: String) {
        let copy = folder.file("rebuilt-\(UUID().uuidString).sqlite")
        try store.queue.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [copy]) }
        let rebuilt = try Store.open(at: copy)
        try rebuilt.write { db in try DerivedTables.rebuild(db: db) }
        return (try store.snapshot(), try rebuilt.snapshot())
    }

    @Test func incrementalEqualsRebuildOnTheSmallDistrict() throws {
        let folder = TemporaryFolder()
        let district = try SmallDistrict.copyOfDistrict(into: folder)
        let both = try incrementalAndRebuilt(district, folder: folder)
        #expect(both.incremental == both.rebuilt)
        #expect(both.incremental.contains("household_timeline"))
    }

    @Test func incrementalEqualsRebuildOnEveryLaptopAndTheDistrict() throws {
        let devices = try MergePropertyTests.devices.get()
        let folder = TemporaryFolder()
        for name in ["a.sqlite", "b.sqlite", "d.sqlite"] {
            let both = try incrementalAndRebuilt(try Store.open(at: devices.folder.file(name)), folder: folder)
            #expect(both.incremental == both.rebuilt, "\(name)")
        }
    }

    @Test func householdsAreFoldedInChunksThatStartSmallAndGrowToTheLimit() {
        #expect(DerivedTables.workChunks(0) == [])
        #expect(DerivedTables.workChunks(10) == [0..<10])
        #expect(DerivedTables.workChunks(100) == [0..<64, 64..<100])
        #expect(DerivedTables.workChunks(3_000) == [0..<64, 64..<192, 192..<448, 448..<960, 960..<1_984, 1_984..<3_000])
    }

    @Test func pastFiguresOfTodayAreTodaysFigures() throws {
        let district = try SmallDistrict.copyOfDistrict(into: TemporaryFolder())
        for level in ReportLevel.allCases {
            let today = try district.report(ReportRequest(level: level))
            let past = try district.report(ReportRequest(level: level, asOf: LocalDate("2027-01-10")))
            #expect(past == today, "\(level)")
        }
    }

    @Test func asOfPlacesAVillageByTheCommuneItHadThen() throws {
        let folder = TemporaryFolder()
        let clock = TestClock(Moment(rfc3339: "2026-12-01T08:00:00+07:00")!)
        // Phường Quang Trung (13285 before 2025) was split between Phủ Lý (13285) and Hà Nam (13366).
        let laptop = try Store.initialize(
            at: folder.file("b.sqlite"), role: .laptop, label: "Laptop B", commune: CommuneRef(code: "13285", scheme: .pre2025), province: nil,
            environment: environment(clock, seed: 21)
        ).store
        let district = try Store.initialize(
            at: folder.file("d.sqlite"), role: .provinceGathering, label: "Tỉnh", commune: nil, province: nil, environment: environment(clock, seed: 22)
        ).store
        try enrollEachOther(laptop, district)
        _ = try laptop.addVillage(name: "Tổ 4")
        let household = try laptop.registerHousehold(HouseholdInput(village: "Tổ 4", headName: "Phạm Văn Dũng"))
        _ = try laptop.addMember(household: household.code, MemberInput(name: "Phạm Văn Dũng", birthYear: 1990))
        clock.set(Moment(rfc3339: "2026-12-15T09:00:00+07:00")!)
        _ = try laptop.assignVillage(name: "Tổ 4", newCommune: "13366")
        clock.set(Moment(rfc3339: "2026-12-21T09:00:00+07:00")!)
        _ = try district.merge([try laptop.export(to: folder.file("exports")).file])

        // On 10 December the village was not assigned yet: the household stood on the split ward's own line.
        let before = try district.report(ReportRequest(asOf: LocalDate("2026-12-10")))
        #expect(before.rows.filter { $0.householdsRegistered > 0 }.map(\.key) == ["split:13285"])
        // From 15 December it counts in Hà Nam.
        let after = try district.report(ReportRequest(asOf: LocalDate("2026-12-20")))
        #expect(after.rows.filter { $0.householdsRegistered > 0 }.map(\.key) == ["2025:13366"])
        #expect(try district.report(ReportRequest()).rows.filter { $0.householdsRegistered > 0 }.map(\.key) == ["2025:13366"])
        // The weekly trend of Hà Nam alone places it the same way: not there on 10 December... but the split ward's
        // line belongs to both of its successors, so Hà Nam's trend counts it either way; Phủ Lý's only before.
        let phuLy = try district.weeklyTrend(ReportRequest(commune: "13285", asOf: LocalDate("2026-12-17")), weeks: 2)
        #expect(phuLy.map(\.weekEnding) == ["2026-12-10", "2026-12-17"])
        #expect(phuLy.map(\.registered) == [1, 0])
    }

    @Test func recordingReplacesExactlyTheHeadsTheDerivationHolds() throws {
        let folder = TemporaryFolder()
        let clock = TestClock()
        let laptop = try phuLyLaptop(folder, clock: clock)
        let household = try laptop.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Nguyễn Văn An", address: "Số 12"))
        let firstRegistration = try laptop.history(household.code)[0].id
        // Another device registers the same code later (a clash of random codes, or a crafted file): only the
        // first registration of a code is a setting of its fields.
        let other = "cccccccc-0000-4000-8000-000000000003"
        let second = Event(
            device: other, seq: 1, at: Moment(rfc3339: "2026-11-20T10:00:00+07:00")!, entered: Moment(rfc3339: "2026-11-20T10:00:00+07:00")!,
            commune: phuLy, household: household.code,
            body: .householdRegistered(HouseholdData(village: "Tổ dân phố Lê Lợi", headName: "Trần Văn Bình", address: "Số 99", phone: nil, declaredMembers: nil, note: nil, consent: true)))
        let header = BatchHeader(
            kind: .device, device: other, deviceLabel: "Laptop khác", commune: phuLy, batch: 1, events: 1, firstSeq: 1, lastSeq: 1,
            writtenAt: Moment(rfc3339: "2026-11-20T11:00:00+07:00")!, tool: "test")
        var writer = BatchWriter(header: header)
        writer.append(EventCodec.canonical(second))
        let file = try Store.place(writer.finishSigned(events: 1, by: other), named: header.fileName, in: folder.file("in"))
        // A laptop accepts signed files of the machines it enrolled: here, as if a gathering machine had sent it.
        try enroll(other, label: "Máy khác", role: .provinceGathering, commune: nil, in: laptop)
        clock.advance(minutes: 180)
        #expect(try laptop.merge([file]).applied == 1)
        #expect(try laptop.household(household.code).household.address == "Số 12")

        _ = try laptop.editHousehold(household.code, changes: HouseholdChanges(address: "Số 14"))
        let change = try laptop.read { db in try HouseholdFoldRecord.events(of: [household.code], db: db) }.map(\.event).last { $0.kind == .householdChanged }
        guard case .householdChanged(let set)? = change?.body else { Issue.record("no change recorded"); return }
        #expect(set.replaces == [firstRegistration])
        #expect(try laptop.conflicts().isEmpty)
        #expect(try laptop.household(household.code).household.address == "Số 14")
    }

    @Test func aMergeStoppedBetweenAppendingAndDerivingLosesNothing() throws {
        let devices = try MergePropertyTests.devices.get()
        let folder = TemporaryFolder()
        let files = try devices.writeBatches(chunks: [[3], [2], [1]], into: folder.file("batches"))
        let path = folder.file("stopped.sqlite")
        var stopping = environment(TestClock(Moment(rfc3339: "2026-11-23T08:00:00+07:00")!), seed: 99)
        _ = try devices.districtStore(path)
        // The disk fills up right after the first group of files was appended.
        stopping.afterAppend = { throw DatabaseError(resultCode: .SQLITE_FULL, message: "database or disk is full") }
        let store = try Store.open(at: path, environment: stopping)
        #expect(throws: StoreError.unavailable(path: path, detail: "database or disk is full")) { try store.merge(files) }
        // A store error is not the file's fault: nothing was quarantined.
        #expect(!FileManager.default.fileExists(atPath: folder.file("quarantine")))
        #expect(try store.read { db in try DerivedTables.hasPending(db) })
        // The next command derives what was appended, and the same merge again completes the store.
        let reopened = try Store.open(at: path)
        #expect(try reopened.read { db in try DerivedTables.hasPending(db) } == false)
        _ = try reopened.merge(files)
        #expect(try reopened.snapshot() == devices.reference)
    }

    @Test func aStoredEventIsReadAsStoredEvenPastTodaysLimits() throws {
        let folder = TemporaryFolder()
        let laptop = try phuLyLaptop(folder)
        let household = try laptop.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Nguyễn Văn An"))
        // A note longer than today's limit (1,000 characters), as an earlier, looser release might have stored it.
        let long = String(repeating: "ghi chú ", count: 150).trimmingCharacters(in: .whitespaces)
        #expect(long.count > 1000)
        try laptop.write { db in
            let body = try String.fetchOne(db, sql: "SELECT body FROM event WHERE household = ?", arguments: [household.code])!
            try db.execute(
                sql: "UPDATE event SET body = ? WHERE household = ?",
                arguments: [body.replacingOccurrences(of: "\"village\"", with: "\"note\":\"\(long)\",\"village\""), household.code])
            try DerivedTables.rebuild(db: db)
        }
        #expect(try laptop.household(household.code).note == long)
    }

    @Test func aDamagedFoldIsAnErrorNotACrash() throws {
        let folder = TemporaryFolder()
        let laptop = try phuLyLaptop(folder)
        let household = try laptop.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Nguyễn Văn An"))
        try laptop.write { db in try db.execute(sql: "UPDATE household_fold SET state = x'01ff' WHERE code = ?", arguments: [household.code]) }
        #expect(throws: StoreError.damaged(what: "household_fold \(household.code)")) {
            try laptop.editHousehold(household.code, changes: HouseholdChanges(address: "Số 1"))
        }
        #expect(throws: DamagedBytes.self) { try HouseholdFold.decode([1, 0xff]) }
        #expect(throws: DamagedBytes.self) { try Timeline.decode([1, 200, 1]) }
        // A length cannot exceed the bytes after it; a number can, but not what an Int holds.
        var length = BinaryReader([5])
        #expect(throws: DamagedBytes.self) { try length.count() }
        var number = BinaryReader([5])
        #expect(try number.number() == 5)
        var huge = BinaryReader([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])
        #expect(throws: DamagedBytes.self) { try huge.choice(["a", "b"]) }
    }

    @Test func aHouseholdVisitedMoreTimesThanItsFoldHasBytesLeftStillReadsBack() throws {
        let folder = TemporaryFolder()
        let clock = TestClock()
        let laptop = try phuLyLaptop(folder, clock: clock)
        let household = try laptop.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Nguyễn Thu Hạnh"))
        // The number of visits sits near the end of the fold's bytes: it once had to be smaller than what followed.
        for _ in 1...40 {
            clock.advance(minutes: 60 * 24)
            _ = try laptop.recordVisit(household: household.code, VisitInput(outcome: .absent, volunteer: "Lan"))
        }
        #expect(try laptop.household(household.code).household.visits == 40)
        #expect(try storedFold(household.code, in: laptop).visits == 40)
    }

    /// A household's fold as stored, checked to be written back byte for byte.
    func storedFold(_ code: String, in store: Store) throws -> HouseholdFold {
        let state = try #require(try store.read { db in try HouseholdFoldRecord.find(code, db: db)?.state })
        let fold = try HouseholdFold.decode(state)
        #expect(fold.encoded() == state)
        return fold
    }

    @Test func aMemberAddedAfterAHundredChangesStillReadsBack() throws {
        let folder = TemporaryFolder()
        let clock = TestClock()
        let laptop = try phuLyLaptop(folder, clock: clock)
        let household = try laptop.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Nguyễn Thu Hạnh"))
        for number in 1...100 {
            clock.advance(minutes: 1)
            try laptop.editHousehold(household.code, changes: HouseholdChanges(address: "Số \(number)"))
        }
        // The member's setting is the 102nd of the household's, written near the end of the fold's bytes.
        clock.advance(minutes: 1)
        let member = try laptop.addMember(household: household.code, MemberInput(name: "Lê Văn Bình", birthYear: 1990))
        let detail = try laptop.household(household.code)
        #expect(detail.household.address == "Số 100")
        #expect(detail.members.map(\.code) == [member.code])
        #expect(try storedFold(household.code, in: laptop).sources.count == 102)
    }

    @Test func foldsAndTimelinesReadBackAsWritten() throws {
        let devices = try MergePropertyTests.devices.get()
        let district = try Store.open(at: devices.folder.file("d.sqlite"))
        let (folds, timelines) = try district.read { db in
            (try HouseholdFoldRecord.fetchAll(db), try HouseholdTimelineRecord.fetchAll(db))
        }
        // Every household has its row; the two merged together are derived from their events, and keep no fold.
        #expect(folds.count == 5)
        #expect(folds.filter { $0.state == nil }.count == 2)
        for record in folds {
            if let state = record.state { #expect(try HouseholdFold.decode(state).encoded() == state) }
            #expect(try HouseholdFoldRecord.decodeRowids(HouseholdFoldRecord.encodeRowids(record.events)) == record.events)
            // Each row lists every event of its household in the log, however it was folded.
            let logged = try district.read { db in
                try Int64.fetchAll(db, sql: "SELECT rowid FROM event WHERE household = ? ORDER BY rowid", arguments: [record.code])
            }
            #expect(!record.events.isEmpty)
            #expect(record.events == logged, "\(record.code)")
        }
        #expect(timelines.count == 5)
        for record in timelines { #expect(try Timeline.decode(Timeline.encode(record.points)) == record.points) }
    }

    /// One event per batch file, in the order given, into a new province machine.
    func mergeOneByOne(_ events: [Event], folder: TemporaryFolder, name: String) throws -> Store {
        var files: [String] = []
        for event in events {
            let header = BatchHeader(
                kind: .device, device: event.device, deviceLabel: "L", commune: phuLy, batch: Int(event.seq), events: 1, firstSeq: event.seq,
                lastSeq: event.seq, writtenAt: Moment(rfc3339: "2026-11-22T18:00:00+07:00")!, tool: "test")
            var writer = BatchWriter(header: header)
            writer.append(EventCodec.canonical(event))
            files.append(try Store.place(writer.finishSigned(events: 1, by: event.device), named: header.fileName, in: folder.file("batches-\(name)")))
        }
        let store = try districtStore(folder.file("\(name).sqlite"), trusting: Array(Set(events.map(\.device))))
        for file in files { _ = try store.merge([file]) }
        return store
    }

    @Test func aVisitDatedBeforeTheRegistrationIsKeptWhenTheRegistrationArrivesLater() throws {
        let folder = TemporaryFolder()
        var a = EventFactory(device: deviceA)
        var b = EventFactory(device: deviceB)
        // Laptop B's clock ran an hour behind: its visit is dated before laptop A registered the household.
        let visit = b.visit("HHHHHHHHH1", [], at: "2026-11-20T08:00:00+07:00")
        let registered = a.make(
            "HHHHHHHHH1", at: "2026-11-20T09:00:00+07:00",
            .householdRegistered(HouseholdData(village: "Tổ dân phố Lê Lợi", headName: "Nguyễn Văn An", address: nil, phone: nil, declaredMembers: nil, note: nil, consent: true)))
        let store = try mergeOneByOne([visit, registered], folder: folder, name: "visit-first")
        #expect(try store.households().map(\.visits) == [1])
        let both = try incrementalAndRebuilt(store, folder: folder)
        #expect(both.incremental == both.rebuilt)
    }
}
