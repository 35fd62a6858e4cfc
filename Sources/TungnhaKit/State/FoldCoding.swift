/// The fold and the timeline as compact bytes (`BinaryCoding.swift`), written and read back field by field.
extension FieldValue {
    func write(to out: inout BinaryWriter) {
        switch self {
        case .none: out.bytes.append(0)
        case .text(let text):
            out.bytes.append(1)
            out.string(text)
        case .number(let number):
            out.bytes.append(2)
            out.signed(Int64(number))
        case .flag(let flag): out.bytes.append(flag ? 3 : 4)
        }
    }

    static func read<Bytes>(_ input: inout BinaryReader<Bytes>) throws -> FieldValue {
        switch try input.byte() {
        case 0: return .none
        case 1: return .text(try input.string())
        case 2:
            let number = try input.signed()
            guard let value = Int(exactly: number) else { throw DamagedBytes() }
            return .number(value)
        case 3: return .flag(true)
        case 4: return .flag(false)
        default: throw DamagedBytes()
        }
    }
}

extension Optional where Wrapped == Bool {
    /// nil, false, true as 0, 1, 2.
    var code: UInt8 { self == nil ? 0 : self! ? 2 : 1 }

    init(code: UInt8) throws {
        switch code {
        case 0: self = nil
        case 1: self = false
        case 2: self = true
        default: throw DamagedBytes()
        }
    }
}

extension HouseholdFold {
    static let codingVersion: UInt8 = 2

    func encoded() -> [UInt8] {
        var out = BinaryWriter()
        out.bytes.reserveCapacity(512)
        out.bytes.append(Self.codingVersion)
        out.string(root)
        out.flag(last != nil)
        if let last {
            out.signed(last.millis)
            out.string(last.device)
            out.signed(last.seq)
        }
        // A household's events come from a few devices: a list searched in order costs less than hashing each id.
        var devices: [String] = []
        for source in sources where !devices.contains(source.device) { devices.append(source.device) }
        out.count(devices.count)
        for device in devices { out.string(device) }
        out.count(sources.count)
        for source in sources {
            // Its id is its device and number: not written twice.
            out.moment(source.at)
            out.count(devices.firstIndex(of: source.device)!)
            out.signed(source.seq)
        }
        out.count(households.count)
        for (code, entry) in households.sorted(by: { $0.key < $1.key }) {
            out.string(code)
            out.count((entry.registration ?? -1) + 1)
            out.flag(entry.commune != nil)
            if let commune = entry.commune {
                out.flag(commune.scheme == .pre2025)
                out.string(commune.code)
            }
            Self.write(entry.fields, to: &out)
        }
        out.count(members.count)
        for (code, entry) in members.sorted(by: { $0.key < $1.key }) {
            out.string(code)
            out.count((entry.added ?? -1) + 1)
            out.optionalString(entry.recordedIn)
            Self.write(entry.fields, to: &out)
            let abilities = entry.abilities
            out.count(abilities.vneid.map { VneidStatus.allCases.firstIndex(of: $0)! + 1 } ?? 0)
            out.bytes.append(contentsOf: [abilities.login.code, abilities.dvctt.code, abilities.paidOnline.code, abilities.smartphone.code])
            out.flag(abilities.observedAt != nil)
            if let at = abilities.observedAt { out.moment(at) }
        }
        out.count(visits)
        out.flag(lastVisit != nil)
        if let lastVisit {
            out.moment(lastVisit.at)
            out.count(VisitOutcome.allCases.firstIndex(of: lastVisit.outcome)!)
            out.string(lastVisit.volunteer)
            out.flag(lastVisit.followUp != nil)
            if let day = lastVisit.followUp { out.signed(day.daysSinceEpoch) }
        }
        out.flag(lastActivity != nil)
        if let lastActivity { out.signed(lastActivity) }
        out.count(pendingTargets.count)
        for id in pendingTargets.sorted() { out.id(id) }
        let danglingFields = dangling.flatMap { entity, fields in fields.map { (entity, $0.key, $0.value) } }
        out.count(danglingFields.count)
        for (entity, field, ids) in danglingFields {
            switch entity {
            case .household(let code):
                out.flag(false)
                out.string(code)
            case .member(let code):
                out.flag(true)
                out.string(code)
            }
            out.string(field)
            out.count(ids.count)
            for id in ids.sorted() { out.id(id) }
        }
        return out.bytes
    }

