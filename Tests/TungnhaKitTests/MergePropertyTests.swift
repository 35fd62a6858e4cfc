import Foundation
import GRDB
import PropertyBased
import Testing
@testable import TungnhaKit

/// One set of events from three devices (two laptops and the district), built through the store's own
/// commands, including a relay, a concurrent edit, a duplicate merge and a void.
final class ThreeDevices: @unchecked Sendable {
    let folder = TemporaryFolder()
    /// Each device's events, by sequence number, as canonical lines.
    var events: [(device: String, label: String, bodies: [String])] = []
    var reference = ""
    /// Each device's keys, to sign the batches the tests write in its name; and the files that enroll them.
    var keys: [String: MachineKeys] = [:]
    var enrollments: [(path: String, fingerprint: String)] = []

    init() throws {
        let clock = TestClock()
        let a = try phuLyLaptop(folder, clock: clock, name: "a.sqlite", seed: 1, label: "Laptop tổ 1")
        let b = try phuLyLaptop(folder, clock: clock, name: "b.sqlite", seed: 2, label: "Laptop tổ 2")
        let district = try Store.initialize(at: folder.file("d.sqlite"), role: .provinceGathering, label: "Máy chủ huyện", commune: nil, province: "37", environment: environment(clock, seed: 3)).store
        try enrollEachOther(a, district)
        try enrollEachOther(b, district)

        var households: [HouseholdSummary] = []
        for (index, name) in ["Nguyễn Văn An", "Đặng Thị Hoà", "Lê Văn Cường", "Phạm Thị Dung"].enumerated() {
            clock.advance(minutes: 7)
            let household = try a.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: name, address: "Số \(10 + index * 2)"))
            let member = try a.addMember(household: household.code, MemberInput(name: name, birthYear: 1960 + index * 7))
            _ = try a.addMember(household: household.code, MemberInput(birthYear: 2005 + index))
            clock.advance(minutes: 30)
            _ = try a.recordVisit(household: household.code, VisitInput(outcome: .met, volunteer: "Lan", observations: [
                Observation(member: member.code, vneid: index % 2 == 0 ? .level2 : .pending, login: index % 2 == 0, dvctt: index == 0),
            ]))
            households.append(household)
        }
        let removed = try a.addMember(household: households[1].code, MemberInput(birthYear: 1999))
        _ = try a.removeMember(removed.code, reason: "ghi nhầm")

        // The district merges laptop 1 and sends the commune back to laptop 2.
        _ = try district.merge([try a.export(to: folder.file("a")).file])
        _ = try b.merge([try district.export(to: folder.file("relay"), commune: "13285").file])

        // Both laptops change the same address without knowing of each other: a conflict.
        clock.advance(minutes: 60)
        _ = try a.editHousehold(households[0].code, changes: HouseholdChanges(address: "Số 10A"))
        clock.advance(minutes: 5)
        _ = try b.editHousehold(households[0].code, changes: HouseholdChanges(address: "Số 10B"))
        // Laptop 2 registers a house laptop 1 already has, and visits a household of laptop 1.
        let duplicate = try b.registerHousehold(HouseholdInput(village: "to dan pho le loi", headName: "Dang Thi Hoa", address: "Số 12"))
        _ = try b.addMember(household: duplicate.code, MemberInput(name: "Đặng Thị Hoà", birthYear: 1967))
        _ = try b.recordVisit(household: households[2].code, VisitInput(outcome: .absent, volunteer: "Minh"))

        _ = try district.merge([try a.export(to: folder.file("a")).file, try b.export(to: folder.file("b")).file])
        _ = try district.mergeHouseholds(keep: households[1].code, other: duplicate.code)

        for (index, (store, label)) in [(a, "Laptop tổ 1"), (b, "Laptop tổ 2"), (district, "Máy chủ huyện")].enumerated() {
            let device = try store.identity().id
            keys[device] = try store.machineKeys()
            let own = try store.ownEnrollment(writingTo: folder.file("enroll-\(index).tungnha"))
            enrollments.append((folder.file("enroll-\(index).tungnha"), own.fingerprint))
            let bodies = try store.read { db in try String.fetchAll(db, sql: "SELECT body FROM event WHERE device = (SELECT rowid FROM device WHERE id = ?) ORDER BY seq", arguments: [device]) }
            events.append((device, label, bodies))
        }
        // The reference: every device's events in one batch each, merged once.
        let referenceStore = try districtStore(folder.file("reference.sqlite"))
        _ = try referenceStore.merge(try writeBatches(chunks: events.map { [$0.bodies.count] }, into: folder.file("whole")))
        reference = try referenceStore.snapshot()
    }

    /// A district store that trusts the three devices.
    func districtStore(_ path: String) throws -> Store {
        let store = try TungnhaKitTests.districtStore(path, trusting: [])
        for file in enrollments { _ = try store.enroll(try store.readEnrollment(file.path), fingerprint: file.fingerprint) }
        return store
    }

    /// Splits each device's events into batches of the given sizes (cycled) and writes them as files.
    func writeBatches(chunks: [[Int]], into folder: String) throws -> [String] {
        var paths: [String] = []
        for (index, device) in events.enumerated() {
            var start = 0
            var number = 0
            var sizes = chunks[index].makeIterator()
            while start < device.bodies.count {
                let size = max(1, sizes.next() ?? { sizes = chunks[index].makeIterator(); return sizes.next() ?? 1 }())
                let slice = Array(device.bodies[start..<min(start + size, device.bodies.count)])
                number += 1
                let header = BatchHeader(
                    kind: .device, device: device.device, deviceLabel: device.label, commune: phuLy, batch: number, events: slice.count,
                    firstSeq: Int64(start + 1), lastSeq: Int64(start + slice.count), writtenAt: Moment(rfc3339: "2026-11-22T18:00:00+07:00")!,
                    tool: "test")
                var writer = BatchWriter(header: header)
                for body in slice { writer.append(body) }
                let path = try Store.place(writer.finish(events: slice.count, signer: keys[device.device]!.signer).data, named: header.fileName, in: folder)
                paths.append(path)
                start += slice.count
            }
        }
        return paths
    }
}

