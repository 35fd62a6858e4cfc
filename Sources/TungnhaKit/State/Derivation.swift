/// The derived state of one household: what the events say, folded in `OrderKey` order.
public struct HouseholdState: Sendable, Equatable {
    public var code: String
    public var commune: CommuneRef
    public var village: String
    public var headName: String?
    public var address: String?
    public var phone: String?
    public var declaredMembers: Int?
    public var note: String?
    /// The household agrees that names are kept; without it no name is shown anywhere.
    public var consent: Bool
    /// Whether consent was asked after the registration (at a visit or by an edit), not only assumed by it.
    public var consentAsked: Bool
    public var registeredAt: Moment
    public var registeredBy: String
    /// Set when this record was found to be the same house as another: the code it counts under.
    public var mergedInto: String?
    /// The latest visit found the household gone.
    public var moved: Bool
    public var coverage: CoverageRule.Coverage
    public var lastActivity: Moment
}

public struct MemberState: Sendable, Equatable {
    public var code: String
    /// The household it counts under (after merges).
    public var household: String
    /// The household it was recorded in.
    public var recordedIn: String
    public var name: String?
    public var birthYear: Int
    public var sex: Sex?
    public var relation: String?
    public var status: MemberStatus
    public var abilities: Abilities
    public var able: Bool
    public var addedAt: Moment
}

public struct VisitState: Sendable, Equatable {
    public var event: String
    public var household: String
    public var recordedIn: String
    public var at: Moment
    public var device: String
    public var volunteer: String
    public var outcome: VisitOutcome
    public var consent: Bool?
    public var help: [Help]
    public var procedure: String?
    public var followUp: LocalDate?
    public var note: String?
    public var observations: [Observation]
    /// The visit this one checks again, when it is a back-check.
    public var backcheckOf: String?
}

/// Two or more settings of one field that did not know of each other; the state shows `chosen`.
public struct FieldConflict: Sendable, Equatable {
    public struct Candidate: Sendable, Equatable {
        public var event: String
        public var device: String
        public var at: Moment
        public var value: FieldValue
    }

    public enum Entity: String, Sendable, Codable { case household, member }

    public var entity: Entity
    public var code: String
    /// The household the entity counts under.
    public var household: String
    public var field: String
    public var candidates: [Candidate]
    public var chosen: FieldValue
}

/// One household as it stands, with the households merged into it.
public struct ClusterState: Sendable, Equatable {
    public struct LastVisit: Sendable, Equatable {
        public var at: Moment
        public var outcome: VisitOutcome
        public var volunteer: String
        public var followUp: LocalDate?
    }

    /// The household everything counts under, then those merged into it.
    public var households: [HouseholdState]
    public var members: [MemberState]
    public var visitCount: Int
    public var lastVisit: LastVisit?
    public var conflicts: [FieldConflict]

    public var root: HouseholdState { households[0] }
}

/// Which events are folded, in what order, and into which household: the void rule, merges, villages and the
/// history of each household. `HouseholdFold` says what each event does; nothing else interprets a void.
public enum Derivation {
    // MARK: The void rule

    /// Drops voided events and puts each correction's content in place of the event it corrects.
    /// Voids and corrections themselves are never folded.
    static func effective(_ sorted: [Event]) -> [Event] {
        let (voided, corrections) = actions(sorted: sorted)
        return sorted.compactMap { event in
            if voided.contains(event.id) || event.kind == .eventVoided || event.kind == .eventCorrected { return nil }
            guard let replacement = corrections[event.id], replacement.kind == event.kind else { return event }
            var corrected = event
            corrected.body = replacement
            return corrected
        }
    }

    /// What the voids and corrections among `sorted` (in `OrderKey` order) do: the ids voided, and the content each
    /// corrected event takes (the last correction that counts). A replacement of another kind than its target's is
    /// ignored by whoever applies it.
    public static func actions(sorted: [Event]) -> (voided: Set<String>, corrections: [String: EventBody]) {
        let voided = voidedIDs(sorted)
        var corrections: [String: EventBody] = [:]
        for event in sorted where !voided.contains(event.id) {
            if case .eventCorrected(let target, let replacement) = event.body { corrections[target] = replacement }
        }
        return (voided, corrections)
    }

