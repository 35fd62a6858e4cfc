/// What a household looks like now, and why: the state of one household (with any merged into it) as its
/// events are folded in `OrderKey` order. This is the only place that says what each kind of event does to a
/// household; `Derivation` decides which events are folded (voids, corrections, merges) and in what order.
///
/// The store keeps each household's fold between merges: when new events sort after everything folded so far,
/// they are folded onto it; otherwise the household is folded again from all of its events.
public struct HouseholdFold: Sendable, Equatable {
    /// An event whose settings the fold holds: what a conflict or a later change refers to.
    public struct Source: Sendable, Equatable {
        public var at: Moment
        public var device: String
        public var seq: Int64

        /// Made when asked: most folds read back from the store never need it.
        public var id: String { EventRef.text(device: device, seq: seq) }
        var order: OrderKey { OrderKey(millis: at.millis, device: device, seq: seq) }
    }

    /// One field of a household or member: the settings no other setting replaced (its heads, oldest first).
    /// The latest head is the value; heads with different values are a conflict.
    struct Field: Sendable, Equatable {
        struct Head: Sendable, Equatable {
            var source: Int
            var value: FieldValue
        }

        var heads: [Head] = []
        /// The latest setting's value, kept only when every setting was replaced by another (a loop of replaces).
        var fallback: FieldValue?

        var value: FieldValue { heads.last?.value ?? fallback ?? .none }
    }

    struct HouseholdEntry: Sendable, Equatable {
        /// The first registration of this code, and the commune it was registered in.
        var registration: Int?
        var commune: CommuneRef?
        var fields = FieldTable<HouseholdField>()
    }

    struct MemberEntry: Sendable, Equatable {
        /// The first `member.added` of this code; a member observed before it was added has none yet.
        var added: Int?
        var recordedIn: String?
        var fields = FieldTable<MemberField>()
        var abilities = Abilities()
    }

    struct LastVisit: Sendable, Equatable {
        var at: Moment
        var outcome: VisitOutcome
        var volunteer: String
        var followUp: LocalDate?
    }

    /// The household everything counts under.
    public internal(set) var root: String
    var sources: [Source] = []
    var households: [String: HouseholdEntry] = [:]
    var members: [String: MemberEntry] = [:]
    var visits = 0
    var lastVisit: LastVisit?
    var lastActivity: Int64?
    /// The last event folded: a new event that sorts before it means folding again from all events.
    public internal(set) var last: OrderKey?
    /// Ids that voids or corrections of this household name but that have not arrived: when one arrives,
    /// it must be folded again from all events.
    var pendingTargets: Set<String> = []
    /// Per entity and field, ids a setting names as replaced before they were folded: when such a setting
    /// arrives it is not a head, since a setting of the same field already replaced it.
    var dangling: [Entity: [String: Set<String>]] = [:]

    public init(root: String) { self.root = root }

    /// Whether `event` can be folded onto this state as it stands, rather than folding all events again.
    func canFold(_ event: Event) -> Bool {
        if let last, !(last < event.order) { return false }
        switch event.kind {
        case .eventVoided, .eventCorrected, .householdMerged: return false
        default: break
        }
        return pendingTargets.isEmpty || !pendingTargets.contains(event.id)
    }

