import Crypto
import Foundation

/// A machine a batch is sealed to: its device id and its X25519 public key.
struct SealRecipient: Sendable {
    var device: String
    /// The X25519 public key's 32 bytes.
    var key: Data
}

/// A batch sealed to the machines that may read it (docs/sync-format.md, section 17): a file forwarded on Zalo or left
/// on a USB stick reveals nothing. The signed batch, byte for byte, is encrypted once with a random key
/// (ChaCha20-Poly1305), and that key is sealed to each recipient with HPKE (RFC 9180: DHKEM(X25519, HKDF-SHA256),
/// HKDF-SHA256, ChaCha20-Poly1305, base mode). A machine forwarding the file unchanged keeps it readable by every
/// recipient, and the batch inside keeps its signature.
///
///     line 1       {"format":"tungnha-sealed","version":2,"batch":{…},"recipients":[{"device":…,"sealedKey":…}]}
///     lines 2…n−1  the ciphertext, base64, 76 characters a line
///     line n       {"end":"tungnha-sealed","bytes":…,"sha256":…}   (SHA-256 of every line before, as a batch's end line)
enum SealedBatch {
    static let format = "tungnha-sealed"
    static let version = 2
    /// HPKE's `info`: binds the sealed key to this use.
    static let info = Data("tungnha-sealed/2".utf8)
    static var suite: HPKE.Ciphersuite { .Curve25519_SHA256_ChachaPoly }
    static let lineLength = 76

    /// A first line that starts a sealed file.
    static func isEnvelope(_ line: [UInt8]) -> Bool {
        guard line.first == UInt8(ascii: "{"), let value = try? line.withUnsafeBufferPointer({ try JSONParser.parse($0) }) else { return false }
        return value["format"] == .string(format)
    }

    /// The envelope of a sealed file, read from its first line; nil for any other file.
    static func envelope(_ path: String) -> JSONValue? {
        guard let first = FirstLine.object(path), first["format"] == .string(format) else { return nil }
        return first
    }

    /// The commune an envelope names, to route the file before it is opened.
    static func commune(of envelope: JSONValue) -> CommuneRef? {
        guard case .string(let code)? = envelope["batch"]?["commune"], case .string(let schemeText)? = envelope["batch"]?["scheme"],
            let scheme = Scheme(rawValue: schemeText)
        else { return nil }
        return CommuneRef(code: code, scheme: scheme)
    }

    /// The fingerprint a sealed file was merged under (`BatchFile.fingerprint` with the file's own checksum): how a
    /// merge knows it again without opening it.
    static func fingerprint(of envelope: JSONValue, sha256: String) -> String? {
        guard case .string(let device)? = envelope["batch"]?["device"], case .int(let batch)? = envelope["batch"]?["batch"] else { return nil }
        return BatchFile.fingerprint(device: device, batch: Int(clamping: batch), sha256: sha256)
    }

    /// What a sealed file shows of its batch without opening it: enough to route it and to name it in a message.
    static func routing(_ header: BatchHeader) -> JSONValue {
        .object([
            "kind": .string(header.kind.rawValue), "device": .string(header.device), "commune": .string(header.commune.code),
            "scheme": .string(header.commune.scheme.rawValue), "batch": .int(Int64(header.batch)),
        ])
    }

