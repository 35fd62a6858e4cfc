import Foundation
import Testing
@testable import TungnhaKit

/// The holes of issue 9 under "A visit dated in the future", "Cross-commune writes", "Sequence gaps" and names
/// without consent: files of an enrolled laptop whose owner crafts them with his own key. Each is refused whole and
/// the store is left exactly as it was.
@Suite struct BoundsTests {
    @Test func aVisitDatedInTheYear9999IsRefused() throws {
        let field = try Field()
        let inFuture = OutsiderFile(
            header: OutsiderFile.header(device: Field.mallory, events: 1, writtenAt: "9999-12-31T23:59:00+07:00"),
            events: [field.coveringVisit(device: Field.mallory, seq: 1, at: "9999-12-31T23:00:00+07:00")])
        let afterWritten = OutsiderFile(
            header: OutsiderFile.header(device: Field.mallory, events: 1), events: [field.coveringVisit(device: Field.mallory, seq: 1, at: "9999-12-31T23:00:00+07:00")])
        let (outcome, unchanged) = try field.refusedLeavingUnchanged([
            try inFuture.write(to: field.folder.file("in/future.jsonl"), signer: signer(Field.mallory)),
            try afterWritten.write(to: field.folder.file("in/after.jsonl"), signer: signer(Field.mallory)),
        ])
        #expect(outcome.files.map(\.refusal) == ["inFuture", "afterWritten"])
        #expect(outcome.files[1].line == 2)
        #expect(unchanged)
    }

    @Test func aLaptopWhoseClockSays2035IsRefusedWithWhatToDo() throws {
        let field = try Field()
        field.clock.set(Moment(rfc3339: "2035-01-01T09:00:00+07:00")!)
        _ = try field.laptop.recordVisit(household: field.household, VisitInput(outcome: .met, volunteer: "Lan", observations: [ableObservation(field.member)]))
        let batch = try field.laptop.export(to: field.folder.file("exports"))
        field.clock.set(Moment(rfc3339: "2026-11-21T09:00:00+07:00")!)
        let (outcome, unchanged) = try field.refusedLeavingUnchanged([batch.file])
        #expect(outcome.files.map(\.refusal) == ["inFuture"])
        #expect(outcome.files[0].message == "Tệp có thời điểm 01/01/2035 09:00, muộn hơn bây giờ (21/11/2026 09:00) quá 24 giờ: đồng hồ của máy gửi đang sai. Nhờ người dùng máy gửi chỉnh lại ngày giờ của máy; các ghi nhận ghi lúc đồng hồ sai cần ghi lại, rồi xuất lô mới.")
        #expect(unchanged)
    }