@Suite struct MergePropertyTests {
    static let devices = Result { try ThreeDevices() }

    @Test func theScenarioHasWhatItShould() throws {
        let devices = try Self.devices.get()
        // Laptop 1: a village, 4 × (household, 2 members, a visit), a member added and voided, an edit.
        // Laptop 2: a village, an edit, a household, a member, a visit. District: one merge of duplicates.
        #expect(devices.events.map(\.bodies.count) == [20, 5, 1])
        let store = try Store.open(at: devices.folder.file("d.sqlite"))
        #expect(try store.conflicts().map(\.field) == ["address"])
        #expect(try store.households().count == 4)
        #expect(try store.households().filter(\.covered).count == 1)
    }

    @Test func anySplitAnyOrderAnyRepeatsGiveTheSameState() async throws {
        let devices = try Self.devices.get()
        let sizes = Gen.int(in: 1...6).array(of: 1...5)
        await propertyCheck(count: 25, input: sizes, sizes, sizes, Gen.int(in: 0...1_000_000)) { a, b, d, seed in
            let folder = TemporaryFolder()
            let files = try devices.writeBatches(chunks: [a, b, d], into: folder.file("batches"))
            var random = RandomSource(seed: UInt64(seed)).generator
            // Every file at least once, some up to three times, in any order.
            let arrivals = files.flatMap { file in Array(repeating: file, count: Int.random(in: 1...3, using: &random)) }.shuffled(using: &random)
            let store = try devices.districtStore(folder.file("district.sqlite"))
            var offset = 0
            while offset < arrivals.count {
                let size = Int.random(in: 1...4, using: &random)
                let outcome = try store.merge(Array(arrivals[offset..<min(offset + size, arrivals.count)]))
                #expect(outcome.refused == 0)
                offset += size
            }
            #expect(try store.snapshot() == devices.reference)
        }
    }

