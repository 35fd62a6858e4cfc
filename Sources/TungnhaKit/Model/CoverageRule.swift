/// The coverage rule, written once. A member is *able* when the latest observation of each of these
/// says so: a VNeID account activated (level 1 or 2), logs in unaided, has completed an online public
/// service procedure unaided. A household is *covered* when at least one current member is able.
public enum CoverageRule {
    public static func isAble(_ member: Abilities) -> Bool { gaps(member).isEmpty }

    /// What keeps a member from being able, in the order a volunteer helps with it.
    public static func gaps(_ member: Abilities) -> [Gap] {
        var gaps: [Gap] = []
        switch member.vneid {
        case nil, .none?: gaps.append(.noAccount)
        case .pending?: gaps.append(.notActivated)
        case .level1?, .level2?: break
        }
        if member.login != true { gaps.append(.cannotLogIn) }
        if member.dvctt != true { gaps.append(.noProcedure) }
        return gaps
    }

    /// Covered, or else the current member closest to able (fewest gaps, then code) and what they lack.
    public static func evaluate(_ members: [(code: String, abilities: Abilities)]) -> Coverage {
        guard !members.isEmpty else { return Coverage(covered: false, closestMember: nil, gaps: [.noMembers]) }
        var best: (code: String, gaps: [Gap])?
        for member in members.sorted(by: { $0.code < $1.code }) {
            let gaps = gaps(member.abilities)
            if gaps.isEmpty { return Coverage(covered: true, closestMember: member.code, gaps: []) }
            if best == nil || gaps.count < best!.gaps.count { best = (member.code, gaps) }
        }
        return Coverage(covered: false, closestMember: best?.code, gaps: best?.gaps ?? [])
    }

    public enum Gap: String, Sendable, Codable, CaseIterable {
        case noMembers = "no-members"
        case noAccount = "no-account"
        case notActivated = "not-activated"
        case cannotLogIn = "cannot-log-in"
        case noProcedure = "no-procedure"
    }

    public struct Coverage: Sendable, Equatable {
        public var covered: Bool
        public var closestMember: String?
        public var gaps: [Gap]
    }
}

/// The latest observation of each ability of one member; nil when never observed.
public struct Abilities: Sendable, Equatable {
    public var vneid: VneidStatus?
    public var login: Bool?
    public var dvctt: Bool?
    public var paidOnline: Bool?
    public var smartphone: Bool?
    /// When any of these was last observed.
    public var observedAt: Moment?

    public init(
        vneid: VneidStatus? = nil, login: Bool? = nil, dvctt: Bool? = nil, paidOnline: Bool? = nil, smartphone: Bool? = nil,
        observedAt: Moment? = nil
    ) {
        self.vneid = vneid
        self.login = login
        self.dvctt = dvctt
        self.paidOnline = paidOnline
        self.smartphone = smartphone
        self.observedAt = observedAt
    }

    /// Folds in a later observation: what it checked replaces what was known.
    public mutating func apply(_ observation: Observation, at moment: Moment) {
        if let value = observation.vneid { vneid = value }
        if let value = observation.login { login = value }
        if let value = observation.dvctt { dvctt = value }
        if let value = observation.paidOnline { paidOnline = value }
        if let value = observation.smartphone { smartphone = value }
        observedAt = moment
    }
}
