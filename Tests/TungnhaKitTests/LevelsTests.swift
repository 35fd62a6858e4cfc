import Crypto
import Foundation
import GRDB
import Testing
@testable import TungnhaKit

/// Laptops of Phường Phủ Lý (13285) and of the former communes merged into it, a laptop of Phường Hà Nam (13366),
/// the gathering machine of Phủ Lý, and two gathering machines of Ninh Bình (37): one that gets Phủ Lý's files
/// through Phủ Lý's machine, one that gets every laptop's files straight.
final class TwoLevels {
    let folder = TemporaryFolder()
    let clock = TestClock()
    let commune: Store
    let province: Store
    let direct: Store
    /// Phủ Lý's laptops' files, and Hà Nam's.
    var phuLyFiles: [String] = []
    var haNamFile = ""
    var an = "", anAgain = ""

    init() throws {
        let a = try phuLyLaptop(folder, clock: clock, name: "a.sqlite", seed: 1, label: "Laptop tổ 1")
        let b = try phuLyLaptop(folder, clock: clock, name: "b.sqlite", seed: 2, label: "Laptop tổ 2")
        let (folder, clock) = (folder, clock)
        let laptop = { (name: String, commune: CommuneRef, village: String, newCommune: String?, seed: UInt64) in
            try TwoLevels.laptop(folder, clock, name, commune, village: village, newCommune: newCommune, seed: seed)
        }
        let chauCau = try laptop("c.sqlite", CommuneRef(code: "13294", scheme: .pre2025), "Tổ 4", nil, 3)
        // Phường Quang Trung (pre-2025 13285) went partly to Phủ Lý, partly to Hà Nam: this village to Hà Nam.
        let quangTrung = try laptop("e.sqlite", CommuneRef(code: "13285", scheme: .pre2025), "Tổ 9", "13366", 4)
        let haNam = try laptop("d.sqlite", CommuneRef(code: "13366", scheme: .y2025), "Tổ 1", nil, 5)
        commune = try Store.initialize(
            at: folder.file("commune.sqlite"), role: .communeGathering, label: "Máy tổng hợp Phủ Lý", commune: phuLy, province: nil,
            environment: environment(clock, seed: 6)
        ).store
        province = try Store.initialize(
            at: folder.file("province.sqlite"), role: .provinceGathering, label: "Ninh Bình", commune: nil, province: "37",
            environment: environment(clock, seed: 7)
        ).store
        direct = try Store.initialize(
            at: folder.file("direct.sqlite"), role: .provinceGathering, label: "Ninh Bình (thẳng)", commune: nil, province: "37",
            environment: environment(clock, seed: 8)
        ).store
        // Phủ Lý's machine forwards to Ninh Bình's; the laptops enroll with the machine that receives their files
        // and with the one that gets every file straight; the province learns Phủ Lý's laptops from Phủ Lý's machine.
        try enroll(province, into: commune, outbound: true)
        for laptop in [a, b, chauCau, quangTrung] { try enrollEachOther(laptop, commune) }
        try enrollEachOther(haNam, province)
        for laptop in [a, b, chauCau, quangTrung, haNam] { try enrollEachOther(laptop, direct) }
        try enroll(commune, into: province)

        an = try household(a, "Nguyễn Văn An", address: "Số 12", born: 1970, able: true)
        _ = try household(a, "Trần Thị Bình", address: "Số 14", born: 1985, able: false)
        phuLyFiles.append(try a.export(to: folder.file("laptops")).file)
        _ = try a.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Lê Văn Cường", address: "Số 16"))
        phuLyFiles.append(try a.export(to: folder.file("laptops")).file)
        // Laptop 2 registers An's house again.
        anAgain = try b.registerHousehold(HouseholdInput(village: "to dan pho le loi", headName: "Nguyen Van An", address: "Số 12")).code
        _ = try household(b, "Phạm Văn Dũng", address: "Số 30", born: 1960, able: true)
        phuLyFiles.append(try b.export(to: folder.file("laptops")).file)
        _ = try household(chauCau, "Võ Thị Em", address: "Số 2", born: 1990, able: true)
        phuLyFiles.append(try chauCau.export(to: folder.file("laptops")).file)
        _ = try quangTrung.registerHousehold(HouseholdInput(village: "Tổ 9", headName: "Đỗ Văn Giang", address: "Số 9"))
        phuLyFiles.append(try quangTrung.export(to: folder.file("laptops")).file)
        _ = try household(haNam, "Bùi Thị Hà", address: "Số 5", born: 1975, able: true)
        haNamFile = try haNam.export(to: folder.file("laptops")).file
    }