    private static func write<F: EntityField>(_ fields: FieldTable<F>, to out: inout BinaryWriter) {
        out.count(fields.count)
        for (field, state) in fields {
            out.count(field.position)
            out.count(state.heads.count)
            for head in state.heads {
                out.count(head.source)
                head.value.write(to: &out)
            }
            out.flag(state.fallback != nil)
            state.fallback?.write(to: &out)
        }
    }

    static func decode(_ bytes: [UInt8]) throws -> HouseholdFold {
        var input = BinaryReader(bytes)
        guard try input.byte() == codingVersion else { throw DamagedBytes() }
        var fold = HouseholdFold(root: try input.string())
        if try input.flag() { fold.last = OrderKey(millis: try input.signed(), device: try input.string(), seq: try input.signed()) }
        var devices: [String] = []
        for _ in 0..<(try input.count()) { devices.append(try input.string()) }
        for _ in 0..<(try input.count()) {
            let at = try input.moment()
            let device = try input.choice(devices)
            let seq = try input.signed()
            fold.sources.append(Source(at: at, device: device, seq: seq))
        }
        func source() throws -> Int? {
            let raw = try input.number()
            guard raw <= fold.sources.count else { throw DamagedBytes() }
            return raw == 0 ? nil : raw - 1
        }
        for _ in 0..<(try input.count()) {
            let code = try input.string()
            var entry = HouseholdEntry()
            entry.registration = try source()
            if try input.flag() {
                let scheme: Scheme = try input.flag() ? .pre2025 : .y2025
                entry.commune = CommuneRef(code: try input.string(), scheme: scheme)
            }
            entry.fields = try readFields(&input, sources: fold.sources.count)
            fold.households[code] = entry
        }
        for _ in 0..<(try input.count()) {
            let code = try input.string()
            var entry = MemberEntry()
            entry.added = try source()
            entry.recordedIn = try input.optionalString()
            entry.fields = try readFields(&input, sources: fold.sources.count)
            let vneid = try input.number()
            guard vneid <= VneidStatus.allCases.count else { throw DamagedBytes() }
            entry.abilities.vneid = vneid == 0 ? nil : VneidStatus.allCases[vneid - 1]
            entry.abilities.login = try Bool?(code: try input.byte())
            entry.abilities.dvctt = try Bool?(code: try input.byte())
            entry.abilities.paidOnline = try Bool?(code: try input.byte())
            entry.abilities.smartphone = try Bool?(code: try input.byte())
            if try input.flag() { entry.abilities.observedAt = try input.moment() }
            fold.members[code] = entry
        }
        fold.visits = try input.number()
        if try input.flag() {
            let at = try input.moment()
            let outcome = try input.choice(VisitOutcome.allCases)
            let volunteer = try input.string()
            let followUp = try input.flag() ? LocalDate(daysSinceEpoch: try input.signed()) : nil
            fold.lastVisit = LastVisit(at: at, outcome: outcome, volunteer: volunteer, followUp: followUp)
        }
        if try input.flag() { fold.lastActivity = try input.signed() }
        for _ in 0..<(try input.count()) { fold.pendingTargets.insert(try input.id()) }
        for _ in 0..<(try input.count()) {
            let isMember = try input.flag()
            let code = try input.string()
            let entity: Entity = isMember ? .member(code) : .household(code)
            let field = try input.string()
            var ids = Set<String>()
            for _ in 0..<(try input.count()) { ids.insert(try input.id()) }
            fold.dangling[entity, default: [:]][field] = ids
        }
        guard input.index == bytes.count else { throw DamagedBytes() }
        return fold
    }

