import Foundation
import GRDB
import Testing
@testable import TungnhaKit

/// Enrollment, revocation, keys of copies, and sealed batches forwarded upward.
@Suite struct EnrollmentTests {
    @Test func aFingerprintThatDiffersEnrollsNothing() throws {
        let folder = TemporaryFolder()
        let district = try districtStore(folder.file("d.sqlite"), trusting: [])
        let file = try enrollmentFile(deviceA, in: folder)
        let offer = try district.readEnrollment(file.path)
        #expect(offer.newcomer?.fingerprint == file.fingerprint)
        #expect(throws: EnrollmentError.fingerprintMismatch(label: "Laptop thử", typed: "7GQ2M-ZK9TD-R4XW8-N1BHC-3PQ7Z")) {
            try district.enroll(offer, fingerprint: "7GQ2M-ZK9TD-R4XW8-N1BHC-3PQ7Z")
        }
        #expect(throws: EnrollmentError.needsFingerprint(label: "Laptop thử")) { try district.enroll(offer, fingerprint: nil) }
        #expect(try district.trustedMachines().isEmpty)
        // Typed as read over the phone: lower case, spaces, O for 0.
        let typed = file.fingerprint.lowercased().replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "0", with: "o")
        #expect(try district.enroll(offer, fingerprint: typed).enrolled?.device == deviceA)
        // The same device with another key is a forgery, not a new enrollment.
        var other = try String(contentsOfFile: try enrollmentFile(deviceB, in: folder).path, encoding: .utf8)
        other = other.replacingOccurrences(of: deviceB, with: deviceA)
        try other.write(toFile: folder.file("swapped.tungnha"), atomically: true, encoding: .utf8)
        #expect(throws: EnrollmentError.badSignature(line: 2)) { try district.readEnrollment(folder.file("swapped.tungnha")) }
    }

    @Test func aSealedBatchOpensOnlyForItsRecipients() throws {
        let field = try Field()
        _ = try field.laptop.recordVisit(household: field.household, VisitInput(outcome: .met, volunteer: "Lan", observations: [ableObservation(field.member)]))
        let batch = try field.laptop.export(to: field.folder.file("exports"))
        #expect(Set(batch.sealedFor) == ["Máy chủ huyện", "Máy chủ thử"])
        let text = try String(contentsOfFile: batch.file, encoding: .utf8)
        #expect(text.hasPrefix("{\"batch\":{\"batch\":2,"))
        #expect(!text.contains(field.household))
        // Another district machine, not a recipient, cannot open it (and learns why).
        let stranger = try districtStore(field.folder.file("stranger.sqlite"), trusting: [])
        _ = try stranger.enroll(try stranger.readEnrollment(try field.laptop.ownEnrollment(writingTo: field.folder.file("l.tungnha")).file!),
                                fingerprint: try field.laptop.ownEnrollment().fingerprint)
        let (outcome, unchanged) = try field.refusedLeavingUnchanged([batch.file], into: stranger)
        #expect(outcome.files.map(\.refusal) == ["sealedForOthers"])
        #expect(unchanged)
        // export --again writes the same bytes, sealed the same way.
        let again = try field.laptop.exportAgain(batch.batch, to: field.folder.file("again"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: again.file)) == Data(contentsOf: URL(fileURLWithPath: batch.file)))
    }

    @Test func aForwardedBatchStaysVerifiableAtTheProvinceWithoutTheLaptopsKey() throws {
        let folder = TemporaryFolder()
        let clock = TestClock(Moment(rfc3339: "2026-11-20T08:00:00+07:00")!)
        let commune = try Store.initialize(at: folder.file("commune.sqlite"), role: .communeGathering, label: "Máy tổng hợp Phủ Lý", commune: phuLy, province: nil, environment: environment(clock, seed: 41)).store
        let province = try Store.initialize(at: folder.file("province.sqlite"), role: .provinceGathering, label: "Máy tổng hợp Ninh Bình", commune: nil, province: "37", environment: environment(clock, seed: 42)).store
        // The province enrolls the commune's machine; the commune's machine enrolls the province as the one it forwards to.
        let communeFile = try commune.ownEnrollment(writingTo: folder.file("commune.tungnha"))
        _ = try province.enroll(try province.readEnrollment(communeFile.file!), fingerprint: communeFile.fingerprint)
        let provinceFile = try province.ownEnrollment(writingTo: folder.file("province.tungnha"))
        #expect(try commune.enroll(try commune.readEnrollment(provinceFile.file!, outbound: true), fingerprint: provinceFile.fingerprint).enrolled?.direction == .outbound)
        // A laptop enrolls with the commune's machine, and learns from it to seal to the province too.
        let laptop = try phuLyLaptop(folder, clock: clock, name: "laptop.sqlite", seed: 43)
        try enrollEachOther(laptop, commune)
        #expect(Set(try laptop.trustedMachines().map(\.label)) == ["Máy chủ thử", "Máy tổng hợp Phủ Lý", "Máy tổng hợp Ninh Bình"])
        _ = try laptop.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Nguyễn Văn An"))
        clock.advance(minutes: 60)
        let batch = try laptop.export(to: folder.file("exports"))
        #expect(try commune.merge([batch.file]).applied == 1)
        // Forwarded unchanged: before the province learns the laptop, it is unknown; the commune's file vouches for it.
        #expect(try province.merge([batch.file]).files.map(\.refusal) == ["unknownDevice"])
        _ = try commune.ownEnrollment(writingTo: folder.file("commune-2.tungnha"))
        let vouched = try province.enroll(try province.readEnrollment(folder.file("commune-2.tungnha")), fingerprint: nil)
        #expect(vouched.vouched.map(\.label) == ["Laptop tổ 1"])
        #expect(try province.merge([batch.file]).applied == 1)
        #expect(try province.households().map(\.headName) == ["Nguyễn Văn An"])
        // The commune revokes the laptop: passed on, the province refuses its new batches too.
        _ = try commune.revoke("Laptop tổ 1")
        _ = try commune.ownEnrollment(writingTo: folder.file("commune-3.tungnha"))
        #expect(try province.enroll(try province.readEnrollment(folder.file("commune-3.tungnha")), fingerprint: nil).revoked.map(\.label) == ["Laptop tổ 1"])
        _ = try laptop.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Trần Văn Bình"))
        #expect(try province.merge([try laptop.export(to: folder.file("exports")).file]).files.map(\.refusal) == ["revoked"])
    }

    @Test func aBackupCarriesNoPrivateKeyAndARestoreMakesNewOnes() throws {
        let folder = TemporaryFolder()
        let laptop = try phuLyLaptop(folder)
        let before = try laptop.ownEnrollment()
        _ = try laptop.backup(to: folder.file("backup.sqlite"))
        let keys = try DatabaseQueue(path: folder.file("backup.sqlite")).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM machine_key")! }
        #expect(keys == 0)
        let raw = try Data(contentsOf: URL(fileURLWithPath: folder.file("backup.sqlite")))
        #expect(raw.range(of: try laptop.machineKeys().signing.rawRepresentation) == nil)
        let restored = try Store.restore(from: folder.file("backup.sqlite"), to: folder.file("restored.sqlite"))
        let after = try Store.open(at: folder.file("restored.sqlite")).ownEnrollment()
        #expect(after.device == restored.identity.device)
        #expect(after.fingerprint != before.fingerprint)
        // It still seals to the machine the original enrolled, and says which device it continues.
        #expect(try Store.open(at: folder.file("restored.sqlite")).trustedMachines().map(\.device) == [gatheringD])
        let statement = try EnrollmentStatement.read(try Store.open(at: folder.file("restored.sqlite")).ownEnrollment(writingTo: folder.file("r.tungnha")).file!)
        #expect(statement.first?.continues == [before.device])
    }
}
