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

public struct ClusterState: Sendable, Equatable {
    /// The household everything counts under, then those merged into it.
    public var households: [HouseholdState]
    public var members: [MemberState]
    public var visits: [VisitState]
    public var conflicts: [FieldConflict]

    public var root: HouseholdState { households[0] }
}

/// The one place where events become households, members, visits and coverage.
/// The same set of events gives the same state, whatever order the events arrived in.
public enum Derivation {
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

    /// Derives one cluster: `root` and the households merged into it, from all their events
    /// (including voids and corrections of them). Nil while the root's registration has not arrived.
    public static func cluster(root: String, events: [Event]) -> ClusterState? {
        let sorted = events.sorted { $0.order < $1.order }
        let effective = applyVoidsAndCorrections(sorted)

        var registrations: [String: Event] = [:]
        for event in effective {
            if case .householdRegistered = event.body, let code = event.household, registrations[code] == nil {
                registrations[code] = event
            }
        }
        guard registrations[root] != nil else { return nil }

        let visitEvents = effective.filter { $0.kind == .visitRecorded }
        var latestVisit: Event? { visitEvents.last }

        // Members, from every household of the cluster.
        var memberSetters: [String: [Setter<MemberField>]] = [:]
        var memberAdded: [String: Event] = [:]
        for event in effective {
            guard let member = event.member else { continue }
            switch event.body {
            case .memberAdded(let data):
                if memberAdded[member] == nil { memberAdded[member] = event }
                memberSetters[member, default: []].append(Setter(event: event, values: data.fields, replaces: []))
            case .memberChanged(let change):
                memberSetters[member, default: []].append(Setter(event: event, values: change.set, replaces: change.replaces))
            default: break
            }
        }
        var abilities: [String: Abilities] = [:]
        for event in visitEvents {
            guard case .visitRecorded(let visit) = event.body else { continue }
            for observation in visit.observations where memberAdded[observation.member] != nil {
                abilities[observation.member, default: Abilities()].apply(observation, at: event.at)
            }
        }
        var conflicts: [FieldConflict] = []
        var members: [MemberState] = []
        for (code, added) in memberAdded.sorted(by: { $0.key < $1.key }) {
            let resolved = resolve(memberSetters[code] ?? [])
            let values = resolved.values
            let state = MemberState(
                code: code, household: root, recordedIn: added.household ?? root, name: values[.name]?.text,
                birthYear: values[.birthYear]?.number ?? 0, sex: values[.sex]?.text.flatMap(Sex.init(rawValue:)),
                relation: values[.relation]?.text,
                status: values[.status]?.text.flatMap(MemberStatus.init(rawValue:)) ?? .present,
                abilities: abilities[code] ?? Abilities(),
                able: CoverageRule.isAble(abilities[code] ?? Abilities()), addedAt: added.at)
            members.append(state)
            conflicts += resolved.conflicts.map { field, candidates in
                FieldConflict(entity: .member, code: code, household: root, field: field.rawValue, candidates: candidates, chosen: values[field] ?? .none)
            }
        }

        let current = members.filter { $0.status == .present }.map { (code: $0.code, abilities: $0.abilities) }
        let coverage = CoverageRule.evaluate(current)
        let lastActivity = effective.map(\.at).max() ?? registrations[root]!.at

        var households: [HouseholdState] = []
        for code in [root] + registrations.keys.filter({ $0 != root }).sorted() {
            let registration = registrations[code]!
            var setters: [Setter<HouseholdField>] = []
            for event in effective where event.household == code {
                switch event.body {
                case .householdRegistered(let data) where event.id == registration.id:
                    setters.append(Setter(event: event, values: data.fields, replaces: []))
                case .householdChanged(let change):
                    setters.append(Setter(event: event, values: change.set, replaces: change.replaces))
                case .visitRecorded(let visit):
                    if let consent = visit.consent {
                        setters.append(Setter(event: event, values: [.consent: .flag(consent)], replaces: visit.replaces))
                    }
                default: break
                }
            }
            let resolved = resolve(setters)
            let values = resolved.values
            let isRoot = code == root
            households.append(
                HouseholdState(
                    code: code, commune: registration.commune, village: values[.village]?.text ?? "",
                    headName: values[.headName]?.text, address: values[.address]?.text, phone: values[.phone]?.text,
                    declaredMembers: values[.declaredMembers]?.number, note: values[.note]?.text,
                    consent: values[.consent]?.flag ?? false, registeredAt: registration.at, registeredBy: registration.device,
                    mergedInto: isRoot ? nil : root,
                    moved: isRoot && latestVisit.map { event in
                        if case .visitRecorded(let visit) = event.body { return visit.outcome == .moved }
                        return false
                    } ?? false,
                    coverage: isRoot ? coverage : CoverageRule.Coverage(covered: false, closestMember: nil, gaps: []),
                    lastActivity: isRoot ? lastActivity : registration.at))
            conflicts += resolved.conflicts.map { field, candidates in
                FieldConflict(entity: .household, code: code, household: root, field: field.rawValue, candidates: candidates, chosen: values[field] ?? .none)
            }
        }

        let visits: [VisitState] = visitEvents.compactMap { event in
            guard case .visitRecorded(let visit) = event.body else { return nil }
            return VisitState(
                event: event.id, household: root, recordedIn: event.household ?? root, at: event.at, device: event.device,
                volunteer: visit.volunteer, outcome: visit.outcome, consent: visit.consent, help: visit.help,
                procedure: visit.procedure, followUp: visit.followUp, note: visit.note, observations: visit.observations)
        }
        return ClusterState(
            households: households, members: members, visits: visits,
            conflicts: conflicts.sorted { ($0.code, $0.field) < ($1.code, $1.field) })
    }

