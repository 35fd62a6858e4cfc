import Crypto
import Foundation
import GRDB

/// A machine this store trusts: enrolled here (a person compared the fingerprint), or vouched for by a machine
/// enrolled here. Its batches are accepted when it signed them; what this store writes is sealed to it when it is
/// `outbound`.
public struct TrustedMachine: Sendable, Equatable, Encodable {
    public enum Direction: String, Sendable, Codable {
        /// Its batches come here: a team's laptop at its gathering machine, a commune's machine at the province's.
        case inbound
        /// What this machine writes goes to it: the gathering machine of a laptop, the province's machine of a commune's.
        case outbound
    }

    public var device: String
    public var label: String
    public var role: DeviceIdentity.Role
    public var commune: CommuneRef?
    public var province: String?
    public var fingerprint: String
    public var direction: Direction
    /// The trusted machine that vouched for it; nil when a person enrolled it here.
    public var vouchedBy: String?
    /// Device ids it continues (a store restored or copied takes a new id and keys): it may sign their batches.
    public var continues: [String]
    public var enrolledAt: String
    public var revokedAt: String?
    /// After a revocation, its events numbered above this are refused.
    public var keepUpTo: Int64?
    var keys: PublicKeys
    /// The statement it was enrolled by, as received (two lines), to pass on.
    var statement: String

    enum CodingKeys: String, CodingKey {
        case device, label, role, commune, province, fingerprint, direction, vouchedBy, continues, enrolledAt, revokedAt, keepUpTo
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(device, forKey: .device)
        try container.encode(label, forKey: .label)
        try container.encode(role, forKey: .role)
        try container.encodeIfPresent(commune?.code, forKey: .commune)
        try container.encodeIfPresent(province, forKey: .province)
        try container.encode(fingerprint, forKey: .fingerprint)
        try container.encode(direction, forKey: .direction)
        try container.encodeIfPresent(vouchedBy, forKey: .vouchedBy)
        try container.encode(continues, forKey: .continues)
        try container.encode(enrolledAt, forKey: .enrolledAt)
        try container.encodeIfPresent(revokedAt, forKey: .revokedAt)
        try container.encodeIfPresent(keepUpTo, forKey: .keepUpTo)
    }

    public var isRevoked: Bool { revokedAt != nil }

    init(row: Row) throws {
        device = row["device"]
        label = row["label"]
        guard let role = DeviceIdentity.Role(rawValue: row["role"]), let direction = Direction(rawValue: row["direction"]) else {
            throw StoreError.damaged(what: "trusted_machine \(row["device"] as String)")
        }
        self.role = role
        self.direction = direction
        if let code = row["commune"] as String?, let scheme = Scheme(rawValue: row["scheme"] as String? ?? "") {
            commune = CommuneRef(code: code, scheme: scheme)
        }
        province = row["province"]
        keys = PublicKeys(sign: row["sign_key"], seal: row["seal_key"])
        fingerprint = row["fingerprint"]
        vouchedBy = row["vouched_by"]
        continues = (row["continues"] as String).split(separator: " ").map(String.init)
        enrolledAt = row["enrolled_at"]
        revokedAt = row["revoked_at"]
        keepUpTo = row["keep_up_to"]
        statement = row["statement"]
    }

    init(_ statement: EnrollmentStatement, direction: Direction, vouchedBy: String?, at: Moment) {
        device = statement.device
        label = statement.label
        role = statement.role
        commune = statement.commune
        province = statement.province
        keys = statement.keys
        fingerprint = statement.keys.fingerprint(device: statement.device)
        self.direction = direction
        self.vouchedBy = vouchedBy
        continues = statement.continues
        enrolledAt = at.rfc3339
        revokedAt = nil
        keepUpTo = nil
        self.statement = statement.signedText
    }

    static func fetch(_ device: String, db: Database) throws -> TrustedMachine? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM trusted_machine WHERE device = ?"), arguments: [device]).map(TrustedMachine.init)
    }

    static func all(_ db: Database) throws -> [TrustedMachine] {
        try Row.fetchAll(db, sql: "SELECT * FROM trusted_machine ORDER BY direction, commune, label, device").map(TrustedMachine.init)
    }

    func save(_ db: Database) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO trusted_machine (device, label, role, scheme, commune, province, sign_key, seal_key, fingerprint, direction,
                    vouched_by, continues, enrolled_at, revoked_at, keep_up_to, statement)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                device, label, role.rawValue, commune?.scheme.rawValue, commune?.code, province, keys.sign, keys.seal, fingerprint,
                direction.rawValue, vouchedBy, continues.joined(separator: " "), enrolledAt, revokedAt, keepUpTo, statement,
            ])
    }

    /// Machines batches written here are sealed to: the outbound ones for a laptop's (or any device) batch; for a
    /// relay of `commune`, the laptops of that commune enrolled here.
    static func recipients(relayOf commune: CommuneRef?, db: Database) throws -> [SealRecipient] {
        let rows: [Row]
        if let commune {
            rows = try Row.fetchAll(
                db, sql: """
                    SELECT device, seal_key FROM trusted_machine
                    WHERE revoked_at IS NULL AND direction = 'inbound' AND role = 'laptop' AND scheme = ? AND commune = ? ORDER BY device
                    """, arguments: [commune.scheme.rawValue, commune.code])
        } else {
            rows = try Row.fetchAll(
                db, sql: "SELECT device, seal_key FROM trusted_machine WHERE revoked_at IS NULL AND direction = 'outbound' ORDER BY device")
        }
        return rows.map { row in SealRecipient(device: row["device"], key: row["seal_key"]) }
    }
}