    static func laptop(_ folder: TemporaryFolder, _ clock: TestClock, _ name: String, _ commune: CommuneRef, village: String, newCommune: String?, seed: UInt64) throws -> Store {
        let store = try Store.initialize(
            at: folder.file(name), role: .laptop, label: "Laptop " + village, commune: commune, province: nil, environment: environment(clock, seed: seed)
        ).store
        _ = try store.addVillage(name: village, newCommune: newCommune)
        return store
    }

    /// A household with one member, visited: able to use VNeID and online services, or not yet.
    func household(_ store: Store, _ head: String, address: String, born: Int, able: Bool) throws -> String {
        clock.advance(minutes: 10)
        let village = try store.villages()[0].name
        let household = try store.registerHousehold(HouseholdInput(village: village, headName: head, address: address))
        let member = try store.addMember(household: household.code, MemberInput(name: head, birthYear: born))
        _ = try store.recordVisit(household: household.code, VisitInput(outcome: .met, volunteer: "Lan", observations: [
            Observation(member: member.code, vneid: able ? .level2 : .pending, login: able, dvctt: able),
        ]))
        return household.code
    }

    /// (commune code, households registered, households covered) of each line of a report by commune.
    static func lines(_ report: CoverageReport) -> [[String]] {
        report.rows.map { [$0.code ?? "", String($0.householdsRegistered), String($0.householdsCovered)] }
    }
}

@Suite struct LevelsTests {
    @Test func forwardedFilesGiveTheProvinceWhatTheLaptopsFilesGive() throws {
        let world = try TwoLevels()
        let received = try world.commune.merge(world.phuLyFiles)
        #expect(received.files.map(\.status) == Array(repeating: .applied, count: 5))
        let forward = try world.commune.forward(to: world.folder.file("up"))
        #expect(forward.run == 1)
        #expect(forward.files.count == 5)
        #expect(forward.own == nil)
        // Byte for byte what the laptops wrote, under the names they gave them.
        for file in forward.files {
            let original = try #require(world.phuLyFiles.first { ($0 as NSString).lastPathComponent == (file.file as NSString).lastPathComponent })
            #expect(try Data(contentsOf: URL(fileURLWithPath: file.file)) == Data(contentsOf: URL(fileURLWithPath: original)))
        }

        let through = try world.province.merge([world.folder.file("up"), world.haNamFile])
        #expect(through.refused == 0)
        #expect(try world.direct.merge(world.phuLyFiles + [world.haNamFile]).refused == 0)
        let request = ReportRequest(level: .commune)
        #expect(try world.province.report(request) == world.direct.report(request))
        #expect(try world.province.snapshot() == world.direct.snapshot())
        // An, Bình, Cường, An again, Dũng, Em in Phủ Lý (An, Dũng, Em covered); Giang and Hà in Hà Nam (Hà covered).
        #expect(TwoLevels.lines(try world.province.report(request)) == [["13285", "6", "3"], ["13366", "2", "1"]])
        // The commune machine reports its own commune: Giang's village went to Hà Nam.
        #expect(TwoLevels.lines(try world.commune.report(request)) == [["13285", "6", "3"]])
    }

    @Test func theCommuneMachinesOwnEventsReachTheProvince() throws {
        let world = try TwoLevels()
        _ = try world.commune.merge(world.phuLyFiles)
        _ = try world.province.merge([try world.commune.forward(to: world.folder.file("up1")).folder])
        _ = try world.commune.mergeHouseholds(keep: world.an, other: world.anAgain)
        let second = try world.commune.forward(to: world.folder.file("up2"))
        #expect(second.run == 2)
        #expect(second.files.isEmpty)
        #expect(second.own?.events == 1)
        #expect(second.own?.kind == .device)
        #expect(try world.province.merge([world.folder.file("up2")]).newEvents == 1)
        let request = ReportRequest(level: .commune, commune: "13285")
        // The duplicate counts once: five households, three covered, at both levels.
        #expect(TwoLevels.lines(try world.province.report(request)) == [["13285", "5", "3"]])
        #expect(try world.province.report(request).rows == world.commune.report(request).rows)
        #expect(try world.province.households().contains { $0.code == world.anAgain } == false)
        #expect(throws: ForwardError.nothingNew(lastRun: 2)) { try world.commune.forward(to: world.folder.file("up3")) }
    }