    /// Seals `plain` (a whole signed batch) to `recipients`. With `again` (the envelope and key of a batch written
    /// before), writes the same bytes as that time.
    static func seal(_ plain: Data, header: BatchHeader, to recipients: [SealRecipient], again: (envelope: String, key: Data)? = nil)
        throws -> (data: Data, envelope: String, key: Data)
    {
        let key: SymmetricKey
        let envelope: String
        if let again {
            key = SymmetricKey(data: again.key)
            envelope = again.envelope
        } else {
            key = SymmetricKey(size: .bits256)
            let keyBytes = key.withUnsafeBytes { Data($0) }
            var sealed: [JSONValue] = []
            for recipient in recipients {
                let publicKey = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: recipient.key)
                var sender = try HPKE.Sender(recipientKey: publicKey, ciphersuite: suite, info: info)
                let wrapped = try sender.seal(keyBytes)
                sealed.append(.object(["device": .string(recipient.device), "sealedKey": .string((sender.encapsulatedKey + wrapped).base64EncodedString())]))
            }
            envelope = JSONWriter.canonical(.object([
                "format": .string(format), "version": .int(Int64(version)), "batch": routing(header), "recipients": .array(sealed),
            ]))
        }
        // The key is used once, so a fixed nonce is safe; the envelope is authenticated with the ciphertext.
        let box = try ChaChaPoly.seal(plain, using: key, nonce: try ChaChaPoly.Nonce(data: Data(count: 12)), authenticating: Data(envelope.utf8))
        let text = box.ciphertext + box.tag
        var body = Data(envelope.utf8) + Data([0x0A])
        body.append(text.base64EncodedData(options: [.lineLength76Characters, .endLineWithLineFeed]))
        if body.last != 0x0A { body.append(0x0A) }
        let end = JSONWriter.canonical(.object([
            "end": .string(format), "bytes": .int(Int64(text.count)), "sha256": .string(SHA256.hash(data: body).hex),
        ]))
        return (body + Data(end.utf8) + Data([0x0A]), envelope, key.withUnsafeBytes { Data($0) })
    }

    /// Opens a sealed file with this machine's key: the batch inside, in memory.
    static func open(_ path: String, keys: OpeningKeys?) throws(BatchRefusal) -> Data {
        guard FileKind.isRegular(path), let data = FileManager.default.contents(atPath: path) else {
            throw BatchRefusal.unreadable(detail: path)
        }
        return try open(data, keys: keys)
    }

    /// A sealed file's bytes as written (no byte-order mark, Unix line endings), checked against its end line: its
    /// envelope, recipients, and where the sealed text starts and the end line begins.
    static func checked(_ bytes: Data) throws(BatchRefusal)
        -> (data: Data, envelope: Data, recipients: [JSONValue], firstEnd: Int, endStart: Int, sha256: String)
    {
        var data = bytes
        if data.starts(with: LineReader.byteOrderMark) { data.removeFirst(3) }
        // Read as a batch is read: a file converted to Windows line endings is the file that was written.
        if offset(of: 0x0D, in: data) != nil { data = Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n").utf8) }
        var stop = data.endIndex
        while stop > data.startIndex, [0x0A, 0x20, 0x09].contains(data[stop - 1]) { stop -= 1 }
        let firstEnd = offset(of: 0x0A, in: data).map { data.startIndex + $0 } ?? data.endIndex
        let envelopeLine = data[data.startIndex..<firstEnd]
        guard let envelope = try? Array(envelopeLine).withUnsafeBufferPointer({ try JSONParser.parse($0) }),
            envelope["version"] == .int(Int64(version)), case .array(let recipients)? = envelope["recipients"]
        else { throw BatchRefusal.badSeal(detail: "envelope") }
        // As a batch: no end line is a file cut short, another checksum a file changed.
        let endStart = data[..<stop].lastIndex(of: 0x0A).map { $0 + 1 } ?? data.startIndex
        guard endStart > firstEnd, let end = try? Array(data[endStart..<stop]).withUnsafeBufferPointer({ try JSONParser.parse($0) }),
            end["end"] == .string(format), case .string(let sha)? = end["sha256"]
        else { throw BatchRefusal.cutShort(lines: data[..<stop].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }) }
        let actual = SHA256.hash(data: data[data.startIndex..<endStart]).hex
        guard actual == sha.lowercased() else { throw BatchRefusal.checksumMismatch(declared: sha, actual: actual) }
        return (data, Data(envelopeLine), recipients, firstEnd, endStart, actual)
    }

    /// Where `byte` first stands in `data`, from its start, found by memchr (Data's own search goes byte by byte).
    static func offset(of byte: UInt8, in data: Data) -> Int? {
        data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress, let found = memchr(base, Int32(byte), buffer.count) else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }
    }

    /// Whether a sealed file's bytes are whole and unchanged (its own checksum), without opening it.
    static func isIntact(_ bytes: Data) -> Bool { (try? checked(bytes)) != nil }

    /// Opens the bytes of a sealed file with this machine's key.
    static func open(_ bytes: Data, keys: OpeningKeys?) throws(BatchRefusal) -> Data { try open(checked(bytes), keys: keys) }

    /// Opens a sealed file whose bytes `checked` read.
    static func open(_ file: (data: Data, envelope: Data, recipients: [JSONValue], firstEnd: Int, endStart: Int, sha256: String), keys: OpeningKeys?)
        throws(BatchRefusal) -> Data
    {
        let (data, envelopeLine, recipients, firstEnd, endStart) = (file.data, file.envelope, file.recipients, file.firstEnd, file.endStart)
        guard let keys, case .string(let sealedText)? = recipients.first(where: { $0["device"] == .string(keys.device) })?["sealedKey"],
            let sealed = Data(base64Encoded: sealedText), sealed.count > 32
        else { throw BatchRefusal.sealedForOthers(recipients: recipients.count) }
        guard let text = Data(base64Encoded: data[(firstEnd + 1)..<endStart], options: .ignoreUnknownCharacters), text.count >= 16 else {
            throw BatchRefusal.badSeal(detail: "base64")
        }
        do {
            var recipient = try HPKE.Recipient(privateKey: keys.agreement, ciphersuite: suite, info: info, encapsulatedKey: sealed.prefix(32))
            let key = SymmetricKey(data: try recipient.open(sealed.dropFirst(32)))
            let box = try ChaChaPoly.SealedBox(nonce: try ChaChaPoly.Nonce(data: Data(count: 12)), ciphertext: text.dropLast(16), tag: text.suffix(16))
            return try ChaChaPoly.open(box, using: key, authenticating: Data(envelopeLine))
        } catch {
            throw BatchRefusal.badSeal(detail: "key")
        }
    }
}
