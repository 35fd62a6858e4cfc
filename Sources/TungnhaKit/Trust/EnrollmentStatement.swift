import Crypto
import Foundation

/// One statement of an enrollment file (docs/sync-format.md, section 16): a machine with its keys, and what its
/// signer says of it. Two lines: the statement, then the signature of its SHA-256, as a batch's end line signs the file.
struct EnrollmentStatement: Sendable, Equatable {
    static let format = "tungnha-enrollment"
    static let version = 2

    enum Kind: String, Sendable, CaseIterable {
        /// The machine introduces itself (it signs): a person compares the fingerprint before trusting it.
        case introduction = "self"
        /// The signer, a gathering machine, enrolled this machine: passed on to the machine the signer forwards to.
        case enrolled
        /// The signer forwards what it receives to this machine: the signer's laptops seal their batches to it too.
        case upstream
        /// The signer revoked this machine: its events numbered above `keepUpTo` are refused.
        case revoked
    }

    var kind: Kind
    var device: String
    var label: String
    var role: DeviceIdentity.Role
    var commune: CommuneRef?
    var province: String?
    var keys: PublicKeys
    var continues: [String]
    var at: Moment
    var keepUpTo: Int64?
    var signature: BatchSignature
    /// The two lines as they were read or written, to pass on unchanged.
    var signedText: String

    var fingerprint: String { keys.fingerprint(device: device) }

    /// The statement line's fields (before signing).
    static func line(
        kind: Kind, device: String, label: String, role: DeviceIdentity.Role, commune: CommuneRef?, province: String?, keys: PublicKeys,
        continues: [String], at: Moment, keepUpTo: Int64?
    ) -> String {
        var fields: JSONObject = [
            "format": .string(format), "version": .int(Int64(version)), "statement": .string(kind.rawValue), "device": .string(device),
            "label": .string(label), "role": .string(role.rawValue), "commune": commune.map { .string($0.code) } ?? .null,
            "scheme": commune.map { .string($0.scheme.rawValue) } ?? .null, "province": province.map(JSONValue.string) ?? .null,
            "signKey": .string(keys.sign.base64EncodedString()), "sealKey": .string(keys.seal.base64EncodedString()),
            "continues": .array(continues.map(JSONValue.string)), "at": .string(at.rfc3339),
        ]
        if let keepUpTo { fields["keepUpTo"] = .int(keepUpTo) }
        return JSONWriter.canonical(.object(fields))
    }

    /// What is signed: `tungnha-enrollment/2`, the signer and the SHA-256 of the statement line with its newline.
    static func message(signer: String, sha256: String) -> Data { Data("tungnha-enrollment/2\n\(signer)\n\(sha256)\n".utf8) }

    /// Signs a statement line with this machine's keys; the two lines, each with its newline.
    static func sign(_ line: String, by keys: MachineKeys) throws -> String {
        let sha = SHA256.hash(data: Data((line + "\n").utf8)).hex
        let signature = try keys.signing.signature(for: message(signer: keys.device, sha256: sha))
        let end: JSONValue = .object([
            "end": .string(format), "sha256": .string(sha), "signer": .string(keys.device),
            "key": .string(keys.signing.publicKey.rawRepresentation.base64EncodedString()), "signature": .string(signature.base64EncodedString()),
        ])
        return line + "\n" + JSONWriter.canonical(end) + "\n"
    }

    /// Reads every statement of a file, each checked against its signature. A file is all or nothing.
    static func read(_ path: String) throws -> [EnrollmentStatement] {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard FileKind.isRegular(path), size <= 16 << 20, let data = FileManager.default.contents(atPath: path) else {
            throw EnrollmentError.unreadable(path: path)
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: LineReader.byteOrderMark) { bytes.removeFirst(3) }
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { line -> [UInt8] in
            line.last == 0x0D ? Array(line.dropLast()) : Array(line)
        }
        while let last = lines.last, last.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { lines.removeLast() }
        guard !lines.isEmpty, lines.count % 2 == 0 else { throw EnrollmentError.notEnrollment(path: path) }
        var statements: [EnrollmentStatement] = []
        for index in stride(from: 0, to: lines.count, by: 2) {
            statements.append(try parse(lines[index], lines[index + 1], number: index + 1, path: path))
        }
        return statements
    }

