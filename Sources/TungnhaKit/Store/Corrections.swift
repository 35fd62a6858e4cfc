import GRDB

/// What voiding a household's registration takes away: the household, with everything recorded under it.
public struct HouseholdLoss: Sendable, Codable, Equatable {
    public var code: String
    public var shortCode: String
    /// The head's name where the household agreed to names, else nil.
    public var headName: String?
    public var address: String?
    public var village: String
    /// Members and visits that stop counting with it (none for a duplicate merged into another: those stay there).
    public var members: Int
    public var visits: Int
    /// It counts as covered now: the covered households go down by one.
    public var covered: Bool
    /// Duplicates merged into it, which disappear with it.
    public var mergedHouseholds: Int
    /// Set when the household is itself a duplicate merged into this one.
    public var mergedInto: String?
}

/// What a void would do, before it is recorded.
public struct VoidPreview: Sendable, Codable, Equatable {
    public var record: EventView
    /// Set when the record is a household's registration: the whole household goes.
    public var household: HouseholdLoss?
}

/// A void undone: the record counts again.
public struct UnvoidResult: Sendable, Codable, Equatable {
    public var record: EventView
    /// The voids that no longer count.
    public var undone: [String]
    /// The household, when the record was its registration: as it stands again.
    public var household: HouseholdSummary?
}

/// Refusals about voiding and undoing voids; the words are in the catalogue.
public enum CorrectionError: TungnhaError, Equatable {
    /// Voiding a registration takes the whole household: it needs `--whole-household` (or a yes on a terminal).
    case wholeHousehold(record: String, loss: HouseholdLoss)
    /// The record counts: no void of it to undo.
    case notVoided(record: String, type: EventKind)
    /// A correction cannot be undone this way; a new correction replaces it.
    case cannotUnvoid(type: EventKind)
}

/// The voids acting on one record, and on those voids: all that decides whether the record counts.
enum VoidChain {
    /// The record, and every void or correction acting on it or on them.
    static func events(actingOn record: Event, db: Database) throws -> [Event] {
        var events = [record]
        var acted = [record]
        while !acted.isEmpty {
            acted = try acted.flatMap { try EventLog.actions(on: $0.id, db: db) }
            events += acted
        }
        return events
    }

    /// Whether the record is voided now, by the void rule.
    static func isVoided(_ record: Event, db: Database) throws -> Bool {
        Derivation.voidedIDs(try events(actingOn: record, db: db)).contains(record.id)
    }

    /// The voids of the record that count now.
    static func countingVoids(of record: Event, db: Database) throws -> [Event] {
        let chain = try events(actingOn: record, db: db)
        let voided = Derivation.voidedIDs(chain)
        return chain.filter { event in
            guard case .eventVoided(let target, _) = event.body else { return false }
            return target == record.id && !voided.contains(event.id)
        }
    }
}

extension Store {
    /// What voiding a record would do: for a household's registration, what disappears with the household.
    public func voidPreview(event text: String) throws -> VoidPreview {
        try read { db in
            let target = try Lookup.event(text, db: db)
            try checkVoidable(target, db: db)
            return VoidPreview(record: Self.view(target, voided: false), household: try loss(target, db: db))
        }
    }

    /// Refuses what `void` refuses: a void or correction, or a record voided already.
    func checkVoidable(_ target: Event, db: Database) throws {
        guard ![.eventVoided, .eventCorrected].contains(target.kind) else { throw RecordError.cannotVoid(type: target.kind) }
        if try VoidChain.isVoided(target, db: db) { throw RecordError.alreadyVoided(event: EventRef.short(target.id)) }
    }

    func loss(_ target: Event, db: Database) throws -> HouseholdLoss? {
        guard target.kind == .householdRegistered, let code = target.household, let household = try HouseholdRecord.find(code, db: db)
        else { return nil }
        let isRoot = household.mergedInto == nil
        return HouseholdLoss(
            code: code, shortCode: try Lookup.abbreviate(code, table: .household, db: db), headName: household.headName,
            address: household.address, village: household.village, members: isRoot ? household.members : 0,
            visits: isRoot ? household.visits : 0, covered: isRoot && household.covered,
            mergedHouseholds: isRoot ? try HouseholdLinkRecord.merged(into: code, db: db).count : 0, mergedInto: household.mergedInto)
    }

    /// Undoes the void of a record: `text` names the voided record or the void itself. The undoing is a void of
    /// the void, an event that syncs like any other.
    public func unvoid(event text: String, reason: String?) throws -> UnvoidResult {
        let reason = try Self.text(reason, .reason)
        return try write { db in
            let found = try Lookup.event(text, db: db)
            if found.kind == .eventCorrected { throw CorrectionError.cannotUnvoid(type: found.kind) }
            let record: Event
            let voids: [Event]
            if case .eventVoided(let target, _) = found.body {
                guard !(try VoidChain.isVoided(found, db: db)) else { throw CorrectionError.notVoided(record: EventRef.short(found.id), type: found.kind) }
                guard let voidedRecord = try EventLog.event(id: target, db: db) else { throw LookupError.notFound(text: target, kind: .event) }
                record = voidedRecord
                voids = [found]
            } else {
                record = found
                voids = try VoidChain.countingVoids(of: found, db: db)
            }
            guard !voids.isEmpty else { throw CorrectionError.notVoided(record: EventRef.short(record.id), type: record.kind) }
            try append(
                voids.map { Draft(household: $0.household, commune: $0.commune, body: .eventVoided(target: $0.id, reason: reason)) }, db: db)
            var household: HouseholdSummary?
            if record.kind == .householdRegistered, let code = record.household, try HouseholdRecord.find(code, db: db) != nil {
                household = try Queries.summary(code, db: db)
            }
            return UnvoidResult(
                record: Self.view(record, voided: try VoidChain.isVoided(record, db: db)), undone: voids.map(\.id), household: household)
        }
    }

    static func view(_ event: Event, voided: Bool) -> EventView {
        EventView(
            id: event.id, type: event.kind, at: event.at.rfc3339, device: event.device, seq: event.seq, member: event.member, voided: voided,
            household: event.household)
    }
}
