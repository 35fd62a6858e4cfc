import Crypto
import Foundation
@testable import TungnhaKit

/// A batch file as an outsider writes it from docs/sync-format.md: JSON lines typed by hand, the SHA-256 of the lines
/// recomputed, and the end line signed with whatever key the writer holds (or none). Nothing of tungnha's writer.
struct OutsiderFile {
    var header: String
    var events: [String]

    /// A device batch header; `first`/`last` default to the events' range.
    static func header(
        device: String, label: String = "Laptop tổ 1", commune: String = "13285", scheme: String = "2025", kind: String = "device", batch: Int64 = 1,
        events: Int, first: Int64? = 1, last: Int64? = nil, writtenAt: String = "2026-11-20T18:00:00+07:00"
    ) -> String {
        let range = "\"firstSeq\":\(first.map(String.init) ?? "null"),\"lastSeq\":\((last ?? first.map { $0 + Int64(events) - 1 }).map(String.init) ?? "null")"
        return #"{"format":"tungnha-batch","version":2,"kind":"\#(kind)","device":"\#(device)","deviceLabel":"\#(label)","commune":"\#(commune)","scheme":"\#(scheme)","batch":\#(batch),"events":\#(events),\#(range),"writtenAt":"\#(writtenAt)","tool":"by hand"}"#
    }

    /// One event line; `data` is the JSON object of its content.
    static func event(
        device: String, seq: Int64, at: String = "2026-11-20T10:00:00+07:00", commune: String = "13285", type: String, household: String? = nil,
        member: String? = nil, data: String
    ) -> String {
        let household = household.map { #","household":"\#($0)""# } ?? ""
        let member = member.map { #","member":"\#($0)""# } ?? ""
        return #"{"device":"\#(device)","seq":\#(seq),"at":"\#(at)","entered":"\#(at)","commune":"\#(commune)","scheme":"2025","type":"\#(type)"\#(household)\#(member),"data":\#(data)}"#
    }

    /// The file's bytes: lines ended by `newline`, after a byte-order mark when asked; the end line states the count
    /// and the SHA-256 of the lines (each with "\n", as the format reads them) and, with `signer`, its signature.
    func bytes(signer: (device: String, key: Curve25519.Signing.PrivateKey)?, newline: String = "\n", bom: Bool = false) throws -> Data {
        let lines = [header] + events
        let sha = SHA256.hash(data: Data(lines.map { $0 + "\n" }.joined().utf8)).map { String(format: "%02x", $0) }.joined()
        var end = #"{"end":"tungnha-batch","events":\#(events.count),"sha256":"\#(sha)""#
        if let signer {
            let signature = try signer.key.signature(for: Data("tungnha-batch/2\n\(signer.device)\n\(sha)\n".utf8))
            end += #","signer":"\#(signer.device)","key":"\#(signer.key.publicKey.rawRepresentation.base64EncodedString())","signature":"\#(signature.base64EncodedString())""#
        }
        let text = (lines + [end + "}"]).map { $0 + newline }.joined()
        return (bom ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(text.utf8)
    }

    func write(to path: String, signer: (device: String, key: Curve25519.Signing.PrivateKey)?, newline: String = "\n", bom: Bool = false) throws -> String {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try bytes(signer: signer, newline: newline, bom: bom).write(to: URL(fileURLWithPath: path))
        return path
    }
}

/// A made-up device's signing key, as a tuple an outsider file is signed with.
func signer(_ device: String) -> (device: String, key: Curve25519.Signing.PrivateKey) { (device, testKeys(device).signing) }

/// A district machine with one real laptop enrolled both ways, the laptop's first batch merged: the field as an
/// attacker finds it. Plus `mallory`, a laptop of the same commune enrolled too, whose owner crafts files with his key.
final class Field: @unchecked Sendable {
    let folder = TemporaryFolder()
    let clock = TestClock(Moment(rfc3339: "2026-11-20T08:00:00+07:00")!)
    let laptop: Store
    let district: Store
    let laptopID: String
    let household: String
    let member: String
    /// Sequence numbers the laptop used so far.
    var laptopSeq: Int64 = 0
    static let mallory = "eeeeeeee-0000-4000-8000-00000000000e"

    init() throws {
        laptop = try phuLyLaptop(folder, clock: clock, name: "laptop.sqlite", seed: 31)
        district = try Store.initialize(
            at: folder.file("district.sqlite"), role: .provinceGathering, label: "Máy chủ huyện", commune: nil, province: nil, environment: environment(clock, seed: 32)
        ).store
        try enrollEachOther(laptop, district)
        try enroll(Self.mallory, label: "Laptop tổ 9", in: district)
        laptopID = try laptop.identity().id
        let registered = try laptop.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Nguyễn Văn An", address: "Số 12"))
        household = registered.code
        member = try laptop.addMember(household: household, MemberInput(name: "Nguyễn Văn An", birthYear: 1970)).code
        clock.advance(minutes: 600)
        let first = try laptop.export(to: folder.file("exports"))
        laptopSeq = first.lastSeq!
        _ = try district.merge([first.file])
    }

    /// Merges `paths` into `store` and says whether the store is exactly as it was (events and derived state), and
    /// holds no record of the files either.
    func refusedLeavingUnchanged(_ paths: [String], into store: Store? = nil) throws -> (outcome: MergeOutcome, unchanged: Bool) {
        let store = store ?? district
        let before = try store.snapshot()
        let batches = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM batch")! }
        let outcome = try store.merge(paths)
        let after = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM batch")! }
        return (outcome, try store.snapshot() == before && batches == after)
    }

    /// A visit that makes the laptop's household covered, as a line of `device` numbered `seq`.
    func coveringVisit(device: String, seq: Int64, at: String = "2026-11-20T10:00:00+07:00") -> String {
        OutsiderFile.event(
            device: device, seq: seq, at: at, type: "visit.recorded", household: household,
            data: #"{"volunteer":"Lan","outcome":"met","observations":[{"member":"\#(member)","vneid":"level2","login":true,"dvctt":true}]}"#)
    }
}