    @Test func aForwardIsWrittenAgainByteForByte() throws {
        let world = try TwoLevels()
        _ = try world.commune.merge(world.phuLyFiles)
        _ = try world.commune.mergeHouseholds(keep: world.an, other: world.anAgain)
        let first = try world.commune.forward(to: world.folder.file("up"))
        let again = try world.commune.forwardAgain(1, to: world.folder.file("again"))
        #expect(again.again)
        #expect(again.files.map(\.sha256) == first.files.map(\.sha256))
        for (one, two) in zip(first.files, again.files) {
            #expect(try Data(contentsOf: URL(fileURLWithPath: one.file)) == Data(contentsOf: URL(fileURLWithPath: two.file)))
        }
        #expect(again.own?.sha256 == first.own?.sha256)
        #expect(throws: ForwardError.noSuchRun(number: 2, last: 1)) { try world.commune.forwardAgain(2, to: world.folder.file("x")) }
        #expect(throws: ForwardError.notCommuneGathering(role: .provinceGathering)) { try world.province.forward(to: world.folder.file("x")) }
        // The clock moved ten minutes for each of the five households visited.
        let status = try world.commune.syncStatus()
        #expect(status.forwarding == ForwardingStatus(waitingFiles: 0, waitingEvents: 0, lastRun: 1, lastRunAt: "2026-11-20T09:50:00+07:00", lastRunFolder: world.folder.file("up")))
    }