    @Test func anyGroupingAndAStopBetweenAppendingAndDerivingGiveTheSameStateAsFromScratch() async throws {
        let devices = try Self.devices.get()
        let sizes = Gen.int(in: 1...6).array(of: 1...5)
        await propertyCheck(count: 20, input: sizes, sizes, Gen.int(in: 1...3), Gen.int(in: 0...1_000_000)) { a, b, group, seed in
            let folder = TemporaryFolder()
            let files = try devices.writeBatches(chunks: [a, b, [1]], into: folder.file("batches"))
            var random = RandomSource(seed: UInt64(seed)).generator
            let arrivals = files.flatMap { file in Array(repeating: file, count: Int.random(in: 1...2, using: &random)) }.shuffled(using: &random)
            let path = folder.file("district.sqlite")
            _ = try devices.districtStore(path)
            // One merge stops right after appending one of its groups, as if the machine lost power there.
            let stop = Int.random(in: 0..<arrivals.count, using: &random)
            var offset = 0
            while offset < arrivals.count {
                let size = Int.random(in: 1...4, using: &random)
                let slice = Array(arrivals[offset..<min(offset + size, arrivals.count)])
                var settings = environment(TestClock(Moment(rfc3339: "2026-11-23T08:00:00+07:00")!), seed: 99)
                settings.filesPerGroup = group
                if (offset..<offset + size).contains(stop) {
                    settings.afterAppend = { throw DatabaseError(resultCode: .SQLITE_IOERR, message: "disk I/O error") }
                }
                do {
                    _ = try Store.open(at: path, environment: settings).merge(slice)
                } catch is StoreError {
                    // The person runs the same merge again: what was appended is known, the rest is applied.
                    _ = try Store.open(at: path).merge(slice)
                }
                offset += size
            }
            let store = try Store.open(at: path)
            #expect(try store.snapshot() == devices.reference)
            try store.write { db in try DerivedTables.rebuild(db: db) }
            #expect(try store.snapshot() == devices.reference)
        }
    }
}

@Suite struct ConflictTests {
    @Test func settlingAConflictIsAnEventThatClearsIt() throws {
        let devices = try MergePropertyTests.devices.get()
        let folder = TemporaryFolder()
        let source = try Store.open(at: devices.folder.file("d.sqlite"))
        try source.queue.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [folder.file("d.sqlite")]) }
        let store = try Store.open(at: folder.file("d.sqlite"), environment: environment(TestClock(Moment(rfc3339: "2026-11-23T08:00:00+07:00")!), seed: 77))
        let conflict = try #require(try store.conflicts().first)
        #expect(conflict.field == "address")
        #expect(conflict.candidates.map(\.value) == ["Số 10A", "Số 10B"])
        #expect(conflict.candidates.map(\.deviceLabel) == ["Laptop tổ 1", "Laptop tổ 2"])
        // The later setting shows until a person decides.
        #expect(conflict.chosen == "Số 10B")
        #expect(Messages.settleCommand(conflict, value: "Số 10A") == "tungnha household edit \(conflict.code.prefix(6)) --address \"Số 10A\"")
        _ = try store.editHousehold(conflict.code, changes: HouseholdChanges(address: "Số 10A"))
        #expect(try store.conflicts().isEmpty)
        #expect(try store.household(conflict.code).household.address == "Số 10A")
        let tally = try tallyAndRecount(store)
        #expect(!tally.kept.isEmpty)
        #expect(tally.kept == tally.recounted)
    }
}