    static func parse(_ line: [UInt8], _ end: [UInt8], number: Int, path: String) throws -> EnrollmentStatement {
        func value(_ bytes: [UInt8]) -> JSONValue? { try? bytes.withUnsafeBufferPointer { try JSONParser.parse($0) } }
        guard let statement = value(line), statement["format"] == .string(format) else { throw EnrollmentError.notEnrollment(path: path) }
        guard statement["version"] == .int(Int64(version)) else { throw EnrollmentError.badStatement(line: number, field: "version") }
        guard let endLine = value(end), case .object(let endFields) = endLine, endFields.count == 5, endLine["end"] == .string(format),
            case .string(let sha)? = endLine["sha256"],
            let signature = BatchSignature(signer: endLine["signer"], key: endLine["key"], signature: endLine["signature"])
        else { throw EnrollmentError.badStatement(line: number + 1, field: "end") }
        guard SHA256.hash(data: line + [0x0A]).hex == sha,
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: signature.key),
            key.isValidSignature(signature.signature, for: message(signer: signature.signer, sha256: sha))
        else { throw EnrollmentError.badSignature(line: number + 1) }
        do {
            var reader = try ObjectReader(statement, path: "")
            _ = reader.take("format")
            _ = reader.take("version")
            guard let kind = Kind(rawValue: try reader.string("statement")) else { throw reader.invalid("statement", "self|enrolled|upstream|revoked") }
            let device = try reader.string("device")
            guard EventID.isValid(device) else { throw reader.invalid("device", "uuid") }
            let label = try DeviceLabel.checked(try reader.string("label"), path: "label")
            guard let role = DeviceIdentity.Role(rawValue: try reader.string("role")) else { throw reader.invalid("role", "laptop|commune-gathering|province-gathering") }
            let code = try reader.optionalString("commune")
            let scheme = try reader.optionalString("scheme")
            var commune: CommuneRef?
            if let code {
                guard CommuneRef.isWellFormed(code), let scheme = Scheme(rawValue: scheme ?? "") else { throw reader.invalid("commune", "5 digits") }
                commune = CommuneRef(code: code, scheme: scheme)
            }
            let province = try reader.optionalString("province")
            guard let sign = Data(base64Encoded: try reader.string("signKey")), sign.count == 32 else { throw reader.invalid("signKey", "32 bytes") }
            guard let seal = Data(base64Encoded: try reader.string("sealKey")), seal.count == 32 else { throw reader.invalid("sealKey", "32 bytes") }
            guard case .array(let list)? = reader.take("continues"), list.count <= 100 else { throw reader.invalid("continues", "list") }
            let continues = list.compactMap { item -> String? in if case .string(let id) = item, EventID.isValid(id) { return id } else { return nil } }
            guard continues.count == list.count else { throw reader.invalid("continues", "uuid") }
            guard let at = Moment(rfc3339: try reader.string("at")) else { throw reader.invalid("at", "RFC 3339 date-time") }
            let keepUpTo = try reader.optionalInteger("keepUpTo")
            if let keepUpTo, !(0...BatchLimits.seq).contains(keepUpTo) { throw reader.invalid("keepUpTo", "0..\(BatchLimits.seq)") }
            try reader.finish()
            // A machine introduces itself with its own key; a vouch names another machine.
            if kind == .introduction, signature.signer != device || signature.key != sign {
                throw EnrollmentError.badSignature(line: number + 1)
            }
            let text = String(decoding: line + [0x0A] + end + [0x0A], as: UTF8.self)
            return EnrollmentStatement(
                kind: kind, device: device, label: label, role: role, commune: commune, province: province,
                keys: PublicKeys(sign: sign, seal: seal), continues: continues, at: at, keepUpTo: keepUpTo, signature: signature, signedText: text)
        } catch let error as EventFormatError {
            throw EnrollmentError.badStatement(line: number, field: error.path)
        }
    }
}

/// Problems with enrollment files and with enrolling or revoking machines.
public enum EnrollmentError: TungnhaError, Equatable {
    case unreadable(path: String)
    case notEnrollment(path: String)
    case badStatement(line: Int, field: String)
    case badSignature(line: Int)
    case ownFile(path: String)
    case nothingNew(path: String)
    case keyChanged(device: String, label: String)
    case roleNotAccepted(label: String, role: DeviceIdentity.Role, here: DeviceIdentity.Role)
    case communeNotAccepted(label: String, commune: CommuneRef)
    case needsFingerprint(label: String)
    case fingerprintMismatch(label: String, typed: String)
    case notFound(text: String)
    case ambiguous(text: String, labels: [String])
    case cannotRevokeItself
    case cannotWrite(path: String, detail: String)
    /// `export` found nobody to seal names and phone numbers to, and will not write them in the clear.
    case noRecipient(relay: Bool)
}