    private static func readFields<F: EntityField, Bytes>(_ input: inout BinaryReader<Bytes>, sources: Int) throws -> FieldTable<F> {
        var fields = FieldTable<F>()
        for _ in 0..<(try input.count()) {
            guard let field = F(position: try input.number()) else { throw DamagedBytes() }
            var state = Field()
            let heads = try input.count()
            state.heads.reserveCapacity(heads)
            for _ in 0..<heads {
                let source = try input.number()
                guard source < sources else { throw DamagedBytes() }
                state.heads.append(Field.Head(source: source, value: try FieldValue.read(&input)))
            }
            if try input.flag() { state.fallback = try FieldValue.read(&input) }
            fields[field] = state
        }
        return fields
    }
}

extension Timeline {
    static let codingVersion: UInt8 = 1

    static func encode(_ points: [TimelinePoint]) -> [UInt8] {
        var out = BinaryWriter()
        out.bytes.append(codingVersion)
        out.count(points.count)
        var previous: TimelinePoint?
        for point in points {
            out.signed(point.day &- (previous?.day ?? 0))
            let villageChanged = point.village != previous?.village
            let volunteerChanged = point.lastVolunteer != previous?.lastVolunteer
            var flags: UInt8 = 0
            if point.counted { flags |= 1 }
            if point.visited { flags |= 2 }
            if point.covered { flags |= 4 }
            if point.lastVisitDay != nil { flags |= 8 }
            if villageChanged { flags |= 16 }
            if volunteerChanged { flags |= 32 }
            out.bytes.append(flags)
            if villageChanged { out.string(point.village) }
            if volunteerChanged { out.optionalString(point.lastVolunteer) }
            if let day = point.lastVisitDay { out.signed(day &- point.day) }
            out.signed(point.lastActivity &- (previous?.lastActivity ?? 0))
            out.count(point.members.count)
            for member in point.members {
                out.signed(Int64(member.birthYear) &- 2000)
                out.bytes.append((member.dvctt ? 1 : 0) | (member.level2 ? 2 : 0))
            }
            previous = point
        }
        return out.bytes
    }

    static func decode(_ bytes: [UInt8]) throws -> [TimelinePoint] {
        var input = BinaryReader(bytes)
        guard try input.byte() == codingVersion else { throw DamagedBytes() }
        var points: [TimelinePoint] = []
        let count = try input.count()
        points.reserveCapacity(count)
        var previous: TimelinePoint?
        for _ in 0..<count {
            let day = (previous?.day ?? 0) &+ (try input.signed())
            let flags = try input.byte()
            let village = flags & 16 != 0 ? try input.string() : previous?.village ?? ""
            let volunteer = flags & 32 != 0 ? try input.optionalString() : previous?.lastVolunteer
            let lastVisitDay = flags & 8 != 0 ? day &+ (try input.signed()) : nil
            let lastActivity = (previous?.lastActivity ?? 0) &+ (try input.signed())
            var members: [TimelinePoint.Member] = []
            let memberCount = try input.count()
            members.reserveCapacity(memberCount)
            for _ in 0..<memberCount {
                let born = try input.signed() &+ 2000
                guard let birthYear = Int(exactly: born) else { throw DamagedBytes() }
                let abilities = try input.byte()
                members.append(TimelinePoint.Member(birthYear: birthYear, dvctt: abilities & 1 != 0, level2: abilities & 2 != 0))
            }
            let point = TimelinePoint(
                day: day, counted: flags & 1 != 0, village: village, visited: flags & 2 != 0, covered: flags & 4 != 0,
                lastVisitDay: lastVisitDay, lastVolunteer: volunteer, lastActivity: lastActivity, members: members)
            points.append(point)
            previous = point
        }
        guard input.index == bytes.count else { throw DamagedBytes() }
        return points
    }
}
