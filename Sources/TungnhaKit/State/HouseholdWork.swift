import Dispatch
import Foundation

/// One household's share of a derivation, worked out away from the store: `DerivedTables` reads what it needs,
/// folds the households two or more at a time with `HouseholdWork.fold`, then writes what came out.
struct HouseholdWork: Sendable {
    /// Its row in `household_fold`, with the new events already listed; a new row for a household seen first.
    var row: HouseholdFoldRecord
    /// It had a row before: its fold and timeline are folded onto.
    var stored: Bool
    /// Its timeline as stored, decoded by `fold()` away from the store; nil when it has none.
    var pointBytes: [UInt8]?
    /// The new events, in `OrderKey` order.
    var new: [Event]

    /// What folding the new events gave: rows to write (their household key still to be set when the
    /// household is new), or that the household must be folded again from all of its events.
    enum Outcome: Sendable {
        case derived(Derived)
        case refold
        case failed(StoreError)
    }

    struct Derived: Sendable {
        var row: HouseholdFoldRecord
        var households: [HouseholdRecord]
        /// Only the member rows that changed.
        var members: [MemberRecord]
        var visits: [VisitRecord]
        var timeline: HouseholdTimelineRecord?
        var tally: [MemberTallyRecord.Key: MemberTallyRecord.Counts]
        /// The conflicts to write in place of the household's, or nil when it had none and has none.
        var conflicts: [FieldConflict]?
    }

    /// Folds the new events onto the stored fold (or a new one), recording a timeline point at the end of each day.
    func fold() -> Outcome {
        let code = row.code
        // The fold read back is the one folded onto, not a copy of it: a copy would be copied again at the first change.
        var fold: HouseholdFold
        var points: [TimelinePoint]
        do {
            if let kept = try row.fold() {
                fold = kept
            } else {
                guard !stored else { return .refold }
                fold = HouseholdFold(root: code)
            }
        } catch let error as StoreError {
            return .failed(error)
        } catch {
            return .failed(.damaged(what: "household_fold \(code)"))
        }
        do {
            points = try pointBytes.map(Timeline.decode) ?? []
        } catch {
            return .failed(.damaged(what: "household_timeline \(code)"))
        }
        guard new.allSatisfy({ fold.canFold($0) }) else { return .refold }
        let before = stored ? Self.memberRows(fold) : nil
        let previous = points.last
        let hadConflicts = stored && fold.hasConflicts
        var visits: [VisitRecord] = []
        var index = 0
        while index < new.count {
            let day = new[index].at.vietnamDay
            while index < new.count, new[index].at.vietnamDay == day {
                fold.apply(new[index])
                if let visit = Derivation.visit(root: code, new[index]) { visits.append(VisitRecord(visit, rootKey: 0)) }
                index += 1
            }
            if let point = fold.point(day: day) { Timeline.append(point, to: &points) }
        }
        var row = self.row
        row.state = fold.encoded()
        guard let after = fold.render() else {
            return .derived(Derived(row: row, households: [], members: [], visits: [], timeline: nil, tally: [:], conflicts: nil))
        }
        // Visits folded before the household was registered (a clock set wrong) were never written: all again.
        if before == nil, fold.visits > visits.count { return .refold }
        let root = after.root
        let villageKey = Folding.fold(root.village)
        let members = after.members.map { MemberRecord($0, root: root, rootKey: 0, villageKey: villageKey) }
        let old = Dictionary((before ?? []).map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        // The member tally moves by what the household counted for before and after, as its timeline says.
        var tally: [MemberTallyRecord.Key: MemberTallyRecord.Counts] = [:]
        let now = points.last
        // The usual visit leaves the same members counted in the same village: the tally moves by nothing.
        if previous?.counted != now?.counted || previous?.village != now?.village || previous?.members != now?.members {
            if let previous { MemberTallyRecord.note(removing: previous, commune: root.commune, into: &tally) }
            if let now { MemberTallyRecord.note(adding: now, commune: root.commune, into: &tally) }
        }
        return .derived(
            Derived(
                row: row, households: after.households.map { HouseholdRecord($0, in: after, key: 0) },
                members: members.filter { old[$0.code] != $0 }, visits: visits,
                timeline: HouseholdTimelineRecord(key: 0, code: code, commune: root.commune, points: points), tally: tally,
                conflicts: hadConflicts || !after.conflicts.isEmpty ? after.conflicts : nil))
    }
}

extension HouseholdWork {
    /// The root's member rows as the fold stands, with no key yet; nil until the root is registered. Cheaper than
    /// rendering the whole state, when only the rows are compared.
    static func memberRows(_ fold: HouseholdFold) -> [MemberRecord]? {
        guard let root = fold.rootForMembers() else { return nil }
        let villageKey = Folding.fold(root.village)
        return fold.renderMembers().map {
            MemberRecord($0, commune: root.commune, villageKey: villageKey, rootCounts: !root.moved, consent: root.consent, rootKey: 0)
        }
    }
}

/// Work shared out between the processor's cores, results in the order given.
enum Parallel {
    static func map<Item: Sendable, Result: Sendable>(_ items: [Item], _ transform: @escaping @Sendable (Item) -> Result) -> [Result] {
        let lanes = min(ProcessInfo.processInfo.activeProcessorCount, 4)
        guard lanes > 1, items.count >= 32 else { return items.map(transform) }
        let results = Slots<Result>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            var index = lane
            while index < items.count {
                results.put(transform(items[index]), at: index)
                index += lanes
            }
        }
        return results.values()
    }

    /// Starts `map` on another thread; `wait()` gives its results.
    static func start<Item: Sendable, Result: Sendable>(_ items: [Item], _ transform: @escaping @Sendable (Item) -> Result) -> Pending<Result> {
        let pending = Pending<Result>()
        pending.group.enter()
        DispatchQueue.global().async {
            pending.results = map(items, transform)
            pending.group.leave()
        }
        return pending
    }

    /// Results still being worked out: read only after `wait()`, which the work's end makes safe.
    final class Pending<Result>: @unchecked Sendable {
        fileprivate let group = DispatchGroup()
        fileprivate var results: [Result] = []

        /// The results, once: they are handed over, not kept, so that the caller holds the only reference.
        func wait() -> [Result] {
            group.wait()
            defer { results = [] }
            return results
        }
    }

    /// Frees `value` on another thread: the caller hands over its only reference.
    static func release<Value: Sendable>(_ value: consuming Value) {
        let box = Box(value)
        DispatchQueue.global().async { box.empty() }
    }

    /// What `release` frees; emptied once, by the thread that frees it.
    private final class Box<Value>: @unchecked Sendable {
        private var value: Value?

        init(_ value: consuming Value) { self.value = value }

        func empty() { value = nil }
    }

    /// One slot per result, each written by one lane only: raw memory, so lanes do not contend for the array.
    final class Slots<Value>: @unchecked Sendable {
        private let slots: UnsafeMutablePointer<Value?>
        private let count: Int

        init(count: Int) {
            self.count = count
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil, count: count)
        }

        deinit {
            slots.deinitialize(count: count)
            slots.deallocate()
        }

        func put(_ value: Value, at index: Int) { slots[index] = value }

        func values() -> [Value] { (0..<count).map { slots[$0]! } }
    }
}