@Suite struct AcceptanceTests {
    /// A one-event batch of a laptop of `commune`, written as a laptop would.
    func batch(_ commune: CommuneRef, into folder: TemporaryFolder) throws -> String {
        var a = EventFactory(device: deviceA)
        a.commune = commune
        let event = a.make(nil, .villageAdded(VillageData(name: "Thôn 1")))
        let header = BatchHeader(
            kind: .device, device: deviceA, deviceLabel: "Laptop", commune: commune, batch: 1, events: 1, firstSeq: 1, lastSeq: 1,
            writtenAt: Moment(rfc3339: "2026-11-20T17:00:00+07:00")!, tool: "test")
        var writer = BatchWriter(header: header)
        writer.append(EventCodec.canonical(event))
        return try Store.place(writer.finishSigned(events: 1, by: deviceA), named: header.fileName, in: folder.file("in"))
    }

    @Test func aProvinceMachineRefusesOtherProvinces() throws {
        let folder = TemporaryFolder()
        let district = try Store.initialize(at: folder.file("d.sqlite"), role: .provinceGathering, label: "Ninh Bình", commune: nil, province: "37").store
        try enroll(deviceA, commune: CommuneRef(code: "13294", scheme: .pre2025), in: district)
        let lamDong = try batch(CommuneRef(code: "24611", scheme: .y2025), into: folder)
        let haNam = try batch(CommuneRef(code: "13294", scheme: .pre2025), into: folder)  // Châu Cầu, Hà Nam: now Ninh Bình
        let outcome = try district.merge([lamDong, haNam])
        #expect(outcome.files.map(\.status) == [.refused, .applied])
        #expect(outcome.files[0].refusal == "notThisProvince")
        #expect(outcome.files[0].message == "Tệp này là của xã 24611 (danh mục 2025), không thuộc Ninh Bình, tỉnh mà máy tổng hợp này nhận. Gửi tệp cho máy tổng hợp của tỉnh có xã đó (tìm: tungnha units show 24611).")
    }

    @Test func aLaptopRefusesOtherCommunes() throws {
        let folder = TemporaryFolder()
        let laptop = try phuLyLaptop(folder)
        let outcome = try laptop.merge([try batch(CommuneRef(code: "13285", scheme: .pre2025), into: folder)])
        #expect(outcome.files[0].refusal == "notThisLaptop")
        #expect(try laptop.villages().map(\.name) == ["Tổ dân phố Lê Lợi"])
    }

    @Test func reportsRefuseUnknownPlaces() throws {
        let folder = TemporaryFolder()
        let laptop = try phuLyLaptop(folder)
        #expect(throws: TargetError.unknownProvince(code: "99")) { try laptop.report(ReportRequest(province: "99")) }
        #expect(throws: TargetError.unknownCommune(code: "00001")) { try laptop.report(ReportRequest(commune: "00001")) }
    }
}

/// Each way a batch file can be wrong is refused whole, with the reason and the line.
@Suite struct RefusedFileTests {
    let folder = TemporaryFolder()