    /// The void rule: the ids the voids among `events` take out. A void takes out its target unless it is itself
    /// taken out, so voiding a void undoes it and voiding that again redoes it. A void of a correction counts for
    /// nothing, and so do voids that target each other in a loop. It depends on the set of events only, not their order.
    public static func voidedIDs(_ events: [Event]) -> Set<String> {
        var targets: [String: String] = [:]
        var corrections = Set<String>()
        for event in events {
            switch event.body {
            case .eventVoided(let target, _): targets[event.id] = target
            case .eventCorrected: corrections.insert(event.id)
            default: break
            }
        }
        guard !targets.isEmpty else { return [] }
        // Which voids count, from the voids no void targets (they count) towards the voids they target.
        var waiting: [String: Int] = [:]
        for target in targets.values where targets[target] != nil { waiting[target, default: 0] += 1 }
        var counts: [String: Bool] = [:]
        var ready = targets.keys.filter { waiting[$0] == nil }.map { ($0, true) }
        while let (void, live) = ready.popLast() {
            guard counts[void] == nil else { continue }
            counts[void] = live
            guard let target = targets[void], targets[target] != nil, counts[target] == nil else { continue }
            if live {
                ready.append((target, false))
            } else {
                waiting[target]! -= 1
                if waiting[target] == 0 { ready.append((target, true)) }
            }
        }
        var voided = Set<String>()
        for (void, target) in targets where counts[void] == true && !corrections.contains(target) { voided.insert(target) }
        return voided
    }

    static func target(of event: Event) -> String? {
        switch event.body {
        case .eventVoided(let target, _), .eventCorrected(let target, _): return target
        default: return nil
        }
    }

    // MARK: Merges

    /// Which household each merged household counts under. Merges are taken in `OrderKey` order;
    /// one that would close a loop, or re-merge a household already merged, is ignored.
    public static func mergeRoots(_ merges: [Event], voided: Set<String>) -> [String: String] {
        var parent: [String: String] = [:]
        func root(_ code: String) -> String {
            var current = code
            while let next = parent[current] { current = next }
            return current
        }
        for event in merges.sorted(by: { $0.order < $1.order }) where !voided.contains(event.id) {
            guard case .householdMerged(let keep) = event.body, let other = event.household, other != keep,
                parent[other] == nil, root(keep) != other
            else { continue }
            parent[other] = keep
        }
        var roots: [String: String] = [:]
        for code in parent.keys { roots[code] = root(code) }
        return roots
    }

    /// Merge roots from merge events and the voids among `events`, by the void rule.
    static func links(_ events: [Event]) -> [String: String] {
        let relevant = events.filter { $0.kind == .householdMerged || $0.kind == .eventVoided || $0.kind == .eventCorrected }
        return mergeRoots(effective(relevant.sorted { $0.order < $1.order }).filter { $0.kind == .householdMerged }, voided: [])
    }

    // MARK: Households

    /// Derives one cluster: `root` and the households merged into it, from all their events
    /// (including voids and corrections of them). Nil while the root's registration has not arrived.
    public static func cluster(root: String, events: [Event]) -> ClusterState? {
        fold(root: root, events: events).render()
    }

    /// The fold of `root`'s cluster from all of its events at once: the same fold as event by event, after the void rule.
    static func fold(root: String, events: [Event]) -> HouseholdFold {
        let sorted = events.sorted { $0.order < $1.order }
        var fold = HouseholdFold(root: root)
        for event in effective(sorted) { fold.apply(event) }
        fold.pendingTargets = Set(sorted.compactMap(target(of:))).subtracting(sorted.map(\.id))
        fold.last = sorted.last?.order
        return fold
    }

    /// Every visit of a cluster, oldest first, from its events.
    static func visits(root: String, events: [Event]) -> [VisitState] {
        effective(events.sorted { $0.order < $1.order }).compactMap { visit(root: root, $0) }
    }