    @Test func aBatchOfOneCommuneCannotWriteToAHouseholdOfAnother() throws {
        let field = try Field()
        // Mallory works for Phủ Lý (13285); the household of Châu Sơn (13294) came from a laptop enrolled there.
        let other = try registerChauSonHousehold(in: field)
        let crossing = OutsiderFile(
            header: OutsiderFile.header(device: Field.mallory, events: 2),
            events: [
                OutsiderFile.event(device: Field.mallory, seq: 1, type: "village.added", data: #"{"name":"Thôn 9"}"#),
                OutsiderFile.event(device: Field.mallory, seq: 2, type: "visit.recorded", household: "CHAS0N1111", data: #"{"volunteer":"M","outcome":"moved"}"#),
            ])
        let voiding = OutsiderFile(
            header: OutsiderFile.header(device: Field.mallory, events: 1),
            events: [OutsiderFile.event(device: Field.mallory, seq: 1, type: "event.voided", data: #"{"target":"\#(other):1"}"#)])
        let (outcome, unchanged) = try field.refusedLeavingUnchanged([
            try crossing.write(to: field.folder.file("in/crossing.jsonl"), signer: signer(Field.mallory)),
            try voiding.write(to: field.folder.file("in/voiding.jsonl"), signer: signer(Field.mallory)),
        ])
        #expect(outcome.files.map(\.refusal) == ["householdElsewhere", "targetElsewhere"])
        #expect(outcome.files.map(\.line) == [3, 2])
        #expect(unchanged)
        // A laptop enrolled for 13285 cannot send a file "for 13294" either.
        let pretending = OutsiderFile(
            header: OutsiderFile.header(device: Field.mallory, commune: "13294", events: 1),
            events: [OutsiderFile.event(device: Field.mallory, seq: 1, commune: "13294", type: "village.added", data: #"{"name":"Thôn 9"}"#)])
        let (refused, same) = try field.refusedLeavingUnchanged([try pretending.write(to: field.folder.file("in/pretending.jsonl"), signer: signer(Field.mallory))])
        #expect(refused.files.map(\.refusal) == ["enrolledForOtherCommune"])
        #expect(same)
    }

    @Test func aHouseholdWhoseRegistrationWasVoidedStaysInItsCommune() throws {
        let field = try Field()
        let other = try registerChauSonHousehold(in: field)
        // The next day Châu Sơn's laptop voids the registration: the household has no row, only its history.
        let voided = OutsiderFile(
            header: OutsiderFile.header(device: other, commune: "13294", batch: 2, events: 1, first: 2, writtenAt: "2026-11-21T18:00:00+07:00"),
            events: [
                OutsiderFile.event(
                    device: other, seq: 2, at: "2026-11-21T10:00:00+07:00", commune: "13294", type: "event.voided", household: "CHAS0N1111",
                    data: #"{"target":"\#(other):1"}"#)
            ])
        field.clock.advance(minutes: 24 * 60)
        #expect(try field.district.merge([try voided.write(to: field.folder.file("in/voided.jsonl"), signer: signer(other))]).applied == 1)
        let (rows, histories) = try field.district.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM household WHERE code = 'CHAS0N1111'")!,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM household_timeline WHERE code = 'CHAS0N1111' AND commune = '13294'")!
            )
        }
        #expect(rows == 0)
        #expect(histories == 1)
        let crossing = OutsiderFile(
            header: OutsiderFile.header(device: Field.mallory, events: 1),
            events: [OutsiderFile.event(device: Field.mallory, seq: 1, type: "visit.recorded", household: "CHAS0N1111", data: #"{"volunteer":"M","outcome":"moved"}"#)])
        let (outcome, unchanged) = try field.refusedLeavingUnchanged([try crossing.write(to: field.folder.file("in/crossing.jsonl"), signer: signer(Field.mallory))])
        #expect(outcome.files.map(\.refusal) == ["householdElsewhere"])
        #expect(outcome.files.map(\.line) == [2])
        #expect(unchanged)
    }

    /// A laptop of Châu Sơn (13294), enrolled at the district, whose first file registered household CHAS0N1111
    /// there; returns the laptop's id.
    private func registerChauSonHousehold(in field: Field) throws -> String {
        let other = "ababab00-0000-4000-8000-0000000000ab"
        try enroll(other, label: "Laptop Châu Sơn", commune: CommuneRef(code: "13294", scheme: .y2025), in: field.district)
        let registered = OutsiderFile(
            header: OutsiderFile.header(device: other, commune: "13294", events: 1),
            events: [OutsiderFile.event(device: other, seq: 1, commune: "13294", type: "household.registered", household: "CHAS0N1111", data: #"{"village":"Thôn 1","consent":false}"#)])
        #expect(try field.district.merge([try registered.write(to: field.folder.file("in/chau-son.jsonl"), signer: signer(other))]).applied == 1)
        return other
    }

    @Test func aGapInsideTheDeclaredRangeIsRefused() throws {
        let field = try Field()
        let village = { (seq: Int64) in OutsiderFile.event(device: Field.mallory, seq: seq, type: "village.added", data: #"{"name":"Thôn \#(seq)"}"#) }
        let gap = OutsiderFile(header: OutsiderFile.header(device: Field.mallory, events: 2, first: 1, last: 3), events: [village(1), village(3)])
        let twice = OutsiderFile(header: OutsiderFile.header(device: Field.mallory, batch: 2, events: 3, first: 1, last: 3), events: [village(1), village(3), village(3)])
        let (outcome, unchanged) = try field.refusedLeavingUnchanged([
            try gap.write(to: field.folder.file("in/gap.jsonl"), signer: signer(Field.mallory)),
            try twice.write(to: field.folder.file("in/twice.jsonl"), signer: signer(Field.mallory)),
        ])
        #expect(outcome.files.map(\.refusal) == ["seqGap", "seqTwice"])
        #expect(outcome.files[0].message?.hasPrefix("Phần đầu tệp ghi các số thứ tự 1–3, nhưng thiếu ghi nhận số 2") == true)
        #expect(unchanged)
    }

    @Test func namesOfAHouseholdWithoutConsentAreRefused() throws {
        let field = try Field()
        let withoutConsent = "N0C0NSENT1"
        let inFile = OutsiderFile(
            header: OutsiderFile.header(device: Field.mallory, events: 2),
            events: [
                OutsiderFile.event(device: Field.mallory, seq: 1, type: "household.registered", household: withoutConsent, data: #"{"village":"Thôn 1","headName":"Lê Văn Tư","consent":false}"#),
                OutsiderFile.event(device: Field.mallory, seq: 2, type: "village.added", data: #"{"name":"Thôn 1"}"#),
            ])
        let (first, unchanged) = try field.refusedLeavingUnchanged([try inFile.write(to: field.folder.file("in/names.jsonl"), signer: signer(Field.mallory))])
        #expect(first.files.map(\.refusal) == ["namesWithoutConsent"])
        #expect(first.files[0].line == 2)
        #expect(unchanged)
        // Registered without names and without consent, then a later file names a member: the store knows.
        let registered = OutsiderFile(
            header: OutsiderFile.header(device: Field.mallory, events: 1),
            events: [OutsiderFile.event(device: Field.mallory, seq: 1, type: "household.registered", household: withoutConsent, data: #"{"village":"Thôn 1","consent":false}"#)])
        #expect(try field.district.merge([try registered.write(to: field.folder.file("in/registered.jsonl"), signer: signer(Field.mallory))]).applied == 1)
        let named = OutsiderFile(
            header: OutsiderFile.header(device: Field.mallory, batch: 2, events: 1, first: 2),
            events: [OutsiderFile.event(device: Field.mallory, seq: 2, type: "member.added", household: withoutConsent, member: "N0C0NSENT2", data: #"{"name":"Lê Văn Tư","birthYear":1960}"#)])
        let (second, same) = try field.refusedLeavingUnchanged([try named.write(to: field.folder.file("in/named.jsonl"), signer: signer(Field.mallory))])
        #expect(second.files.map(\.refusal) == ["namesWithoutConsent"])
        #expect(same)
    }

    @Test func aFileOfTheSameMergeKnowsWhatAnEarlierOneRegistered() throws {
        let field = try Field()
        let withoutConsent = "N0C0NSENT1"
        // Both files are appended in one group: the second is checked before the first is derived.
        let registered = OutsiderFile(
            header: OutsiderFile.header(device: Field.mallory, events: 1),
            events: [OutsiderFile.event(device: Field.mallory, seq: 1, type: "household.registered", household: withoutConsent, data: #"{"village":"Thôn 1","consent":false}"#)])
        let named = OutsiderFile(
            header: OutsiderFile.header(device: Field.mallory, batch: 2, events: 1, first: 2),
            events: [OutsiderFile.event(device: Field.mallory, seq: 2, type: "member.added", household: withoutConsent, member: "N0C0NSENT2", data: #"{"name":"Lê Văn Tư","birthYear":1960}"#)])
        let outcome = try field.district.merge([
            try registered.write(to: field.folder.file("in/1-registered.jsonl"), signer: signer(Field.mallory)),
            try named.write(to: field.folder.file("in/2-named.jsonl"), signer: signer(Field.mallory)),
        ])
        #expect(outcome.files.map(\.refusal) == [nil, "namesWithoutConsent"])
        #expect(try field.district.households().map(\.code).contains(withoutConsent))
    }

    @Test func revokedLaptopsNewBatchesAreRefusedItsEarlierOnesStay() throws {
        let field = try Field()
        let kept = try field.district.households().map(\.code)
        let revoked = try field.district.revoke("Laptop tổ 1")
        #expect(revoked.keepUpTo == field.laptopSeq)
        // The thief's batch, signed with the laptop's own key.
        _ = try field.laptop.recordVisit(household: field.household, VisitInput(outcome: .met, volunteer: "Lan", observations: [ableObservation(field.member)]))
        let stolen = try field.laptop.export(to: field.folder.file("exports"))
        let (outcome, unchanged) = try field.refusedLeavingUnchanged([stolen.file])
        #expect(outcome.files.map(\.refusal) == ["revoked"])
        #expect(unchanged)
        // What came before stays, and its first batch sent again is still known.
        #expect(try field.district.households().map(\.code) == kept)
        #expect(try field.district.merge([try field.laptop.exportAgain(1, to: field.folder.file("again")).file]).files.map(\.status) == [.alreadyMerged])
    }
}