    /// Folds one event, which sorts after every event folded so far. Voids and corrections are not folded:
    /// `Derivation` applies them to the list of events first.
    mutating func apply(_ event: Event) {
        last = event.order
        lastActivity = event.at.millis
        guard let code = event.household else { return }
        switch event.body {
        case .householdRegistered(let data):
            guard households[code]?.registration == nil else { break }
            let source = record(event)
            households[code, default: HouseholdEntry()].registration = source
            households[code]!.commune = event.commune
            setHousehold(code, data.fieldList, replaces: [], source: source)
        case .householdChanged(let change):
            setHousehold(code, change.set, replaces: change.replaces, source: record(event))
        case .memberAdded(let data):
            guard let member = event.member else { break }
            let source = record(event)
            if members[member]?.added == nil {
                members[member, default: MemberEntry()].added = source
                members[member]!.recordedIn = code
            }
            setMember(member, data.fieldList, replaces: [], source: source)
        case .memberChanged(let change):
            guard let member = event.member else { break }
            setMember(member, change.set, replaces: change.replaces, source: record(event))
        case .visitRecorded(let visit):
            visits += 1
            lastVisit = LastVisit(at: event.at, outcome: visit.outcome, volunteer: visit.volunteer, followUp: visit.followUp)
            for observation in visit.observations {
                members[observation.member, default: MemberEntry()].abilities.apply(observation, at: event.at)
            }
            if let consent = visit.consent {
                setHousehold(code, [.consent: .flag(consent)], replaces: visit.replaces, source: record(event))
            }
        // A review of an audit flag is about no household (it carries none) and changes no figure.
        case .householdMerged, .villageAdded, .villageChanged, .eventVoided, .eventCorrected, .deviceCopied, .flagReviewed:
            break
        }
    }

    /// Which entity a setting is for: a household code or a member code.
    enum Entity: Hashable, Sendable {
        case household(String)
        case member(String)
    }

    private mutating func record(_ event: Event) -> Int {
        sources.append(Source(at: event.at, device: event.device, seq: event.seq))
        return sources.count - 1
    }

    /// A setting of some fields: it replaces the heads it names, and becomes a head of each field it sets unless a
    /// setting of that field already named it (a per-field union of replaces, whatever the order they arrive in).
    private mutating func setHousehold<Values: Sequence<(key: HouseholdField, value: FieldValue)>>(
        _ code: String, _ values: Values, replaces: [String], source: Int
    ) {
        var entry = households.removeValue(forKey: code) ?? HouseholdEntry()
        var named = dangling.removeValue(forKey: .household(code)) ?? [:]
        Self.set(values, replaces: replaces, source: source, sources: sources, fields: &entry.fields, named: &named)
        households[code] = entry
        if !named.isEmpty { dangling[.household(code)] = named }
    }

    private mutating func setMember<Values: Sequence<(key: MemberField, value: FieldValue)>>(
        _ code: String, _ values: Values, replaces: [String], source: Int
    ) {
        var entry = members.removeValue(forKey: code) ?? MemberEntry()
        var named = dangling.removeValue(forKey: .member(code)) ?? [:]
        Self.set(values, replaces: replaces, source: source, sources: sources, fields: &entry.fields, named: &named)
        members[code] = entry
        if !named.isEmpty { dangling[.member(code)] = named }
    }

    private static func set<F: EntityField, Values: Sequence<(key: F, value: FieldValue)>>(
        _ values: Values, replaces: [String], source: Int, sources: [Source], fields: inout FieldTable<F>,
        named: inout [String: Set<String>]
    ) {
        // The usual setting replaces nothing and was named by no setting before: it only becomes a head.
        if replaces.isEmpty, named.isEmpty {
            for (field, value) in values {
                var current = fields[field] ?? Field()
                current.heads.append(Field.Head(source: source, value: value))
                current.fallback = nil
                fields[field] = current
            }
            return
        }
        let own = sources[source].id
        let ids = replaces.isEmpty ? [] : sources.map(\.id)
        let unknown = replaces.isEmpty ? [] : Set(replaces).subtracting(ids)
        for (field, value) in values {
            var current = fields[field] ?? Field()
            if !replaces.isEmpty { current.heads.removeAll { replaces.contains(ids[$0.source]) } }
            var replacedBefore = named[field.rawValue] ?? []
            if replacedBefore.remove(own) == nil, !replaces.contains(own) {
                current.heads.append(Field.Head(source: source, value: value))
            }
            replacedBefore.formUnion(unknown)
            named[field.rawValue] = replacedBefore.isEmpty ? nil : replacedBefore
            current.fallback = current.heads.isEmpty ? value : nil
            fields[field] = current
        }
    }

    // MARK: What the fold says