    @Test func aFileOfAnotherCommuneIsRefusedWithItsReason() throws {
        let world = try TwoLevels()
        let outcome = try world.commune.merge([world.haNamFile])
        #expect(outcome.files[0].refusal == "notThisCommune")
        #expect(outcome.files[0].message == "Tệp này là của xã 13366 (danh mục 2025), không phải của 13285 Phường Phủ Lý, xã mà máy tổng hợp này phục vụ. Gửi tệp cho máy tổng hợp của xã đó, hoặc thẳng lên máy tổng hợp của tỉnh.")
        let identity = try world.commune.identity()
        // Former communes: Châu Cầu went wholly to Phủ Lý, Quang Trung partly; Lam Hạ wholly to Hà Nam.
        #expect(throws: Never.self) { try Store.accept(CommuneRef(code: "13294", scheme: .pre2025), identity: identity) }
        #expect(throws: Never.self) { try Store.accept(CommuneRef(code: "13285", scheme: .pre2025), identity: identity) }
        #expect(throws: BatchRefusal.notThisCommune(found: CommuneRef(code: "13303", scheme: .pre2025), commune: phuLy)) {
            try Store.accept(CommuneRef(code: "13303", scheme: .pre2025), identity: identity)
        }
    }

    /// A file with Windows line endings and a blank line after its end is merged, and forwarded as it came.
    @Test func aMessyFileIsForwardedAsItCame() throws {
        let world = try TwoLevels()
        // The sealed file as a Windows machine may pass it on: a byte-order mark and CRLF line endings.
        let sealed = try String(contentsOfFile: world.phuLyFiles[0], encoding: .utf8)
        let file = world.folder.file("crlf.jsonl")
        try Data(("\u{FEFF}" + sealed.replacingOccurrences(of: "\n", with: "\r\n")).utf8).write(to: URL(fileURLWithPath: file))
        let merged = try world.commune.merge([file])
        #expect(merged.applied == 1)
        let forward = try world.commune.forward(to: world.folder.file("up"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: forward.files[0].file)) == Data(contentsOf: URL(fileURLWithPath: file)))
        // Laptop 1's first batch: two households, two members, two visits and its village.
        #expect(try world.province.merge([forward.files[0].file]).newEvents == 7)
    }

    @Test func missingBatchesGoBySequenceNumbers() {
        // (number, first, last): a laptop's batch 2 lost; a gathering machine whose batches 1 and 2 were relays.
        #expect(SyncStatus.missing([(1, 1, 10), (3, 21, 30)]) == [2])
        #expect(SyncStatus.missing([(3, 1, 4), (5, 5, 9)]) == [])
        #expect(SyncStatus.missing([(2, 11, 20)]) == [1])
        #expect(SyncStatus.missing([(1, 1, 10), (2, 11, 20), (2, 11, 20)]) == [])
        #expect(SyncStatus.missing([]) == [])
    }

    @Test func aDistrictServerOfAnEarlierVersionIsAProvinceMachine() throws {
        let folder = TemporaryFolder()
        let path = folder.file("old.sqlite")
        _ = try Store.initialize(at: path, role: .provinceGathering, label: "Máy chủ cũ", commune: nil, province: "37")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "UPDATE setting SET value = 'district' WHERE key = 'device.role'")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = '2027-02-gathering-roles'")
        }
        try queue.close()
        let identity = try Store.open(at: path).identity()
        #expect(identity.role == .provinceGathering)
        #expect(identity.province == "37")
    }

    @Test func initOptionsSayWhichMachine() throws {
        let phuLyOld = CommuneRef(code: "13285", scheme: .pre2025)
        #expect(try DeviceIdentity.Role.asked(gathering: false, districtServer: false, commune: phuLy, province: nil) == .laptop)
        #expect(try DeviceIdentity.Role.asked(gathering: true, districtServer: false, commune: phuLy, province: nil) == .communeGathering)
        #expect(try DeviceIdentity.Role.asked(gathering: true, districtServer: false, commune: nil, province: "37") == .provinceGathering)
        #expect(try DeviceIdentity.Role.asked(gathering: false, districtServer: true, commune: nil, province: nil) == .provinceGathering)
        #expect(throws: SetupError.gatheringNeedsLevel) { try DeviceIdentity.Role.asked(gathering: true, districtServer: false, commune: nil, province: nil) }
        #expect(throws: SetupError.gatheringBothLevels) { try DeviceIdentity.Role.asked(gathering: true, districtServer: false, commune: phuLy, province: "37") }
        #expect(throws: SetupError.provinceWithoutGathering) { try DeviceIdentity.Role.asked(gathering: false, districtServer: false, commune: nil, province: "37") }
        #expect(throws: SetupError.communeWithDistrictServer) { try DeviceIdentity.Role.asked(gathering: false, districtServer: true, commune: phuLy, province: nil) }
        #expect(throws: SetupError.gatheringCommuneNot2025(code: "13285")) {
            try DeviceIdentity.Role.asked(gathering: true, districtServer: false, commune: phuLyOld, province: nil)
        }
        #expect(throws: SetupError.noCommune) { try DeviceIdentity.Role.asked(gathering: false, districtServer: false, commune: nil, province: nil) }
    }
}

@Suite struct LevelsCopyTests {
    /// A commune's machine restored from a backup takes a new device id; what it had not forwarded yet, its own
    /// events under the old id included, goes with its next forward.
    @Test func aRestoredCommuneMachineForwardsWhatItHadNotSent() throws {
        let world = try TwoLevels()
        _ = try world.commune.merge(world.phuLyFiles)
        _ = try world.commune.mergeHouseholds(keep: world.an, other: world.anAgain)
        let backup = try world.commune.backup(to: world.folder.file("backup.sqlite"))
        let restored = try Store.restore(
            from: backup.file, to: world.folder.file("restored.sqlite"), environment: environment(world.clock, seed: 9))
        #expect(restored.identity.handedOver == 1)
        let store = try Store.open(at: world.folder.file("restored.sqlite"), environment: environment(world.clock, seed: 10))
        let forward = try store.forward(to: world.folder.file("up"))
        #expect(forward.files.count == 5)
        // The merge, under the old id; the event that links the new id to the old, under the new.
        #expect(forward.handovers.map(\.events) == [1])
        #expect(forward.handovers.map(\.device) == [restored.identity.previous])
        #expect(forward.own?.events == 1)
        // The restored machine has keys of its own: the province's officer enrolls it (its file names the id it continues).
        try enroll(store, into: world.province)
        _ = try world.province.merge([world.folder.file("up")])
        #expect(try world.province.households().contains { $0.code == world.anAgain } == false)
        #expect(try world.province.syncStatus().successions.map(\.device) == [restored.identity.device])
    }
}
