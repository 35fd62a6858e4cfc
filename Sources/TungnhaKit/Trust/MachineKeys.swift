import Crypto
import Foundation
import GRDB

/// A machine's public keys: Ed25519 to check what it signs, X25519 to seal batches to it (HPKE).
public struct PublicKeys: Sendable, Equatable {
    public var sign: Data
    public var seal: Data

    /// The code two people compare, read aloud or side by side, before one machine trusts the other (docs/sync-format.md,
    /// section 16): it names the device and both keys.
    public func fingerprint(device: String) -> String { Fingerprint.of(device: device, keys: self) }

    var signingKey: Curve25519.Signing.PublicKey? { try? Curve25519.Signing.PublicKey(rawRepresentation: sign) }
    var sealingKey: Curve25519.KeyAgreement.PublicKey? { try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: seal) }
}

/// 25 characters of Crockford's base 32 (125 bits of a SHA-256), in five groups: `7GQ2M-ZK9TD-R4XW8-N1BHC-3PQ7Z`.
public enum Fingerprint {
    static func of(device: String, keys: PublicKeys) -> String {
        let text = "tungnha-key/2\n\(device)\n\(keys.sign.base64EncodedString())\n\(keys.seal.base64EncodedString())\n"
        let digest = Array(SHA256.hash(data: Data(text.utf8)))
        var characters: [Character] = []
        var bits = 0
        var value = 0
        for byte in digest.prefix(16) {
            value = (value << 8) | Int(byte)
            bits += 8
            while bits >= 5, characters.count < 25 {
                bits -= 5
                characters.append(ShortCode.alphabet[(value >> bits) & 31])
            }
            value &= (1 << bits) - 1
        }
        return stride(from: 0, to: 25, by: 5).map { String(characters[$0..<$0 + 5]) }.joined(separator: "-")
    }

    /// As typed or read out: spaces, dashes and case do not matter; O is 0, I and L are 1.
    public static func normalize(_ text: String) -> String { ShortCode.normalize(text) }

    public static func matches(_ typed: String, _ fingerprint: String) -> Bool { normalize(typed) == normalize(fingerprint) }
}

/// This machine's own key pair for its current device id. The private halves never leave the store: a backup leaves
/// them out, and a store that takes a new device id (restored, copied, re-issued) makes a new pair, since the machine
/// it was copied from holds the old one.
struct MachineKeys {
    var device: String
    var signing: Curve25519.Signing.PrivateKey
    var agreement: Curve25519.KeyAgreement.PrivateKey

    var publicKeys: PublicKeys { PublicKeys(sign: signing.publicKey.rawRepresentation, seal: agreement.publicKey.rawRepresentation) }
    var signer: BatchSigner { .key(device: device, signing) }
    var opening: OpeningKeys { OpeningKeys(device: device, agreementKey: agreement.rawRepresentation) }

    /// The keys of `device`, made now if the store has none yet (a store made before keys existed).
    static func current(device: String, environment: StoreEnvironment, db: Database) throws -> MachineKeys {
        if let row = try Row.fetchOne(db, sql: "SELECT sign_private, seal_private FROM machine_key WHERE device = ?", arguments: [device]) {
            do {
                return MachineKeys(
                    device: device, signing: try .init(rawRepresentation: row["sign_private"] as Data),
                    agreement: try .init(rawRepresentation: row["seal_private"] as Data))
            } catch {
                throw StoreError.damaged(what: "machine_key \(device)")
            }
        }
        return try make(device: device, environment: environment, db: db)
    }

    /// Makes and keeps the key pair of `device`; the private keys of earlier device ids are wiped (the machine the store
    /// was copied from has them: they sign nothing more here).
    @discardableResult
    static func make(device: String, environment: StoreEnvironment, db: Database) throws -> MachineKeys {
        let keys: MachineKeys
        if let seed = environment.keySeed {
            // Tests and the demo only (TUNGNHA_SEED): the same keys every run.
            keys = MachineKeys(
                device: device, signing: try .init(rawRepresentation: derived(seed, device, "sign")),
                agreement: try .init(rawRepresentation: derived(seed, device, "seal")))
        } else {
            keys = MachineKeys(device: device, signing: .init(), agreement: .init())
        }
        try db.execute(sql: "PRAGMA secure_delete = ON")
        try db.execute(sql: "DELETE FROM machine_key WHERE device != ?", arguments: [device])
        try db.execute(
            sql: "INSERT OR REPLACE INTO machine_key (device, sign_private, seal_private, made_at) VALUES (?, ?, ?, ?)",
            arguments: [device, keys.signing.rawRepresentation, keys.agreement.rawRepresentation, Moment(environment.now()).rfc3339])
        return keys
    }

    private static func derived(_ seed: UInt64, _ device: String, _ purpose: String) -> Data {
        Data(SHA256.hash(data: Data("tungnha-test-key \(seed) \(device) \(purpose)".utf8)))
    }

    /// Takes the private keys out of a copy of the store (a backup): a restored store makes its own.
    static func wipe(_ db: Database) throws {
        try db.execute(sql: "PRAGMA secure_delete = ON")
        try db.execute(sql: "DELETE FROM machine_key")
    }
}

extension Store {
    /// This machine's keys, made on first need for a store made before keys existed.
    func machineKeys() throws -> MachineKeys {
        let device = try identity().id
        if let keys = try read({ db in try Self.storedKeys(device, db: db) }) { return keys }
        return try write { db in try MachineKeys.current(device: device, environment: environment, db: db) }
    }

    private static func storedKeys(_ device: String, db: Database) throws -> MachineKeys? {
        guard try db.tableExists("machine_key"),
            try Int.fetchOne(db, sql: "SELECT count(*) FROM machine_key WHERE device = ?", arguments: [device]) == 1
        else { return nil }
        return try MachineKeys.current(device: device, environment: StoreEnvironment(), db: db)
    }
}
