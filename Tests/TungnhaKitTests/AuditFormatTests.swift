import Foundation
import GRDB
import Testing
@testable import TungnhaKit

/// What the audit added to the format: when each event was entered, back-checks, and reviews of flags, which change
/// no household and no figure.
@Suite struct AuditFormatTests {
    let folder = TemporaryFolder()

    @Test func anEventWithoutItsEntryTimeIsRefusedFromAFileButReadFromAStore() throws {
        let line = #"{"at":"2026-11-20T09:15:00+07:00","commune":"13285","data":{"name":"Thôn 1"},"device":"aaaaaaaa-0000-4000-8000-000000000001","scheme":"2025","seq":1,"type":"village.added"}"#
        #expect(throws: EventFormatError(path: "entered", problem: .missing)) { try EventCodec.event(from: JSONParser.parse(line)) }
        #expect(try EventCodec.storedEvent(from: JSONParser.parse(line)).entered == nil)
        let wrong = line.replacingOccurrences(of: #""device""#, with: #""entered":"hôm qua","device""#)
        #expect(throws: EventFormatError(path: "entered", problem: .invalid(expected: "RFC 3339 date-time"))) { try EventCodec.event(from: JSONParser.parse(wrong)) }
    }

    @Test func aReviewAndABackcheckWriteTheirLinesAndReadBack() throws {
        let review = Event(
            device: deviceB, seq: 3, at: Moment(rfc3339: "2026-11-28T10:00:00+07:00")!, entered: Moment(rfc3339: "2026-11-28T10:00:00+07:00")!,
            commune: phuLy, body: .flagReviewed(FlagReview(flag: "7K2QXW9M4D", note: "Đã gọi lại 5 hộ", events: 14)))
        #expect(EventCodec.canonical(review) == #"{"at":"2026-11-28T10:00:00+07:00","commune":"13285","data":{"events":14,"flag":"7K2QXW9M4D","note":"Đã gọi lại 5 hộ"},"device":"bbbbbbbb-0000-4000-8000-000000000002","entered":"2026-11-28T10:00:00+07:00","scheme":"2025","seq":3,"type":"flag.reviewed"}"#)
        let backcheck = Event(
            device: deviceB, seq: 4, at: Moment(rfc3339: "2026-11-27T14:10:00+07:00")!, entered: Moment(rfc3339: "2026-11-27T14:12:00+07:00")!,
            commune: phuLy, household: "HHHHHHHHH1",
            body: .visitRecorded(VisitData(volunteer: "Thu", outcome: .met, observations: [Observation(member: "MMMMMMMMM1", login: false)], backcheckOf: "\(deviceA):4")))
        #expect(EventCodec.canonical(backcheck).contains(#""data":{"backcheckOf":"aaaaaaaa-0000-4000-8000-000000000001:4","help":[]"#))
        for event in [review, backcheck] {
            #expect(EventCodec.canonical(event) == JSONWriter.canonical(EventCodec.json(event)))
            #expect(try EventCodec.event(from: JSONParser.parse(EventCodec.canonical(event))) == event)
        }
        // A review is about no household; a back-check names a visit as "device:seq".
        var withHousehold = review
        withHousehold.household = "HHHHHHHHH1"
        #expect(throws: EventFormatError(path: "household", problem: .unknownField)) {
            try EventCodec.event(from: JSONParser.parse(EventCodec.canonical(withHousehold)))
        }
        let badRef = EventCodec.canonical(backcheck).replacingOccurrences(of: "000000000001:4", with: "000000000001:04")
        #expect(throws: EventFormatError(path: "data.backcheckOf", problem: .invalid(expected: "device:seq"))) { try EventCodec.event(from: JSONParser.parse(badRef)) }
    }

