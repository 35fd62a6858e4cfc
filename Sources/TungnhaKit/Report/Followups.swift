import GRDB

/// A household a team still has to go to: not covered yet, or never visited.
public struct Followup: Sendable, Codable, Equatable {
    public var code: String
    public var shortCode: String
    public var village: String
    /// Only when the household consents to names being kept; otherwise the code and address identify it.
    public var headName: String?
    public var address: String?
    public var gaps: [CoverageRule.Gap]
    public var closestMember: String?
    public var visits: Int
    public var lastVisit: String?
    public var followUp: String?
    public var commune: String = ""
    public var scheme: Scheme = .y2025
    /// Only when the household consents to names being kept, like the head's name.
    public var phone: String? = nil
    /// From the commune's register imported on this machine, before consent: shown here, never sent.
    public var registerName: String? = nil
    public var registerPhone: String? = nil
}

public struct FollowupList: Sendable, Codable, Equatable {
    /// Visited, not yet covered: by village, then follow-up date.
    public var revisit: [Followup]
    /// Never visited.
    public var neverVisited: [Followup]
}

extension Store {
    public func followups(village: String? = nil) throws -> FollowupList {
        try read { db in
            var sql = """
                SELECT code, scheme, commune, village, head_name, address, phone, consent, gaps, closest_member, visits, last_visit_ms, follow_up
                FROM household
                WHERE merged_into IS NULL AND moved = 0 AND covered = 0
                """
            var arguments: StatementArguments = []
            if let village {
                sql += " AND village_key = ?"
                arguments += [Folding.fold(village)]
            }
            sql += " ORDER BY commune, scheme, village_key, follow_up IS NULL, follow_up, last_visit_ms, code"
            var list = FollowupList(revisit: [], neverVisited: [])
            let register = try RegisterNames.visible(db)
            for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                let code: String = row["code"]
                var item = Followup(
                    code: code, shortCode: try Lookup.abbreviate(code, table: "household", db: db), village: row["village"],
                    headName: row["head_name"], address: row["address"],
                    gaps: (row["gaps"] as String).split(separator: ",").compactMap { CoverageRule.Gap(rawValue: String($0)) },
                    closestMember: (row["closest_member"] as String?).map { String($0.prefix(ShortCode.shownLength)) }, visits: row["visits"],
                    lastVisit: (row["last_visit_ms"] as Int64?).map { Moment(millis: $0).rfc3339 }, followUp: row["follow_up"])
                item.commune = row["commune"]
                item.scheme = Scheme(rawValue: row["scheme"]) ?? .y2025
                item.phone = row["consent"] ? row["phone"] : nil
                item.registerName = register[code]?.name
                item.registerPhone = register[code]?.phone
                if item.visits == 0 { list.neverVisited.append(item) } else { list.revisit.append(item) }
            }
            return list
        }
    }
}
