import GRDB

/// The checks of a batch that need the store, run in the merge's transaction just before its events are appended,
/// once per file and once per household (never per event): who signed it and whether that machine is trusted here
/// for this commune, the merge time, events in this machine's own name, and households of other communes or without
/// consent as the store knows them. A refusal rolls the file back whole.
enum BatchTrust {
    /// `keys` gains the key of each household of the batch as the derived tables have it (nil: none yet), so that
    /// the derivation that follows need not look it up again. `pending`: what earlier files of the group noted.
    /// Returns what this file notes of its households, for the files after it once it is appended.
    static func check(
        _ batch: ParsedBatch, identity: DeviceIdentity, now: Moment, keys: inout [String: Int64?], pending: Pending, db: Database
    ) throws -> Pending {
        let header = batch.header
        guard let signature = batch.footer.signature else { throw BatchRefusal.unsigned }
        let signer = try self.signer(signature, header: header, identity: identity, db: db)
        switch header.kind {
        case .device:
            guard header.device == signature.signer || signer.continues.contains(header.device) else {
                throw BatchRefusal.signedByOther(signer: signature.signer, device: header.device)
            }
        case .relay:
            guard signer.role.gathers, header.device == signature.signer else { throw BatchRefusal.relayFromLaptop(signer: signature.signer) }
        }
        if signer.role == .laptop, let enrolled = signer.commune, enrolled != header.commune {
            throw BatchRefusal.enrolledForOtherCommune(found: header.commune, enrolled: enrolled)
        }
        let latest = max(batch.facts.latestMillis, header.writtenAt.millis)
        if latest > now.millis + BatchLimits.afterMerge { throw BatchRefusal.inFuture(at: Moment(millis: latest), now: now) }
        if batch.facts.ownSeq > 0 {
            let held = try EventLog.existingDeviceKey(identity.id, db: db).flatMap {
                try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(seq) FROM event WHERE device = ?"), arguments: [$0])
            } ?? 0
            if batch.facts.ownSeq > held { throw BatchRefusal.ownEventsUnknown(seq: batch.facts.ownSeq, held: held) }
        }
        let known = try Known(pending: pending, db: db)
        for (household, line) in batch.facts.households {
            if let found = try known.household(household, key: { keys[household] = $0 }), found.commune != header.commune {
                throw BatchRefusal.householdElsewhere(line: line, household: household, commune: found.commune)
            }
        }
        for (household, line) in batch.facts.namesAwaitingConsent where try known.household(household)?.consent == false {
            throw BatchRefusal.namesWithoutConsent(line: line, household: household)
        }
        for (line, target) in batch.facts.targets {
            if let event = try EventLog.event(id: target, db: db), event.commune != header.commune {
                throw BatchRefusal.targetElsewhere(line: line, target: target, commune: event.commune)
            }
        }
        return try notes(of: batch, known: known)
    }

    /// The machine that signed: this one, or one trusted here with that key, not revoked (or revoked, for its earlier
    /// events sent again).
    static func signer(_ signature: BatchSignature, header: BatchHeader, identity: DeviceIdentity, db: Database) throws -> TrustedMachine.Signer {
        if signature.signer == identity.id {
            let own = try MachineKeys.current(device: identity.id, environment: StoreEnvironment(), db: db)
            guard own.publicKeys.sign == signature.key else { throw BatchRefusal.keyChanged(signer: signature.signer, label: identity.label) }
            return TrustedMachine.Signer(role: identity.role, commune: identity.commune, continues: [])
        }
        guard let machine = try TrustedMachine.fetch(signature.signer, db: db) else {
            throw BatchRefusal.unknownDevice(signer: signature.signer, label: header.deviceLabel)
        }
        guard machine.keys.sign == signature.key else { throw BatchRefusal.keyChanged(signer: signature.signer, label: machine.label) }
        if machine.isRevoked {
            // Its batches written before it was lost hold events it numbered up to `keepUpTo`; anything newer is refused.
            guard header.kind == .device, header.device == machine.device, let last = header.lastSeq, last <= machine.keepUpTo ?? 0 else {
                throw BatchRefusal.revoked(signer: machine.device, label: machine.label, keepUpTo: machine.keepUpTo)
            }
        }
        return TrustedMachine.Signer(role: machine.role, commune: machine.commune, continues: machine.continues)
    }

    /// Households appended by earlier files of the merge's current group are not derived yet: their commune and
    /// consent as those files said wait here until the group is derived. Only files that were appended add to it.
    typealias Pending = [String: PendingHousehold]

    struct PendingHousehold {
        var commune: CommuneRef
        var consent: Bool?
    }

    /// A household's commune and consent as this store knows them: from the merge in progress, else derived. Its
    /// household row says; a household without one (its registration voided) keeps its timeline's. Its statements are
    /// found once for a file, not for each household.
    struct Known {
        let pending: Pending
        private let derived: FastStatement
        private let timeline: FastStatement

        init(pending: Pending, db: Database) throws {
            self.pending = pending
            derived = try FastStatement(db, "SELECT key, scheme, commune, consent FROM household_fold WHERE code = ?")
            timeline = try FastStatement(db, "SELECT scheme, commune FROM household_timeline WHERE key = ?")
        }

        /// When the derived tables are asked, `key` is told the household's key in them (nil: it has none).
        func household(_ code: String, key tell: (Int64?) -> Void = { _ in }) throws -> (commune: CommuneRef, consent: Bool?)? {
            func commune(_ columns: FastStatement.Columns, _ scheme: Int32, _ code: Int32) -> CommuneRef? {
                guard let scheme = columns.text(scheme).flatMap(Scheme.init(rawValue:)), let commune = columns.text(code) else { return nil }
                return CommuneRef(code: commune, scheme: scheme)
            }
            if let noted = pending[code] { return (noted.commune, noted.consent) }
            let found = try derived.first({ $0.text(code) }, read: { columns in (columns.int(0) ?? 0, commune(columns, 1, 2), columns.int(3).map { $0 != 0 }) })
            tell(found?.0)
            guard let (key, place, consent) = found else { return nil }
            if let place { return (place, consent) }
            let kept = try timeline.first({ $0.int(key) }, read: { commune($0, 0, 1) }) ?? nil
            return kept.map { (commune: $0, consent: nil) }
        }
    }

    /// What this file says of its households, for the next files of the group.
    static func notes(of batch: ParsedBatch, known: Known) throws -> Pending {
        var notes: Pending = [:]
        for household in Set(batch.facts.registered.keys).union(batch.facts.consent.keys) {
            let consent = try batch.facts.consent[household] ?? known.household(household)?.consent
            notes[household] = PendingHousehold(commune: batch.header.commune, consent: consent)
        }
        return notes
    }
}

extension TrustedMachine {
    /// What a batch's checks need of the machine that signed it.
    struct Signer {
        var role: DeviceIdentity.Role
        var commune: CommuneRef?
        var continues: [String]
    }
}