    /// Drops voided events and puts each correction's content in place of the event it corrects.
    static func applyVoidsAndCorrections(_ sorted: [Event]) -> [Event] {
        let actions = Set(sorted.filter { $0.kind == .eventVoided || $0.kind == .eventCorrected }.map(\.id))
        var voided = Set<String>()
        for event in sorted {
            if case .eventVoided(let target, _) = event.body, !actions.contains(target) { voided.insert(target) }
        }
        var corrections: [String: EventBody] = [:]
        for event in sorted where !voided.contains(event.id) {
            if case .eventCorrected(let target, let replacement) = event.body { corrections[target] = replacement }
        }
        return sorted.compactMap { event in
            if voided.contains(event.id) || actions.contains(event.id) { return nil }
            guard let replacement = corrections[event.id] else { return event }
            guard replacement.kind == event.kind else { return event }
            var corrected = event
            corrected.body = replacement
            return corrected
        }
    }

    /// The settings of `field` that no other setting replaces, oldest first.
    static func heads<Field: EntityField>(_ setters: [Setter<Field>], field: Field) -> [Setter<Field>] {
        let relevant = setters.filter { $0.values[field] != nil }
        let replaced = Set(relevant.flatMap(\.replaces))
        return relevant.filter { !replaced.contains($0.event.id) }.sorted { $0.event.order < $1.event.order }
    }

    /// The ids a new setting of `fields` must name as replaced, so that it is not a conflict.
    static func heads<Field: EntityField>(_ setters: [Setter<Field>], fields: Set<Field>) -> [String] {
        Set(fields.flatMap { heads(setters, field: $0).map(\.event.id) }).sorted()
    }

    struct Setter<Field: EntityField> {
        var event: Event
        var values: [Field: FieldValue]
        var replaces: [String]
    }

    /// Per field: the settings no other setting replaced are its heads; the latest head wins,
    /// and heads with different values are a conflict.
    static func resolve<Field: EntityField>(_ setters: [Setter<Field>]) -> (
        values: [Field: FieldValue], conflicts: [(Field, [FieldConflict.Candidate])]
    ) {
        // Most entities were set once and never changed: nothing to weigh.
        if setters.count == 1 { return (setters[0].values, []) }
        var values: [Field: FieldValue] = [:]
        var conflicts: [(Field, [FieldConflict.Candidate])] = []
        for field in Field.allCases {
            let relevant = setters.filter { $0.values[field] != nil }
            guard !relevant.isEmpty else { continue }
            let current = heads(relevant, field: field)
            let winner = current.last ?? relevant.max(by: { $0.event.order < $1.event.order })!
            values[field] = winner.values[field]!
            if Set(current.map { $0.values[field]! }).count > 1 {
                conflicts.append(
                    (field, current.map { FieldConflict.Candidate(event: $0.event.id, device: $0.event.device, at: $0.event.at, value: $0.values[field]!) }))
            }
        }
        return (values, conflicts)
    }
}
