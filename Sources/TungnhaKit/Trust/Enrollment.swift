import Foundation
import GRDB

/// This machine as an enrollment file shows it.
public struct OwnEnrollment: Sendable, Codable, Equatable {
    public var device: String
    public var label: String
    public var role: DeviceIdentity.Role
    public var commune: String?
    public var fingerprint: String
    /// Where the file was written, when it was.
    public var file: String?
    /// Statements in the file: this machine's, and those it vouches for.
    public var statements: Int
}

/// What an enrollment file offers this store.
public struct EnrollmentOffer: Sendable {
    public var file: String
    /// The machine the file introduces, when this store does not trust it yet: a person must compare its fingerprint.
    public var newcomer: TrustedMachine?
    var statements: [EnrollmentStatement]
}

/// What `enroll add` did.
public struct EnrollResult: Sendable, Encodable, Equatable {
    public var file: String
    /// Enrolled by a person here.
    public var enrolled: TrustedMachine?
    /// Vouched for by a machine trusted here.
    public var vouched: [TrustedMachine]
    public var revoked: [TrustedMachine]
    /// Statements that changed nothing: already known, or not for this kind of machine.
    public var unchanged: Int
    public var role: DeviceIdentity.Role
}

extension Store {
    /// This machine's enrollment file: its own statement, and, on a gathering machine, its vouches: for the machine it
    /// forwards to (so that its laptops seal to that one too), and for the machines it enrolled and revoked (so that
    /// the machine it forwards to checks their batches). Written to `path` when given.
    public func ownEnrollment(writingTo path: String? = nil) throws -> OwnEnrollment {
        let identity = try identity()
        let keys = try machineKeys()
        var continues = try read { db in try String.fetchAll(db, sql: "SELECT DISTINCT device FROM handover ORDER BY device") }
        if let previous = try read({ db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'device.previous'") }),
            !continues.contains(previous)
        {
            continues.append(previous)
        }
        let own = EnrollmentStatement.line(
            kind: .introduction, device: identity.id, label: identity.label, role: identity.role, commune: identity.commune,
            province: identity.province, keys: keys.publicKeys, continues: continues, at: now, keepUpTo: nil)
        var text = try EnrollmentStatement.sign(own, by: keys)
        var count = 1
        if identity.role.gathers {
            for machine in try read(TrustedMachine.all) where machine.vouchedBy == nil {
                let kind: EnrollmentStatement.Kind = machine.isRevoked ? .revoked : machine.direction == .outbound ? .upstream : .enrolled
                let at = Moment(rfc3339: machine.revokedAt ?? machine.enrolledAt) ?? now
                let line = EnrollmentStatement.line(
                    kind: kind, device: machine.device, label: machine.label, role: machine.role, commune: machine.commune,
                    province: machine.province, keys: machine.keys, continues: machine.continues, at: at, keepUpTo: machine.keepUpTo)
                text += try EnrollmentStatement.sign(line, by: keys)
                count += 1
            }
        }
        if let path {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw EnrollmentError.cannotWrite(path: path, detail: error.localizedDescription)
            }
        }
        return OwnEnrollment(
            device: identity.id, label: identity.label, role: identity.role, commune: identity.commune?.code,
            fingerprint: keys.publicKeys.fingerprint(device: identity.id), file: path, statements: count)
    }

    /// Reads an enrollment file and says what it offers: nothing is trusted yet.
    public func readEnrollment(_ path: String, outbound: Bool = false) throws -> EnrollmentOffer {
        let identity = try identity()
        let statements = try EnrollmentStatement.read(path)
        var newcomer: TrustedMachine?
        for statement in statements where statement.kind == .introduction {
            if statement.device == identity.id { throw EnrollmentError.ownFile(path: path) }
            if let known = try read({ db in try TrustedMachine.fetch(statement.device, db: db) }) {
                guard known.keys == statement.keys else { throw EnrollmentError.keyChanged(device: statement.device, label: known.label) }
                continue
            }
            try checkRole(of: statement, here: identity)
            newcomer = TrustedMachine(statement, direction: direction(of: statement, here: identity, outbound: outbound), vouchedBy: nil, at: now)
            break
        }
        return EnrollmentOffer(file: path, newcomer: newcomer, statements: statements)
    }

    /// Trusts what `offer` holds. Its newcomer, if any, only when `fingerprint` is the one the newcomer shows (read
    /// from the other machine, or confirmed by a person who compared them); the vouches of machines trusted here.
    public func enroll(_ offer: EnrollmentOffer, fingerprint: String?) throws -> EnrollResult {
        let identity = try identity()
        if let newcomer = offer.newcomer {
            guard let fingerprint else { throw EnrollmentError.needsFingerprint(label: newcomer.label) }
            guard Fingerprint.matches(fingerprint, newcomer.fingerprint) else {
                throw EnrollmentError.fingerprintMismatch(label: newcomer.label, typed: fingerprint)
            }
        }
        return try write { db in
            var result = EnrollResult(file: offer.file, enrolled: nil, vouched: [], revoked: [], unchanged: 0, role: identity.role)
            if var newcomer = offer.newcomer {
                newcomer.enrolledAt = now.rfc3339
                try newcomer.save(db)
                result.enrolled = newcomer
            }
            for statement in offer.statements where statement.kind != .introduction {
                if let changed = try vouch(statement, here: identity, db: db) {
                    if statement.kind == .revoked { result.revoked.append(changed) } else { result.vouched.append(changed) }
                } else {
                    result.unchanged += 1
                }
            }
            result.unchanged += offer.statements.filter { $0.kind == .introduction }.count - (offer.newcomer == nil ? 0 : 1)
            if result.enrolled == nil, result.vouched.isEmpty, result.revoked.isEmpty { throw EnrollmentError.nothingNew(path: offer.file) }
            return result
        }
    }

    /// A vouch by a machine trusted here: it enrolled, revoked, or forwards to, another machine. Nil when it changes nothing.
    private func vouch(_ statement: EnrollmentStatement, here identity: DeviceIdentity, db: Database) throws -> TrustedMachine? {
        let signer = statement.signature.signer
        guard statement.device != identity.id, let voucher = try TrustedMachine.fetch(signer, db: db), !voucher.isRevoked,
            voucher.keys.sign == statement.signature.key, voucher.role.gathers
        else { return nil }
        let known = try TrustedMachine.fetch(statement.device, db: db)
        switch statement.kind {
        case .introduction:
            return nil
        case .enrolled:
            // A province's machine learns the laptops of the commune machines it enrolled.
            guard identity.role.gathers, voucher.direction == .inbound, known == nil,
                (try? checkRole(of: statement, here: identity)) != nil
            else { return nil }
            let machine = TrustedMachine(statement, direction: .inbound, vouchedBy: signer, at: now)
            try machine.save(db)
            return machine
        case .upstream:
            // A laptop learns the machine its gathering machine forwards to, and seals to it too.
            guard voucher.direction == .outbound, known == nil else { return nil }
            let machine = TrustedMachine(statement, direction: .outbound, vouchedBy: signer, at: now)
            try machine.save(db)
            return machine
        case .revoked:
            guard var machine = known, machine.vouchedBy == signer, machine.keys == statement.keys, !machine.isRevoked else { return nil }
            machine.revokedAt = statement.at.rfc3339
            machine.keepUpTo = statement.keepUpTo ?? 0
            try machine.save(db)
            return machine
        }
    }

    /// A laptop trusts gathering machines only; a gathering machine, laptops of communes it accepts, and gathering machines.
    private func checkRole(of statement: EnrollmentStatement, here identity: DeviceIdentity) throws {
        guard statement.role == .laptop else { return }
        guard identity.role.gathers else {
            throw EnrollmentError.roleNotAccepted(label: statement.label, role: statement.role, here: identity.role)
        }
        guard let commune = statement.commune, (try? Store.accept(commune, identity: identity)) != nil else {
            throw EnrollmentError.communeNotAccepted(label: statement.label, commune: statement.commune ?? CommuneRef(code: "?", scheme: .y2025))
        }
    }

    private func direction(of statement: EnrollmentStatement, here identity: DeviceIdentity, outbound: Bool) -> TrustedMachine.Direction {
        if identity.role == .laptop { return .outbound }
        if statement.role == .laptop { return .inbound }
        return outbound ? .outbound : .inbound
    }

    /// The machines this store trusts.
    public func trustedMachines() throws -> [TrustedMachine] { try read(TrustedMachine.all) }

    /// Revokes a trusted machine, named by the start of its device id (4 characters or more) or by its label: files it
    /// signs are refused from now on, except those holding only events numbered up to `keepUpTo` (by default, the
    /// highest this store already holds of it), which can only be its earlier batches sent again.
    public func revoke(_ text: String, keepUpTo: Int64? = nil) throws -> TrustedMachine {
        let identity = try identity()
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        if identity.id.hasPrefix(wanted) || Folding.fold(identity.label) == Folding.fold(text) { throw EnrollmentError.cannotRevokeItself }
        return try write { db in
            let all = try TrustedMachine.all(db)
            var found = all.filter { wanted.count >= 4 && $0.device.hasPrefix(wanted) }
            if found.isEmpty { found = all.filter { Folding.fold($0.label) == Folding.fold(text) } }
            guard !found.isEmpty else { throw EnrollmentError.notFound(text: text) }
            guard found.count == 1, var machine = found.first else { throw EnrollmentError.ambiguous(text: text, labels: found.map(\.label)) }
            let held = try EventLog.existingDeviceKey(machine.device, db: db).flatMap {
                try Int64.fetchOne(db, sql: "SELECT max(seq) FROM event WHERE device = ?", arguments: [$0])
            }
            machine.revokedAt = now.rfc3339
            machine.keepUpTo = keepUpTo ?? held ?? 0
            try machine.save(db)
            return machine
        }
    }
}
