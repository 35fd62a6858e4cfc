import Foundation
import GRDB

/// Finding households, members and events by what people type: a unique prefix of the code.
enum Lookup {
    struct HouseholdRow {
        var code: String
        var root: String
        var commune: CommuneRef
        var consent: Bool
        var label: String
    }

    static func household(_ text: String, db: Database) throws -> HouseholdRow {
        let prefix = ShortCode.normalize(text)
        guard prefix.count >= ShortCode.shortestPrefix else { throw LookupError.tooShort(text: text, kind: .household) }
        guard ShortCode.isValidPrefix(prefix) else { throw LookupError.notFound(text: text, kind: .household) }
        let found = try HouseholdRecord.withPrefix(prefix, limit: 6, db: db)
        guard let household = found.first else { throw LookupError.notFound(text: text, kind: .household) }
        guard found.count == 1 else {
            throw LookupError.ambiguous(
                text: text, kind: .household, candidates: found.map { LookupError.Candidate(code: $0.code, label: label($0)) })
        }
        return HouseholdRow(code: household.code, root: household.root, commune: household.commune, consent: household.consent, label: label(household))
    }

    static func label(_ household: HouseholdRecord) -> String {
        [household.headName, household.address, household.village].compactMap { $0 }.joined(separator: ", ")
    }

    /// The household a code counts under now.
    static func root(of code: String, db: Database) throws -> String? { try HouseholdRecord.find(code, db: db)?.root }

    /// A member of `household` (its whole cluster) by code prefix; within a household one or two characters usually do.
    static func member(_ text: String, household: String?, db: Database) throws -> (code: String, household: String) {
        let prefix = ShortCode.normalize(text)
        if household == nil, prefix.count < ShortCode.shortestPrefix { throw LookupError.tooShort(text: text, kind: .member) }
        guard ShortCode.isValidPrefix(prefix) else { throw LookupError.notFound(text: text, kind: .member) }
        let found = try MemberRecord.withPrefix(prefix, household: household, limit: 6, db: db)
        if found.isEmpty, let household, !(try MemberRecord.withPrefix(prefix, household: nil, limit: 1, db: db)).isEmpty {
            throw LookupError.memberNotInHousehold(member: text, household: household)
        }
        guard let member = found.first else { throw LookupError.notFound(text: text, kind: .member) }
        guard found.count == 1 else {
            throw LookupError.ambiguous(
                text: text, kind: .member,
                candidates: found.map { LookupError.Candidate(code: $0.code, label: [$0.name, String($0.birthYear)].compactMap { $0 }.joined(separator: ", ")) })
        }
        return (member.code, member.household)
    }

    /// An event as people type it from `household history`: "a943c319:57" (the start of its device, its number).
    static func event(_ text: String, db: Database) throws -> Event {
        let typed = text.lowercased().trimmingCharacters(in: .whitespaces)
        guard typed.count >= 4 else { throw LookupError.tooShort(text: text, kind: .event) }
        let found = try EventLog.events(typed: typed, limit: 6, db: db)
        guard let event = found.first else { throw LookupError.notFound(text: text, kind: .event) }
        guard found.count == 1 else {
            throw LookupError.ambiguous(
                text: text, kind: .event,
                candidates: found.map { LookupError.Candidate(code: EventRef.short($0.id), label: "\($0.kind.rawValue), \($0.at.rfc3339)") })
        }
        return event
    }

    enum Table { case household, member }

    /// The shortest prefix (at least 6) that no other code in the table shares.
    static func abbreviate(_ code: String, table: Table, db: Database) throws -> String {
        let neighbours = table == .household ? try HouseholdFoldRecord.neighbours(of: code, db: db) : try MemberRecord.neighbours(of: code, db: db)
        return ShortCode.abbreviate(code, neighbours: neighbours)
    }
}