    /// The ids of the settings of these fields that the state shows now: a change replaces all of them.
    public func heads(household code: String, fields: Set<HouseholdField>) -> [String] {
        headIDs(fields.compactMap { households[code]?.fields[$0] })
    }

    public func heads(member code: String, fields: Set<MemberField>) -> [String] {
        headIDs(fields.compactMap { members[code]?.fields[$0] })
    }

    private func headIDs(_ fields: [Field]) -> [String] {
        Set(fields.flatMap { $0.heads.map { sources[$0.source].id } }).sorted()
    }

    /// The event that added a member, if it has been folded.
    public func addedBy(member code: String) -> String? { members[code]?.added.map { sources[$0].id } }

    /// What the root counts for now, as its timeline records it; nil until it is registered. The same figures as
    /// `Timeline.record(render())` for a household in no merge, without building the whole state.
    func point(day: Int64) -> TimelinePoint? {
        guard let entry = households[root], entry.registration != nil else { return nil }
        let village = entry.fields[.village]?.value.text ?? ""
        let moved = lastVisit?.outcome == .moved
        var present: [TimelinePoint.Member] = []
        var covered = false
        // By code, without copying the entries to sort them.
        for code in members.keys.sorted() {
            guard let member = members[code], member.added != nil else { continue }
            let status = member.fields[.status]?.value.text.flatMap(MemberStatus.init(rawValue:)) ?? .present
            guard status == .present else { continue }
            if CoverageRule.isAble(member.abilities) { covered = true }
            present.append(
                TimelinePoint.Member(
                    birthYear: member.fields[.birthYear]?.value.number ?? 0, dvctt: member.abilities.dvctt == true,
                    level2: member.abilities.vneid == .level2))
        }
        return TimelinePoint(
            day: day, counted: !moved, village: village, visited: visits > 0, covered: covered,
            lastVisitDay: lastVisit?.at.vietnamDay, lastVolunteer: lastVisit?.volunteer,
            lastActivity: lastActivity ?? sources[entry.registration!].at.millis, members: moved ? [] : present)
    }

    /// Whether any field has settings that disagree.
    var hasConflicts: Bool {
        func disagree<F>(_ fields: FieldTable<F>) -> Bool {
            fields.contains { _, field in field.heads.contains { $0.value != field.heads[0].value } }
        }
        return households.values.contains { disagree($0.fields) } || members.values.contains { disagree($0.fields) }
    }

    /// The household, its members and the merged households, as the events say; nil until the root is registered.
    public func render() -> ClusterState? {
        guard let rootEntry = households[root], let rootRegistration = rootEntry.registration else { return nil }
        let members = renderMembers()
        // Sorted once, at the end.
        var conflicts: [FieldConflict] = []
        for (code, entry) in self.members where entry.added != nil {
            conflicts += fieldConflicts(entry.fields, entity: .member, code: code)
        }
        let current = members.filter { $0.status == .present }.map { (code: $0.code, abilities: $0.abilities) }
        let coverage = CoverageRule.evaluate(current)
        let moved = lastVisit?.outcome == .moved
        var households: [HouseholdState] = []
        let others = self.households.compactMap { $0.key != root && $0.value.registration != nil ? $0.key : nil }.sorted()
        for code in [root] + others {
            let entry = self.households[code]!
            let registration = sources[entry.registration!]
            let isRoot = code == root
            households.append(
                HouseholdState(
                    code: code, commune: entry.commune!, village: entry.fields[value: .village]?.text ?? "", headName: entry.fields[value: .headName]?.text,
                    address: entry.fields[value: .address]?.text, phone: entry.fields[value: .phone]?.text, declaredMembers: entry.fields[value: .declaredMembers]?.number,
                    note: entry.fields[value: .note]?.text, consent: entry.fields[value: .consent]?.flag ?? false,
                    consentAsked: entry.fields[.consent]?.heads.contains { $0.source != entry.registration } ?? false, registeredAt: registration.at,
                    registeredBy: registration.device, mergedInto: isRoot ? nil : root, moved: isRoot && moved,
                    coverage: isRoot ? coverage : CoverageRule.Coverage(covered: false, closestMember: nil, gaps: []),
                    lastActivity: isRoot ? Moment(millis: lastActivity ?? registration.at.millis) : registration.at))
            conflicts += fieldConflicts(entry.fields, entity: .household, code: code)
        }
        _ = rootRegistration
        return ClusterState(
            households: households, members: members, visitCount: visits,
            lastVisit: lastVisit.map { ClusterState.LastVisit(at: $0.at, outcome: $0.outcome, volunteer: $0.volunteer, followUp: $0.followUp) },
            conflicts: conflicts.sorted { ($0.code, $0.field) < ($1.code, $1.field) })
    }