    /// A visit as it counts under `root`; nil for any other event.
    static func visit(root: String, _ event: Event) -> VisitState? {
        guard case .visitRecorded(let visit) = event.body else { return nil }
        return VisitState(
            event: event.id, household: root, recordedIn: event.household ?? root, at: event.at, device: event.device,
            volunteer: visit.volunteer, outcome: visit.outcome, consent: visit.consent, help: visit.help,
            procedure: visit.procedure, followUp: visit.followUp, note: visit.note, observations: visit.observations,
            backcheckOf: visit.backcheckOf)
    }

    /// The households of a group linked by merges (or one household alone), from all their events: each root's
    /// fold, with the events of its cluster.
    static func component(_ events: [Event]) -> [(fold: HouseholdFold, events: [Event])] {
        let links = links(events)
        var byRoot: [String: [Event]] = [:]
        for event in events {
            guard let code = event.household else { continue }
            byRoot[links[code] ?? code, default: []].append(event)
        }
        return byRoot.keys.sorted().map { (fold(root: $0, events: byRoot[$0]!), byRoot[$0]!) }
    }

    /// The commune a household code was first registered in, if ever.
    static func registeredCommune(_ code: String, _ events: [Event]) -> CommuneRef? {
        events.filter { $0.household == code && $0.kind == .householdRegistered }.min { $0.order < $1.order }?.commune
    }

    // MARK: Villages

    public struct VillageState: Sendable, Equatable {
        public var name: String
        public var newCommune: String?
    }

    /// The villages of one commune, by folded name: the name first given, and the 2025 commune last assigned.
    static func villages(_ events: [Event]) -> [String: VillageState] {
        var villages: [String: VillageState] = [:]
        for event in effective(events.sorted { $0.order < $1.order }) {
            switch event.body {
            case .villageAdded(let village):
                let key = Folding.fold(village.name)
                villages[key] = VillageState(name: village.name, newCommune: village.newCommune ?? villages[key]?.newCommune)
            case .villageChanged(let village):
                let key = Folding.fold(village.name)
                villages[key] = VillageState(name: villages[key]?.name ?? village.name, newCommune: village.newCommune)
            default: break
            }
        }
        return villages
    }

    // MARK: History

    /// What each household code looked like at the end of each day something changed, from all the events of a
    /// group of households linked by merges (or of one household): the state at the end of day D is what the
    /// events up to then say, voids and merges made by then included.
    static func timelines(_ events: [Event]) -> [String: [TimelinePoint]] {
        let sorted = events.sorted { $0.order < $1.order }
        var timelines: [String: [TimelinePoint]] = [:]
        let simple = !sorted.contains { [.eventVoided, .eventCorrected, .householdMerged].contains($0.kind) }
        if simple, let root = sorted.first?.household {
            // Nothing reaches into the past: one pass, a point at the end of each day.
            var fold = HouseholdFold(root: root)
            var index = 0
            while index < sorted.count {
                let day = sorted[index].at.vietnamDate
                while index < sorted.count, sorted[index].at.vietnamDate == day {
                    fold.apply(sorted[index])
                    index += 1
                }
                Timeline.record(fold.render(), day: day, into: &timelines)
            }
            return timelines
        }
        // Voids, corrections and merges change the past: each day's state from the events up to its end.
        var days: [LocalDate] = []
        for event in sorted where days.last != event.at.vietnamDate { days.append(event.at.vietnamDate) }
        var count = 0
        for day in days {
            while count < sorted.count, sorted[count].at.millis <= day.endMillis { count += 1 }
            let prefix = Array(sorted[..<count])
            var seen = Set<String>()
            for (fold, _) in component(prefix) {
                let state = fold.render()
                state?.households.forEach { seen.insert($0.code) }
                Timeline.record(state, day: day, into: &timelines)
            }
            for code in timelines.keys where !seen.contains(code) { Timeline.record(gone: code, day: day, into: &timelines) }
        }
        return timelines
    }
}
