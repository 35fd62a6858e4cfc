import Crypto
import Foundation
import Testing
@testable import TungnhaKit

/// The holes of issue 9 under "Forgery" and "One accepted file breaks a store", each tried as an outsider would, with
/// files typed from docs/sync-format.md. After every refusal the store is exactly as it was.
@Suite struct ForgeryTests {
    @Test func aFileWrittenInALaptopsNameWithoutItsKeyIsRefused() throws {
        let field = try Field()
        let next = field.laptopSeq + 1
        let forged = OutsiderFile(
            header: OutsiderFile.header(device: field.laptopID, batch: 2, events: 1, first: next), events: [field.coveringVisit(device: field.laptopID, seq: next)])
        // Unsigned; signed with the forger's own key in the laptop's name; signed by the forger as himself.
        let forger = Curve25519.Signing.PrivateKey()
        let files = [
            try forged.write(to: field.folder.file("in/unsigned.jsonl"), signer: nil),
            try forged.write(to: field.folder.file("in/other-key.jsonl"), signer: (field.laptopID, forger)),
            try forged.write(to: field.folder.file("in/as-himself.jsonl"), signer: signer(Field.mallory)),
        ]
        let (outcome, unchanged) = try field.refusedLeavingUnchanged(files)
        #expect(outcome.files.map(\.refusal) == ["unsigned", "keyChanged", "signedByOther"])
        #expect(unchanged)
    }

    @Test func aForgedVisitDoesNotMakeAHouseholdCovered() throws {
        let field = try Field()
        #expect(try field.district.report(ReportRequest()).total.householdsCovered == 0)
        let next = field.laptopSeq + 1
        let forged = OutsiderFile(
            header: OutsiderFile.header(device: field.laptopID, batch: 2, events: 1, first: next), events: [field.coveringVisit(device: field.laptopID, seq: next)])
        let (outcome, unchanged) = try field.refusedLeavingUnchanged([try forged.write(to: field.folder.file("in/visit.jsonl"), signer: (field.laptopID, .init()))])
        #expect(outcome.refused == 1)
        #expect(outcome.files[0].message?.hasPrefix("Tệp được ký bằng một khoá khác với khoá đã ghi danh của \"Laptop tổ 1\"") == true)
        #expect(unchanged)
        #expect(try field.district.report(ReportRequest()).total.householdsCovered == 0)
    }

    @Test func aForgedFileTakingTheNextNumberCostsTheRealBatchNothing() throws {
        let field = try Field()
        let next = field.laptopSeq + 1
        let forged = OutsiderFile(
            header: OutsiderFile.header(device: field.laptopID, batch: 2, events: 1, first: next), events: [field.coveringVisit(device: field.laptopID, seq: next)])
        let (refused, unchanged) = try field.refusedLeavingUnchanged([try forged.write(to: field.folder.file("in/next.jsonl"), signer: (field.laptopID, .init()))])
        #expect(refused.refused == 1)
        #expect(unchanged)
        // The laptop's real batch 2 takes that number: all of it applies, and the household it registers is there.
        let real = try field.laptop.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Trần Văn Bình", address: "Số 14"))
        let batch = try field.laptop.export(to: field.folder.file("exports"))
        #expect(batch.firstSeq == next)
        let merged = try field.district.merge([batch.file])
        #expect(merged.files.map(\.status) == [.applied])
        #expect(merged.clashes == 0)
        #expect(try field.district.household(real.code).household.headName == "Trần Văn Bình")
    }

