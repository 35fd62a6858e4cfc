import Crypto
import Foundation
@testable import TungnhaKit

/// Keys of a made-up test device, the same every run.
func testKeys(_ device: String) -> MachineKeys {
    func derived(_ purpose: String) -> Data { Data(SHA256.hash(data: Data("test \(device) \(purpose)".utf8))) }
    return MachineKeys(
        device: device, signing: try! .init(rawRepresentation: derived("sign")), agreement: try! .init(rawRepresentation: derived("seal")))
}

/// The enrollment file a made-up device would write (its own statement, signed), and its fingerprint.
func enrollmentFile(
    _ device: String, label: String = "Laptop thử", role: DeviceIdentity.Role = .laptop, commune: CommuneRef? = phuLy, in folder: TemporaryFolder
) throws -> (path: String, fingerprint: String) {
    let keys = testKeys(device)
    let line = EnrollmentStatement.line(
        kind: .introduction, device: device, label: label, role: role, commune: commune, province: nil, keys: keys.publicKeys, continues: [],
        at: fixedStart, keepUpTo: nil)
    let path = folder.file("enroll-\(device.prefix(8))-\(UUID().uuidString.prefix(6)).tungnha")
    try EnrollmentStatement.sign(line, by: keys).write(toFile: path, atomically: true, encoding: .utf8)
    return (path, keys.publicKeys.fingerprint(device: device))
}

/// Enrolls a made-up device in `store`, through the same path as `tungnha enroll add --fingerprint`.
func enroll(_ device: String, label: String = "Laptop thử", role: DeviceIdentity.Role = .laptop, commune: CommuneRef? = phuLy, in store: Store) throws {
    let folder = TemporaryFolder()
    let file = try enrollmentFile(device, label: label, role: role, commune: commune, in: folder)
    _ = try store.enroll(try store.readEnrollment(file.path), fingerprint: file.fingerprint)
}

/// A district store whose clock reads 23 November 2026 (after the batches tests write), trusting made-up devices.
func districtStore(_ path: String, trusting devices: [String]) throws -> Store {
    let clock = TestClock(Moment(rfc3339: "2026-11-23T08:00:00+07:00")!)
    let store = try Store.initialize(at: path, role: .provinceGathering, label: "Máy kiểm tra", commune: nil, province: nil, environment: environment(clock, seed: 99)).store
    for device in devices { try enroll(device, in: store) }
    return store
}

/// Two real stores enroll each other, as an officer and a volunteer do with `enroll show` and `enroll add`.
func enrollEachOther(_ laptop: Store, _ gathering: Store) throws {
    let folder = TemporaryFolder()
    let laptopFile = try laptop.ownEnrollment(writingTo: folder.file("laptop.tungnha"))
    let gatheringFile = try gathering.ownEnrollment(writingTo: folder.file("gathering.tungnha"))
    _ = try gathering.enroll(try gathering.readEnrollment(folder.file("laptop.tungnha")), fingerprint: laptopFile.fingerprint)
    _ = try laptop.enroll(try laptop.readEnrollment(folder.file("gathering.tungnha")), fingerprint: gatheringFile.fingerprint)
}

/// Store `into` enrolls the machine of store `from`; `outbound`: `into` forwards to it (`enroll add --forwards-to`).
func enroll(_ from: Store, into: Store, outbound: Bool = false) throws {
    let folder = TemporaryFolder()
    let file = try from.ownEnrollment(writingTo: folder.file("from.tungnha"))
    _ = try into.enroll(try into.readEnrollment(folder.file("from.tungnha"), outbound: outbound), fingerprint: file.fingerprint)
}

/// A made-up gathering machine that test laptops enroll, so that they seal their batches to it; tests open them with
/// its key (`plainBatch`).
let gatheringD = "dddddddd-0000-4000-8000-000000000004"

func enrollGathering(in laptop: Store) throws {
    try enroll(gatheringD, label: "Máy chủ thử", role: .provinceGathering, commune: nil, in: laptop)
}

/// A batch file's text: a sealed one opened with the made-up gathering machine's key.
func plainBatch(_ path: String) throws -> String {
    guard case .input(let input) = try BatchInput.open(path, keys: testKeys(gatheringD).opening) else { return "" }
    return String(decoding: input.data, as: UTF8.self)
}

extension BatchInput {
    var data: Data {
        switch self {
        case .file(let path): return FileManager.default.contents(atPath: path) ?? Data()
        case .memory(let data, _, _): return data
        }
    }
}

extension BatchWriter {
    /// Finishes a test batch signed with the made-up device's key.
    mutating func finishSigned(events: Int, by device: String) throws -> Data {
        try finish(events: events, signer: testKeys(device).signer).data
    }
}