    /// The members `render()` gives, in the order of their codes, without the rest of the state.
    func renderMembers() -> [MemberState] {
        var states: [MemberState] = []
        states.reserveCapacity(members.count)
        for code in members.keys.sorted() {
            guard let entry = members[code], let added = entry.added else { continue }
            states.append(
                MemberState(
                    code: code, household: root, recordedIn: entry.recordedIn ?? root, name: entry.fields[value: .name]?.text,
                    birthYear: entry.fields[value: .birthYear]?.number ?? 0, sex: entry.fields[value: .sex]?.text.flatMap(Sex.init(rawValue:)),
                    relation: entry.fields[value: .relation]?.text,
                    status: entry.fields[value: .status]?.text.flatMap(MemberStatus.init(rawValue:)) ?? .present,
                    abilities: entry.abilities, able: CoverageRule.isAble(entry.abilities), addedAt: sources[added].at))
        }
        return states
    }

    /// What the root's member rows take from it (`MemberRecord`), as `render()` gives it; nil until it is registered.
    func rootForMembers() -> (commune: CommuneRef, village: String, consent: Bool, moved: Bool)? {
        guard let entry = households[root], entry.registration != nil, let commune = entry.commune else { return nil }
        return (commune, entry.fields[value: .village]?.text ?? "", entry.fields[value: .consent]?.flag ?? false, lastVisit?.outcome == .moved)
    }

    private func fieldConflicts<F: EntityField>(_ fields: FieldTable<F>, entity: FieldConflict.Entity, code: String) -> [FieldConflict] {
        fields.compactMap { field, state in
            guard let first = state.heads.first?.value, state.heads.contains(where: { $0.value != first }) else { return nil }
            return FieldConflict(
                entity: entity, code: code, household: root, field: field.rawValue,
                candidates: state.heads.map { head in
                    let source = sources[head.source]
                    return FieldConflict.Candidate(event: source.id, device: source.device, at: source.at, value: head.value)
                },
                chosen: state.value)
        }
    }
}

/// One household's or member's fields, in slots by position: folding looks a field up at every setting, and a
/// dictionary hashed its key each time. Iterates the fields that are set, in position order.
struct FieldTable<F: EntityField>: Sendable, Equatable, Sequence {
    private var slots: [HouseholdFold.Field?] = []

    subscript(field: F) -> HouseholdFold.Field? {
        get { field.position < slots.count ? slots[field.position] : nil }
        set {
            if slots.isEmpty { slots = Array(repeating: nil, count: F.allCases.count) }
            slots[field.position] = newValue
        }
    }

    /// The field's value, when it has been set.
    subscript(value field: F) -> FieldValue? { self[field]?.value }

    var count: Int { slots.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

    func makeIterator() -> Iterator { Iterator(slots: slots) }

    struct Iterator: IteratorProtocol {
        fileprivate let slots: [HouseholdFold.Field?]
        private var position = 0

        fileprivate init(slots: [HouseholdFold.Field?]) { self.slots = slots }

        mutating func next() -> (key: F, value: HouseholdFold.Field)? {
            while position < slots.count {
                defer { position += 1 }
                if let field = slots[position], let key = F(position: position) { return (key, field) }
            }
            return nil
        }
    }

    static func == (lhs: Self, rhs: Self) -> Bool {
        F.allCases.allSatisfy { lhs[$0] == rhs[$0] }
    }
}
