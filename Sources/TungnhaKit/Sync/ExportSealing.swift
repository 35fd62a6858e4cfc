import Foundation
import GRDB

extension Store {
    /// Ends a batch being written: signs it with this machine's key, and seals it to the machines that may read it (a
    /// device batch to the machines this one sends to; a relay to the laptops of its commune enrolled here). A batch
    /// carrying names or phone numbers with nobody to seal it to is not written at all. `number`: the batch's number in
    /// `export`, whose signature and seal are kept so that `export --again` writes the same bytes.
    func finishSigned(_ writer: inout BatchWriter, header: BatchHeader, bodies: [String], number: Int?, db: Database) throws
        -> (data: Data, sha256: String, sealedFor: [String])
    {
        guard let identity = try Store.identity(db) else { throw StoreError.notAStore(path: path) }
        let kept = try number.flatMap { number in
            try Row.fetchOne(db, sql: "SELECT * FROM export_seal WHERE device = ? AND number = ?", arguments: [identity.id, number])
        }
        let signer: BatchSigner
        if let stored = kept.flatMap({ BatchSignature(stored: $0["signature"]) }) {
            signer = .made(stored)
        } else {
            signer = try MachineKeys.current(device: identity.id, environment: environment, db: db).signer
        }
        let (plain, sha) = try writer.finish(events: bodies.count, signer: signer)
        let recipients = try TrustedMachine.recipients(relayOf: header.kind == .relay ? header.commune : nil, db: db)
        var data = plain
        var envelope: String?
        var key: Data?
        if let storedEnvelope = kept?["envelope"] as String?, let storedKey = kept?["content_key"] as Data? {
            data = try SealedBatch.seal(plain, header: header, to: [], again: (storedEnvelope, storedKey)).data
        } else if !recipients.isEmpty {
            (data, envelope, key) = try SealedBatch.seal(plain, header: header, to: recipients)
        } else if try Self.carriesPersonalData(bodies) {
            throw EnrollmentError.noRecipient(relay: header.kind == .relay)
        }
        if let number, kept == nil, let signature = writer.signature {
            try db.execute(
                sql: "INSERT INTO export_seal (device, number, signature, envelope, content_key) VALUES (?, ?, ?, ?, ?)",
                arguments: [identity.id, number, signature.stored, envelope, key])
        }
        let labels = try recipients.map { try String.fetchOne(db, sql: "SELECT label FROM trusted_machine WHERE device = ?", arguments: [$0.device]) ?? $0.device }
        return (data, sha, kept?["envelope"] as String? != nil || envelope != nil ? labels : [])
    }

    /// Whether any of these events names a person or gives a phone number.
    static func carriesPersonalData(_ bodies: [String]) throws -> Bool {
        for body in bodies where body.contains("\"headName\":\"") || body.contains("\"name\":\"") || body.contains("\"phone\":\"") {
            let event = try EventLog.decode(body)
            switch event.body {
            case .householdRegistered(let data): if data.headName != nil || data.phone != nil { return true }
            case .householdChanged(let change): if change.set[.headName]?.text != nil || change.set[.phone]?.text != nil { return true }
            case .memberAdded(let member): if member.name != nil { return true }
            case .memberChanged(let change): if change.set[.name]?.text != nil { return true }
            case .eventCorrected: return true
            default: continue
            }
        }
        return false
    }
}