    /// Writes lines as a batch file with a correct end line, so that only the planted problem remains.
    func file(_ lines: [String], name: String) throws -> String {
        let body = lines.map { $0 + "\n" }.joined()
        let sha = SHA256Hex.of(Array(body.utf8))
        let path = folder.file(name)
        try (body + #"{"end":"tungnha-batch","events":\#(lines.count - 1),"sha256":"\#(sha)"}"# + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func header(version: Int = 2, first: Int = 1, last: Int = 2, events: Int = 2, commune: String = "13285") -> String {
        #"{"batch":1,"commune":"\#(commune)","device":"\#(deviceA)","deviceLabel":"Laptop","events":\#(events),"firstSeq":\#(first),"format":"tungnha-batch","kind":"device","lastSeq":\#(last),"scheme":"2025","tool":"test","version":\#(version),"writtenAt":"2026-11-20T17:00:00+07:00"}"#
    }

    func events(_ count: Int = 2) -> [Event] {
        var a = EventFactory(device: deviceA)
        return (0..<count).map { _ in a.make(nil, .villageAdded(VillageData(name: "Thôn 1"))) }
    }

    func refusal(_ path: String) throws -> (String?, Int?, Int) {
        let store = try Store.initialize(at: folder.file("d-\(UUID().uuidString).sqlite"), role: .provinceGathering, label: "D", commune: nil, province: nil).store
        let outcome = try store.merge([path])
        return (outcome.files[0].refusal, outcome.files[0].line, try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM event")! })
    }

    @Test func anUnknownVersion() throws {
        let path = try file([header(version: 1)] + events().map(EventCodec.canonical), name: "v1.jsonl")
        #expect(try refusal(path) == ("unknownVersion", nil, 0))
    }

    @Test func aBadFieldOnItsLine() throws {
        var lines = [header()] + events().map(EventCodec.canonical)
        lines[2] = lines[2].replacingOccurrences(of: #""seq":2"#, with: #""seq":"2""#)
        #expect(try refusal(try file(lines, name: "type.jsonl")) == ("badEvent", 3, 0))
    }

    @Test func anImpossibleDate() throws {
        var lines = [header()] + events().map(EventCodec.canonical)
        lines[1] = lines[1].replacingOccurrences(of: "2026-11-20T", with: "2026-02-30T")
        #expect(try refusal(try file(lines, name: "date.jsonl")) == ("badEvent", 2, 0))
    }

    @Test func anEventOfAnotherCommune() throws {
        let path = try file([header(commune: "13294")] + events().map(EventCodec.canonical), name: "commune.jsonl")
        #expect(try refusal(path) == ("otherCommune", 2, 0))
    }

    @Test func aSequenceNumberOutsideTheHeader() throws {
        let path = try file([header(first: 1, last: 1)] + events().map(EventCodec.canonical), name: "range.jsonl")
        #expect(try refusal(path) == ("seqOutOfRange", 3, 0))
    }

    @Test func notJSONLines() throws {
        let path = try file([header(), "{\"id\": ", EventCodec.canonical(events()[1])], name: "broken.jsonl")
        #expect(try refusal(path) == ("notJSON", 2, 0))
    }

    @Test func wrongCounts() throws {
        let path = try file([header(events: 3)] + events().map(EventCodec.canonical), name: "count.jsonl")
        #expect(try refusal(path).0 == "countMismatch")
    }

    @Test func aClockBefore2024IsFlaggedNotTrusted() throws {
        var a = EventFactory(device: deviceA)
        let early = a.make(nil, at: "2023-05-01T09:00:00+07:00", .villageAdded(VillageData(name: "Thôn 1")))
        let fine = a.make(nil, at: "2026-11-20T09:00:00+07:00", .villageAdded(VillageData(name: "Thôn 3")))
        let header = BatchHeader(
            kind: .device, device: deviceA, deviceLabel: "Laptop", commune: phuLy, batch: 1, events: 2, firstSeq: 1, lastSeq: 2,
            writtenAt: Moment(rfc3339: "2026-11-20T17:00:00+07:00")!, tool: "test")
        var writer = BatchWriter(header: header)
        for event in [early, fine] { writer.append(EventCodec.canonical(event)) }
        let path = try Store.place(try writer.finishSigned(events: 2, by: deviceA), named: header.fileName, in: folder.file("in"))
        let store = try districtStore(folder.file("clock.sqlite"), trusting: [deviceA])
        #expect(try store.merge([path]).applied == 1)
        let device = try #require(try store.syncStatus().devices.first)
        #expect(device.suspiciousTimes == 1)  // before 2024; a time after the batch was written is refused (TrustTests)
        #expect(device.suspiciousExamples == ["2023-05-01T09:00:00+07:00"])
    }
}

import Crypto

enum SHA256Hex {
    static func of(_ bytes: [UInt8]) -> String { SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined() }
}
