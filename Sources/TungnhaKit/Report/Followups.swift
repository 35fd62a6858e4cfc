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
            var list = FollowupList(revisit: [], neverVisited: [])
            let register = try RegisterNames.visible(db)
            for household in try HouseholdRecord.notCovered(villageKey: village.map(Folding.fold), db: db) {
                var item = Followup(
                    code: household.code, shortCode: try Lookup.abbreviate(household.code, table: .household, db: db),
                    village: household.village, headName: household.headName, address: household.address, gaps: household.gaps,
                    closestMember: household.closestMember.map { String($0.prefix(ShortCode.shownLength)) }, visits: household.visits,
                    lastVisit: household.lastVisitMillis.map { Moment(millis: $0).rfc3339 }, followUp: household.followUp)
                item.commune = household.commune.code
                item.scheme = household.commune.scheme
                item.phone = household.consent ? household.phone : nil
                item.registerName = register[household.code]?.name
                item.registerPhone = register[household.code]?.phone
                if item.visits == 0 { list.neverVisited.append(item) } else { list.revisit.append(item) }
            }
            return list
        }
    }
}
