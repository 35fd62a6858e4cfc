import Foundation
import GRDB
import Testing
@testable import TungnhaKit

/// Voids can be undone: a void of a void. The rule depends on the set of events, not the order they arrive in.
@Suite struct CorrectionTests {
    /// The derived tables, without each household's stored fold: the fold remembers the last event folded, and the
    /// undoing is a new event.
    func derived(_ store: Store) throws -> String {
        try store.snapshot(events: false).split(separator: "\n").filter { !$0.hasPrefix("(SELECT code, hex(state)") }.joined(separator: "\n")
    }

    func registration(_ store: Store, _ code: String) throws -> String {
        try store.history(code).first { $0.type == .householdRegistered }!.id
    }

    @Test func voidingARegistrationAndUndoingItGivesBackTheHousehold() throws {
        let folder = TemporaryFolder()
        let clock = TestClock()
        let laptop = try phuLyLaptop(folder, clock: clock)
        let household = try laptop.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Nguyễn Văn An", address: "Số 12"))
        let an = try laptop.addMember(household: household.code, MemberInput(name: "Nguyễn Văn An", birthYear: 1970))
        _ = try laptop.addMember(household: household.code, MemberInput(name: "Lê Thị Lý", birthYear: 1975))
        clock.advance(minutes: 30)
        _ = try laptop.recordVisit(household: household.code, VisitInput(outcome: .met, volunteer: "Lan", observations: [ableObservation(an.code)]))
        let before = try derived(laptop)
        let detail = try laptop.household(household.code)
        let report = try laptop.report(ReportRequest())
        #expect(report.rows.map(\.householdsCovered) == [1])

        clock.advance(minutes: 5)
        let record = try registration(laptop, household.code)
        let preview = try laptop.voidPreview(event: EventRef.short(record))
        #expect(preview.household?.members == 2)
        #expect(preview.household?.visits == 1)
        #expect(preview.household?.covered == true)
        #expect(preview.household?.headName == "Nguyễn Văn An")
        _ = try laptop.void(event: EventRef.short(record), reason: "ghi nhầm")
        #expect(try laptop.households().isEmpty)
        // The commune's line goes with its only household.
        #expect(try laptop.report(ReportRequest()).rows.isEmpty)
        // Its history is still there, by its code: where the void is undone from.
        #expect(try laptop.history(household.code).map(\.voided) == [true, false, false, false, false])

        clock.advance(minutes: 5)
        let undone = try laptop.unvoid(event: EventRef.short(record), reason: nil)
        #expect(undone.household?.members == 2)
        #expect(try derived(laptop) == before)
        #expect(try laptop.household(household.code) == detail)
        #expect(try laptop.report(ReportRequest()) == report)
        // Undone already: nothing left to undo; voiding again works and hides it again.
        #expect(throws: CorrectionError.notVoided(record: EventRef.short(record), type: .householdRegistered)) {
            try laptop.unvoid(event: EventRef.short(record), reason: nil)
        }
        _ = try laptop.void(event: EventRef.short(record), reason: nil)
        #expect(try laptop.households().isEmpty)
    }

    @Test func historySaysWhatEachRecordSetAndNamesOnlyWithConsent() throws {
        let folder = TemporaryFolder()
        let laptop = try phuLyLaptop(folder)
        let named = try laptop.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Nguyễn Văn An", address: "Số 12"))
        let unnamed = try laptop.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", noNames: true, address: "Số 14", phone: "0912 345 678"))
        let member = try laptop.addMember(household: unnamed.code, MemberInput(birthYear: 1990, sex: .female))
        _ = try laptop.recordVisit(household: unnamed.code, VisitInput(
            outcome: .met, volunteer: "Lan", help: [.installedVneid], followUp: LocalDate("2026-11-27"),
            observations: [Observation(member: member.code, vneid: .pending, smartphone: true)]))
        let first = try laptop.history(named.code)[0].details!
        #expect(first.map(\.field) == ["village", "headName", "address", "consent"])
        #expect(first.map(\.value) == ["Tổ dân phố Lê Lợi", "Nguyễn Văn An", "Số 12", "true"])
        let records = try laptop.history(unnamed.code)
        #expect(records[0].details == [
            RecordDetail(field: "village", value: "Tổ dân phố Lê Lợi"), RecordDetail(field: "address", value: "Số 14"),
            RecordDetail(field: "phone", value: nil, withheld: true), RecordDetail(field: "consent", value: "false"),
        ])
        #expect(records[1].details == [RecordDetail(field: "birthYear", value: "1990"), RecordDetail(field: "sex", value: "female")])
        #expect(records[2].details == [
            RecordDetail(field: "volunteer", value: "Lan"), RecordDetail(field: "outcome", value: "met"),
            RecordDetail(field: "help", value: "installed-vneid"), RecordDetail(field: "followUp", value: "2026-11-27"),
            RecordDetail(field: "observation", value: "vneid=pending,smartphone=true", member: member.code),
        ])
        let text = Messages.history(records, .vi)
        #expect(text.contains("    thôn/tổ dân phố: Tổ dân phố Lê Lợi · địa chỉ: Số 14 · số điện thoại: (ẩn: hộ chưa đồng ý ghi tên) · đồng ý ghi tên: không"))
        #expect(text.contains("người đến hộ: Lan · kết quả: gặp được · đã hỗ trợ: cài VNeID · hẹn lại: 27/11/2026 · thành viên \(member.code.prefix(6)): VNeID chưa kích hoạt, điện thoại thông minh: có"))
    }

    /// A registration, a member, a visit that covers the household; then voids of the registration, of that void, and so on.
    struct Chain {
        var events: [Event]
        var voids: [Event]

        init() {
            var a = EventFactory(device: deviceA)
            let registered = a.register("HHHHHHHHH1")
            events = [registered, a.addMember("HHHHHHHHH1", "MMMMMMMMM1"), a.visit("HHHHHHHHH1", [ableObservation("MMMMMMMMM1")])]
            var b = EventFactory(device: deviceB)
            var target = registered.id
            voids = []
            for _ in 0..<3 {
                let void = b.make("HHHHHHHHH1", .eventVoided(target: target, reason: nil))
                voids.append(void)
                target = void.id
            }
        }
    }

    @Test func aVoidOfAVoidUndoesItAndAThirdRedoesIt() {
        let chain = Chain()
        func stands(_ voids: [Int]) -> Bool {
            Derivation.cluster(root: "HHHHHHHHH1", events: chain.events + voids.map { chain.voids[$0] }) != nil
        }
        #expect([stands([]), stands([0]), stands([0, 1]), stands([0, 1, 2])] == [true, false, true, false])
        // A void whose target has not arrived takes nothing out: the undoing alone leaves the household standing,
        // and the third void alone has no void of its own to take out.
        #expect([stands([1]), stands([0, 2]), stands([1, 2])] == [true, false, true])
        #expect(Derivation.cluster(root: "HHHHHHHHH1", events: chain.events + chain.voids.prefix(2))?.root.coverage.covered == true)
    }

    @Test func voidsInALoopCountForNothing() {
        var a = EventFactory(device: deviceA)
        let registered = a.register("HHHHHHHHH1")
        // Two crafted voids naming each other, and a third naming the registration.
        let first = Event(
            device: deviceA, seq: 9, at: fixedStart, commune: phuLy, household: "HHHHHHHHH1",
            body: .eventVoided(target: "\(deviceA):10", reason: nil))
        let second = Event(
            device: deviceA, seq: 10, at: fixedStart, commune: phuLy, household: "HHHHHHHHH1", body: .eventVoided(target: first.id, reason: nil))
        #expect(Derivation.voidedIDs([registered, first, second]).isEmpty)
        let third = a.make("HHHHHHHHH1", .eventVoided(target: registered.id, reason: nil))
        #expect(Derivation.voidedIDs([registered, first, second, third]) == [registered.id])
    }

    @Test func theSameEventsInAnyOrderOfArrivalGiveTheSameState() throws {
        let chain = Chain()
        let all = chain.events + chain.voids.prefix(2)
        let folder = TemporaryFolder()
        // Each event in a batch file of its own.
        var files: [String] = []
        for device in [deviceA, deviceB] {
            for event in all where event.device == device {
                let header = BatchHeader(
                    kind: .device, device: device, deviceLabel: "L", commune: phuLy, batch: Int(event.seq), events: 1, firstSeq: event.seq,
                    lastSeq: event.seq, writtenAt: Moment(rfc3339: "2026-11-22T18:00:00+07:00")!, tool: "test")
                var writer = BatchWriter(header: header)
                writer.append(EventCodec.canonical(event))
                files.append(try Store.place(writer.finishSigned(events: 1, by: device), named: header.fileName, in: folder.file("batches")))
            }
        }
        let reference = try districtStore(folder.file("reference.sqlite"), trusting: [deviceA, deviceB])
        _ = try reference.merge(files)
        #expect(try reference.households().map(\.covered) == [true])
        var random = RandomSource(seed: 11).generator
        for round in 0..<6 {
            let store = try districtStore(folder.file("d\(round).sqlite"), trusting: [deviceA, deviceB])
            for file in files.shuffled(using: &random) { _ = try store.merge([file]) }
            #expect(try store.snapshot() == reference.snapshot(), "round \(round)")
        }
    }

    @Test func undoingTheVoidOfAVillageOrAMergeBringsItBack() throws {
        let folder = TemporaryFolder()
        let laptop = try phuLyLaptop(folder)
        let village = try laptop.read { db in try String.fetchOne(db, sql: "SELECT body FROM event WHERE type = 'village.added'") }!
        let villageID = EventRef.short(try EventLog.decode(village).id)
        _ = try laptop.void(event: villageID, reason: nil)
        #expect(try laptop.villages().isEmpty)
        _ = try laptop.unvoid(event: villageID, reason: nil)
        #expect(try laptop.villages().map(\.name) == ["Tổ dân phố Lê Lợi"])

        let keep = try laptop.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Nguyễn Văn An", address: "Số 12"))
        let other = try laptop.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Nguyen Van An", address: "Số 12"))
        _ = try laptop.mergeHouseholds(keep: keep.code, other: other.code)
        let merge = try laptop.history(keep.code).first { $0.type == .householdMerged }!.id
        _ = try laptop.void(event: EventRef.short(merge), reason: nil)
        #expect(try laptop.households().count == 2)
        // Undone by naming the void itself this time.
        let void = try laptop.history(other.code).first { $0.type == .eventVoided }!.id
        _ = try laptop.unvoid(event: EventRef.short(void), reason: nil)
        #expect(try laptop.households().map(\.code) == [keep.code])
    }

    /// A store whose state was derived when a void of a void counted for nothing derives it again when opened.
    @Test func anOlderStoreHoldingAnUndoingDerivesItsStateAgain() throws {
        let folder = TemporaryFolder()
        let laptop = try phuLyLaptop(folder)
        let household = try laptop.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Nguyễn Văn An"))
        let record = EventRef.short(try registration(laptop, household.code))
        _ = try laptop.void(event: record, reason: nil)
        _ = try laptop.unvoid(event: record, reason: nil)
        // What the earlier rule derived: the household gone.
        try laptop.write { db in
            try db.execute(sql: "UPDATE household_fold SET scheme = NULL")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = '2027-01-void-of-void-undoes'")
        }
        #expect(try laptop.households().isEmpty)
        let reopened = try Store.open(at: folder.file("laptop.sqlite"), environment: environment(TestClock()))
        #expect(try reopened.households().map(\.code) == [household.code])
    }
}
