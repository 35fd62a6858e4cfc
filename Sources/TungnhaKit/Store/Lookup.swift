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
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT code, merged_into, scheme, commune, consent, head_name, address, village FROM household
                WHERE code >= ? AND code < ? ORDER BY code LIMIT 6
                """, arguments: [prefix, prefix + "~"])
        guard !rows.isEmpty else { throw LookupError.notFound(text: text, kind: .household) }
        guard rows.count == 1 else {
            throw LookupError.ambiguous(
                text: text, kind: .household,
                candidates: rows.map { LookupError.Candidate(code: $0["code"], label: label($0)) })
        }
        let row = rows[0]
        let code: String = row["code"]
        return HouseholdRow(
            code: code, root: row["merged_into"] ?? code,
            commune: CommuneRef(code: row["commune"], scheme: Scheme(rawValue: row["scheme"]) ?? .y2025),
            consent: row["consent"], label: label(row))
    }

    static func label(_ row: Row) -> String {
        [row["head_name"] as String?, row["address"] as String?, row["village"] as String?].compactMap { $0 }.joined(separator: ", ")
    }

    /// A member of `household` (its whole cluster) by code prefix; within a household one or two characters usually do.
    static func member(_ text: String, household: String?, db: Database) throws -> (code: String, household: String) {
        let prefix = ShortCode.normalize(text)
        if household == nil, prefix.count < ShortCode.shortestPrefix { throw LookupError.tooShort(text: text, kind: .member) }
        guard ShortCode.isValidPrefix(prefix) else { throw LookupError.notFound(text: text, kind: .member) }
        var sql = "SELECT code, household, name, birth_year FROM member WHERE code >= ? AND code < ?"
        var arguments: StatementArguments = [prefix, prefix + "~"]
        if let household {
            sql += " AND household = ?"
            arguments += [household]
        }
        let rows = try Row.fetchAll(db, sql: sql + " ORDER BY code LIMIT 6", arguments: arguments)
        if rows.isEmpty, let household {
            let elsewhere = try String.fetchOne(
                db, sql: "SELECT household FROM member WHERE code >= ? AND code < ? LIMIT 1", arguments: [prefix, prefix + "~"])
            if elsewhere != nil { throw LookupError.memberNotInHousehold(member: text, household: household) }
        }
        guard !rows.isEmpty else { throw LookupError.notFound(text: text, kind: .member) }
        guard rows.count == 1 else {
            throw LookupError.ambiguous(
                text: text, kind: .member,
                candidates: rows.map { row in
                    LookupError.Candidate(
                        code: row["code"], label: [row["name"] as String?, String(row["birth_year"] as Int)].compactMap { $0 }.joined(separator: ", "))
                })
        }
        return (rows[0]["code"], rows[0]["household"])
    }

    static func event(_ text: String, db: Database) throws -> Event {
        let prefix = text.lowercased().trimmingCharacters(in: .whitespaces)
        guard prefix.count >= 4 else { throw LookupError.tooShort(text: text, kind: .event) }
        let rows = try Row.fetchAll(
            db, sql: "SELECT id, type, at FROM event WHERE id >= ? AND id < ? ORDER BY id LIMIT 6", arguments: [prefix, prefix + "~"])
        guard !rows.isEmpty else { throw LookupError.notFound(text: text, kind: .event) }
        guard rows.count == 1 else {
            throw LookupError.ambiguous(
                text: text, kind: .event,
                candidates: rows.map { LookupError.Candidate(code: $0["id"], label: "\($0["type"] as String), \($0["at"] as String)") })
        }
        return try EventLog.event(id: rows[0]["id"], db: db)!
    }

    /// The shortest prefix (at least 6) that no other code in `table` shares.
    static func abbreviate(_ code: String, table: String, db: Database) throws -> String {
        let before = try String.fetchOne(
            db.cachedStatement(sql: "SELECT code FROM \(table) WHERE code < ? ORDER BY code DESC LIMIT 1"), arguments: [code])
        let after = try String.fetchOne(
            db.cachedStatement(sql: "SELECT code FROM \(table) WHERE code > ? ORDER BY code LIMIT 1"), arguments: [code])
        return ShortCode.abbreviate(code, neighbours: [before, after].compactMap { $0 })
    }
}