    /// Every derived row, as text: what a review must leave as it is.
    func derivedRows(_ store: Store) throws -> [String] {
        try store.read { db in
            try DerivedTables.derivedTables.flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2").map { table + " " + $0.description }
            }
        }
    }

    @Test func aReviewChangesNoHouseholdNoRowAndNoFigure() throws {
        let campaign = AuditCampaign.honest()
        let store = try campaign.store(in: folder)
        let before = try derivedRows(store)
        let report = try store.report(ReportRequest(asOf: LocalDate("2026-10-10")))
        var reviewer = AuditCampaign.Laptop(device: "dddddddd-0000-4000-8000-000000000004", label: "Máy tổng hợp xã")
        reviewer.add("2026-10-11 08:00", household: nil, .flagReviewed(FlagReview(flag: "7K2QXW9M4D", note: "Đã xem", events: 3)))
        let header = BatchHeader(
            kind: .device, device: reviewer.device, deviceLabel: reviewer.label, commune: phuLy, batch: 1, events: 1, firstSeq: 1, lastSeq: 1,
            writtenAt: AuditCampaign.moment("2026-10-11 09:00"), tool: "test")
        var writer = BatchWriter(header: header)
        writer.append(EventCodec.canonical(reviewer.events[0]))
        let file = try Store.place(writer.finishSigned(events: 1, by: reviewer.device), named: header.fileName, in: folder.file("review"))
        try enroll(reviewer.device, label: reviewer.label, role: .communeGathering, commune: phuLy, in: store)
        #expect(try store.merge([file]).applied == 1)
        #expect(try derivedRows(store) == before)
        #expect(try store.report(ReportRequest(asOf: LocalDate("2026-10-10"))) == report)
        // Folded from scratch with the review among its events, the state is the same.
        try store.write { db in try DerivedTables.rebuild(db: db) }
        #expect(try derivedRows(store) == before)
    }

    @Test func aVisitTypedInLaterKeepsWhenItHappenedAndWhenItWasEntered() throws {
        let clock = TestClock()
        let store = try phuLyLaptop(folder, clock: clock)
        let household = try store.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Nguyễn Văn An"))
        _ = try store.recordVisit(household: household.code, VisitInput(at: "17/11/2026 10:00", outcome: .absent, volunteer: "Lan"))
        let events = try store.read { db in try EventLog.events(after: 0, limit: 10, db: db).map(\.event) }
        #expect(events.last?.at == Moment(rfc3339: "2026-11-17T10:00:00+07:00"))
        #expect(events.last?.entered == Moment(rfc3339: "2026-11-20T09:00:00+07:00"))
        #expect(events.dropLast().allSatisfy { $0.entered == fixedStart && $0.at == fixedStart })
    }

    @Test func aBackcheckNamesAVisitOfTheSameHouseholdAndTheLatestObservationDecides() throws {
        let clock = TestClock()
        let store = try phuLyLaptop(folder, clock: clock)
        let household = try store.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Nguyễn Văn An"))
        let other = try store.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Lê Thị Lý"))
        let member = try store.addMember(household: household.code, MemberInput(name: "Nguyễn Văn An", birthYear: 1970))
        clock.advance(minutes: 30)
        let visit = try store.recordVisit(
            household: household.code, VisitInput(outcome: .met, volunteer: "Lan", observations: [Observation(member: member.code, vneid: .level2, login: true, dvctt: true)]))
        #expect(try store.household(household.code).household.covered)
        let short = EventRef.short(visit.event)
        #expect(throws: AuditError.backcheckNotAVisit(record: short)) {
            try store.recordVisit(household: other.code, VisitInput(outcome: .met, volunteer: "Thu", backcheckOf: short))
        }
        clock.advance(minutes: 60 * 24 * 7)
        let check = try store.recordVisit(
            household: household.code,
            VisitInput(outcome: .met, volunteer: "Thu", observations: [Observation(member: member.code, login: false)], backcheckOf: short))
        let stored = try store.read { db in try VisitRecord.find(check.event, household: household.code, db: db) }
        #expect(stored?.backcheckOf == visit.event)
        #expect(throws: AuditError.backcheckOfBackcheck(record: EventRef.short(check.event))) {
            try store.recordVisit(household: household.code, VisitInput(outcome: .met, volunteer: "Thu", backcheckOf: EventRef.short(check.event)))
        }
        // The back-check replaces nothing the first visit recorded; coverage follows the latest observation.
        #expect(try !store.household(household.code).household.covered)
        #expect(try store.history(household.code).filter { $0.type == .visitRecorded }.count == 2)
        let report = try store.audit()
        #expect(report.flags.map(\.kind) == [.backcheckDisagrees])
        #expect(report.backchecks.map { "\($0.volunteer) \($0.backchecks) \($0.compared) \($0.agreed)" } == ["Lan 1 1 0"])
    }
}
