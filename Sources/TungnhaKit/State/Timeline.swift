/// What one household counted for at the end of a day: the figures a report adds up.
/// A household's timeline holds a point for each day on which any of these changed.
public struct TimelinePoint: Sendable, Equatable {
    public struct Member: Sendable, Equatable {
        public var birthYear: Int
        public var dvctt: Bool
        public var level2: Bool
    }

    /// The day, as days since 1970-01-01 in Vietnam.
    public var day: Int64
    /// Registered, counted under its own code (not merged into another) and not moved away.
    public var counted: Bool
    public var village: String
    public var visited: Bool
    public var covered: Bool
    public var lastVisitDay: Int64?
    public var lastVolunteer: String?
    public var lastActivity: Int64
    /// Its current members when counted; none otherwise.
    public var members: [Member]

    /// The same figures, whatever the day.
    func sameFigures(as other: TimelinePoint) -> Bool {
        var copy = other
        copy.day = day
        return copy == self
    }
}

/// Writing and reading timelines: the history `--as-of` and the weekly trend read instead of replaying events.
enum Timeline {
    /// Adds the points of a cluster's state at the end of `day`; a point equal to the one before is left out,
    /// and a later point of the same day replaces the earlier.
    static func record(_ state: ClusterState?, day: LocalDate, into timelines: inout [String: [TimelinePoint]]) {
        guard let state else { return }
        let present = state.members.filter { $0.status == .present }.map {
            TimelinePoint.Member(birthYear: $0.birthYear, dvctt: $0.abilities.dvctt == true, level2: $0.abilities.vneid == .level2)
        }
        for household in state.households {
            let isRoot = household.mergedInto == nil
            let counted = isRoot && !household.moved
            let point = TimelinePoint(
                day: day.daysSinceEpoch, counted: counted, village: household.village,
                visited: isRoot && state.visitCount > 0, covered: household.coverage.covered,
                lastVisitDay: isRoot ? state.lastVisit?.at.vietnamDay : nil,
                lastVolunteer: isRoot ? state.lastVisit?.volunteer : nil, lastActivity: household.lastActivity.millis,
                members: counted ? present : [])
            append(point, to: &timelines[household.code, default: []])
        }
    }

    /// A household that no longer stands (its registration voided): it counts for nothing from `day` on.
    static func record(gone code: String, day: LocalDate, into timelines: inout [String: [TimelinePoint]]) {
        guard let last = timelines[code]?.last else { return }
        var point = last
        point.day = day.daysSinceEpoch
        point.counted = false
        point.members = []
        append(point, to: &timelines[code, default: []])
    }

    static func append(_ point: TimelinePoint, to points: inout [TimelinePoint]) {
        if let last = points.last, last.day == point.day {
            points.removeLast()
            if let before = points.last, before.sameFigures(as: point) { return }
        } else if let last = points.last, last.sameFigures(as: point) {
            return
        }
        points.append(point)
    }

    /// The point in force at the end of `day`: the last on or before it.
    static func point(_ points: [TimelinePoint], on day: Int64) -> TimelinePoint? {
        var low = 0
        var high = points.count
        while low < high {
            let middle = (low + high) / 2
            if points[middle].day <= day { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : points[low - 1]
    }
}
