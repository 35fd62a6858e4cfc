import Crypto
import Foundation

/// The keys of a generated campaign (the benchmark's files): each device signs its batches with a key of its own, a
/// commune machine of the scenario vouches for every device in one enrollment file, and batches are sealed to the
/// machine named by `sealTo` (its enrollment file), when given.
public final class ScenarioTrust: @unchecked Sendable {
    let seed: UInt64
    let voucher: MachineKeys
    let recipients: [SealRecipient]
    private let lock = NSLock()
    private var vouched: [String] = []

    public init(seed: UInt64, sealTo: String?) throws {
        self.seed = seed
        var random = RandomSource(seed: seed ^ 0x5EA1).generator
        let device = EventID.make(using: &random)
        voucher = MachineKeys(
            device: device, signing: try .init(rawRepresentation: Self.derived(seed, device, "sign")),
            agreement: try .init(rawRepresentation: Self.derived(seed, device, "seal")))
        recipients = try sealTo.map { file in
            try EnrollmentStatement.read(file).filter { $0.kind == .introduction }.map { SealRecipient(device: $0.device, key: $0.keys.seal) }
        } ?? []
    }

    static func derived(_ seed: UInt64, _ device: String, _ purpose: String) -> Data {
        Data(SHA256.hash(data: Data("tungnha-scenario-key \(seed) \(device) \(purpose)".utf8)))
    }

    /// The keys of one generated device, vouched for in the enrollment file.
    func keys(device: String, label: String, commune: CommuneRef) throws -> MachineKeys {
        let keys = MachineKeys(
            device: device, signing: try .init(rawRepresentation: Self.derived(seed, device, "sign")),
            agreement: try .init(rawRepresentation: Self.derived(seed, device, "seal")))
        let line = EnrollmentStatement.line(
            kind: .enrolled, device: device, label: label, role: .laptop, commune: commune, province: nil, keys: keys.publicKeys, continues: [],
            at: Moment(rfc3339: "2026-09-01T08:00:00+07:00")!, keepUpTo: nil)
        let signed = try EnrollmentStatement.sign(line, by: voucher)
        lock.withLock { vouched.append(signed) }
        return keys
    }

    /// Writes the enrollment file: the scenario's commune machine, and every device it vouched for. Returns the
    /// fingerprint to give `tungnha enroll add --fingerprint`.
    public func writeEnrollment(to path: String) throws -> String {
        let own = EnrollmentStatement.line(
            kind: .introduction, device: voucher.device, label: "Máy tổng hợp kịch bản", role: .communeGathering, commune: nil, province: nil,
            keys: voucher.publicKeys, continues: [], at: Moment(rfc3339: "2026-09-01T08:00:00+07:00")!, keepUpTo: nil)
        let text = try EnrollmentStatement.sign(own, by: voucher) + lock.withLock { vouched.sorted().joined() }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        return voucher.publicKeys.fingerprint(device: voucher.device)
    }

    /// Signs, and seals when there are recipients, a batch the scenario wrote.
    func finish(_ writer: inout BatchWriter, header: BatchHeader, events: Int, keys: MachineKeys) throws -> Data {
        let (plain, _) = try writer.finish(events: events, signer: keys.signer)
        guard !recipients.isEmpty else { return plain }
        return try SealedBatch.seal(plain, header: header, to: recipients).data
    }
}
