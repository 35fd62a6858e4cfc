import GRDB

/// Households linked by merges: derived together, from all of their events.
extension DerivedTables {
    /// Recomputes which household each merged one counts under, and the groups merges link; returns the groups
    /// whose households must be derived again.
    static func refreshLinks(db: Database) throws -> Set<String> {
        let events = try EventLog.mergeEvents(db: db)
        let roots = Derivation.links(events)
        // Every household a merge ever linked, voided or not, is derived with the others of its group.
        var parent: [String: String] = [:]
        func find(_ code: String) -> String {
            var current = code
            while let next = parent[current], next != current { current = next }
            return current
        }
        for event in events {
            guard case .householdMerged(let keep) = event.body, let other = event.household else { continue }
            for code in [keep, other] where parent[code] == nil { parent[code] = code }
            let (a, b) = (find(keep), find(other))
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        var links: [String: HouseholdLinkRecord] = [:]
        for code in parent.keys { links[code] = HouseholdLinkRecord(code: code, root: roots[code] ?? code, component: find(code)) }
        var before: [String: HouseholdLinkRecord] = [:]
        for link in try HouseholdLinkRecord.all(db: db) { before[link.code] = link }
        var touched = Set<String>()
        for (code, link) in links where before[code] != link {
            touched.insert(link.component)
            try link.save(fast: db)
            // A household joining a group is derived with it from now on: it keeps no fold of its own.
            if before[code] == nil, var row = try HouseholdFoldRecord.find(code, db: db) {
                row.state = nil
                try row.save(db: db)
            }
        }
        return touched
    }

    /// Derives a group of households linked by merges again, from all of their events.
    static func deriveComponent(_ component: String, tally: inout TallyChanges, db: Database) throws {
        let codes = try HouseholdLinkRecord.members(component: component, db: db)
        var keys: [String: Int64] = [:]
        var rowids: [Int64] = []
        var before: [MemberRecord] = []
        for code in codes {
            // A household merged into one this store has no events of yet still gets its number.
            var row = try HouseholdFoldRecord.find(code, db: db) ?? HouseholdFoldRecord(key: nil, code: code, events: [], fold: nil)
            let key = try row.key ?? row.save(db: db)
            keys[code] = key
            rowids += row.events
            before += try MemberRecord.of(householdKey: key, db: db)
            try forget(key: key, code: code, db: db)
            try HouseholdTimelineRecord.delete(key: key, db: db)
        }
        let events = try EventLog.events(rowids: rowids.sorted(), db: db).map(\.event)
        var first = true
        var communes: [String: CommuneRef] = [:]
        for (fold, clusterEvents) in Derivation.component(events) {
            let after = fold.render()
            try write(after, keys: keys, oldMembers: first ? before : [], tally: &tally, db: db)
            first = false
            for household in after?.households ?? [] { communes[household.code] = household.commune }
            if let root = after?.root, let key = keys[root.code] {
                for visit in Derivation.visits(root: root.code, events: clusterEvents) { try VisitRecord(visit, rootKey: key).save(fast: db) }
            }
        }
        for (code, points) in Derivation.timelines(events) {
            // A household whose registration was voided keeps its history: the days it counted still count.
            guard let key = keys[code], let commune = communes[code] ?? Derivation.registeredCommune(code, events) else { continue }
            try HouseholdTimelineRecord(key: key, code: code, commune: commune, points: points).save(fast: db)
        }
    }
}
