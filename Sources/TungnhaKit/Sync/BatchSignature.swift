import Crypto
import Foundation

/// The signature on a batch's end line: the machine that signed it, its Ed25519 public key, and the signature of
/// the file's SHA-256 (which covers the header, so the sequence range, batch number and commune, and every event line).
/// One signature per file: signing and checking cost the same whatever the file's size.
public struct BatchSignature: Sendable, Equatable {
    public var signer: String
    public var key: Data
    public var signature: Data

    /// What is signed: `tungnha-batch/2`, the signer and the file's SHA-256 (lowercase hex), each on a line.
    static func message(signer: String, sha256: String) -> Data {
        Data("tungnha-batch/2\n\(signer)\n\(sha256)\n".utf8)
    }

    func isValid(for sha256: String) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: key) else { return false }
        return key.isValidSignature(signature, for: Self.message(signer: signer, sha256: sha256))
    }

    var fields: JSONObject {
        ["signer": .string(signer), "key": .string(key.base64EncodedString()), "signature": .string(signature.base64EncodedString())]
    }

    /// Read from the end line's fields; nil when they are not there or not well formed.
    init?(signer: JSONValue?, key: JSONValue?, signature: JSONValue?) {
        guard case .string(let signer)? = signer, EventID.isValid(signer), case .string(let keyText)? = key,
            case .string(let signatureText)? = signature, let key = Data(base64Encoded: keyText), key.count == 32,
            let signature = Data(base64Encoded: signatureText), signature.count == 64
        else { return nil }
        self.init(signer: signer, key: key, signature: signature)
    }

    init(signer: String, key: Data, signature: Data) {
        self.signer = signer
        self.key = key
        self.signature = signature
    }

    /// Stored with an exported batch, so that `export --again` writes the same end line.
    var stored: String { JSONWriter.canonical(.object(fields)) }

    init?(stored: String) {
        guard let value = try? JSONParser.parse(stored) else { return nil }
        self.init(signer: value["signer"], key: value["key"], signature: value["signature"])
    }
}

/// Who signs a batch being written: this machine with its key, or a signature made before (`export --again`).
enum BatchSigner {
    case key(device: String, Curve25519.Signing.PrivateKey)
    case made(BatchSignature)

    func sign(sha256: String) throws -> BatchSignature {
        switch self {
        case .made(let signature): return signature
        case .key(let device, let key):
            return BatchSignature(
                signer: device, key: key.publicKey.rawRepresentation,
                signature: try key.signature(for: BatchSignature.message(signer: device, sha256: sha256)))
        }
    }
}