    @Test func aRelayFromAnInventedDeviceIsRefused() throws {
        let field = try Field()
        let invented = "12345678-0000-4000-8000-000000000abc"
        var events: [String] = []
        for index in 0..<100 {
            let household = "QQQQQQQQ" + String(ShortCode.alphabet[index / 32]) + String(ShortCode.alphabet[index % 32])
            events.append(OutsiderFile.event(device: invented, seq: Int64(2 * index + 1), type: "household.registered", household: household, data: #"{"village":"Tổ 1","consent":false}"#))
            events.append(OutsiderFile.event(device: invented, seq: Int64(2 * index + 2), type: "member.added", household: household, member: household, data: #"{"birthYear":1980}"#))
        }
        let relay = OutsiderFile(header: OutsiderFile.header(device: invented, label: "Máy chủ huyện", kind: "relay", events: events.count, first: 1, last: 200), events: events)
        let (outcome, unchanged) = try field.refusedLeavingUnchanged([try relay.write(to: field.folder.file("in/relay.jsonl"), signer: signer(invented))])
        #expect(outcome.files.map(\.refusal) == ["unknownDevice"])
        #expect(unchanged)
        #expect(try field.district.syncStatus().devices.map(\.device).contains(invented) == false)
    }

    @Test func aBatchNumberBeyondTheLimitIsRefusedAndSyncStatusStillRuns() throws {
        let field = try Field()
        let file = OutsiderFile(
            header: OutsiderFile.header(device: Field.mallory, batch: 9_223_372_036_854_775_807, events: 1),
            events: [OutsiderFile.event(device: Field.mallory, seq: 1, type: "village.added", data: #"{"name":"Thôn 9"}"#)])
        let (outcome, unchanged) = try field.refusedLeavingUnchanged([try file.write(to: field.folder.file("in/batch.jsonl"), signer: signer(Field.mallory))])
        #expect(outcome.files.map(\.refusal) == ["badHeader"])
        #expect(outcome.files[0].message == "Dòng 1 (phần đầu tệp): trường \"batch\" không hợp lệ (cần 1..100000).")
        #expect(unchanged)
        #expect(try field.district.syncStatus().devices.count == 1)
    }

    @Test func aHugeSequenceNumberInALaptopsOwnNameIsRefusedAndTheLaptopGoesOn() throws {
        let field = try Field()
        // A relay "from the district", signed with its key (as a district machine mistaken, or taken over, would).
        let districtID = try field.district.identity().id
        let districtKey = try field.district.machineKeys().signing
        for (name, seq, refusal) in [("max", Int64.max, "badEvent"), ("beyond", Int64(900_000_000_000), "ownEventsUnknown")] {
            let relay = OutsiderFile(
                header: OutsiderFile.header(device: districtID, label: "Máy chủ huyện", kind: "relay", events: 1, first: nil),
                events: [field.coveringVisit(device: field.laptopID, seq: seq)])
            let file = try relay.write(to: field.folder.file("in/\(name).jsonl"), signer: (districtID, districtKey))
            let (outcome, unchanged) = try field.refusedLeavingUnchanged([file], into: field.laptop)
            #expect(outcome.files.map(\.refusal) == [refusal], "\(name)")
            #expect(unchanged, "\(name)")
        }
        let visit = try field.laptop.recordVisit(household: field.household, VisitInput(outcome: .absent, volunteer: "Lan"))
        #expect(visit.event == EventRef.text(device: field.laptopID, seq: field.laptopSeq + 1))
    }

    @Test func aHugeSequenceNumberInTheDistrictsOwnNameIsRefusedAndMergingHouseholdsStillWorks() throws {
        let field = try Field()
        let districtID = try field.district.identity().id
        let other = "fafafafa-0000-4000-8000-0000000000fa"
        try enroll(other, label: "Máy chủ khác", role: .provinceGathering, commune: nil, in: field.district)
        let relay = OutsiderFile(
            header: OutsiderFile.header(device: other, label: "Máy chủ khác", kind: "relay", events: 1, first: nil),
            events: [OutsiderFile.event(device: districtID, seq: 999_999_999_999, type: "village.added", data: #"{"name":"Thôn 9"}"#)])
        let (outcome, unchanged) = try field.refusedLeavingUnchanged([try relay.write(to: field.folder.file("in/own.jsonl"), signer: signer(other))])
        #expect(outcome.files.map(\.refusal) == ["ownEventsUnknown"])
        #expect(unchanged)
        let second = try field.laptop.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Nguyen Van An", address: "So 12"))
        _ = try field.district.merge([try field.laptop.export(to: field.folder.file("exports")).file])
        let kept = try field.district.mergeHouseholds(keep: field.household, other: second.code)
        #expect(kept.code == field.household)
    }
}
