import Testing
@testable import TungnhaKit

@Suite struct CoverageRuleTests {
    @Test func ableNeedsAllThree() {
        #expect(CoverageRule.isAble(Abilities(vneid: .level1, login: true, dvctt: true)))
        #expect(!CoverageRule.isAble(Abilities(vneid: .pending, login: true, dvctt: true)))
        #expect(!CoverageRule.isAble(Abilities(vneid: .level2, login: false, dvctt: true)))
        #expect(!CoverageRule.isAble(Abilities(vneid: .level2, login: true, dvctt: nil)))
        #expect(CoverageRule.gaps(Abilities()) == [.noAccount, .cannotLogIn, .noProcedure])
        #expect(CoverageRule.gaps(Abilities(vneid: .pending, login: true)) == [.notActivated, .noProcedure])
    }

    @Test func closestMemberHasFewestGaps() {
        let coverage = CoverageRule.evaluate([
            (code: "AAAAAAAAAA", abilities: Abilities()),
            (code: "BBBBBBBBBB", abilities: Abilities(vneid: .level2, login: true)),
        ])
        #expect(coverage == CoverageRule.Coverage(covered: false, closestMember: "BBBBBBBBBB", gaps: [.noProcedure]))
    }

    @Test func householdWithoutMembersIsNotCovered() {
        #expect(CoverageRule.evaluate([]) == CoverageRule.Coverage(covered: false, closestMember: nil, gaps: [.noMembers]))
    }
}

@Suite struct DerivationTests {
    let household = "HHHHHHHHH1"
    let member = "MMMMMMMMM1"

    @Test func latestObservationWins() throws {
        var a = EventFactory(device: deviceA)
        let events = [
            a.register(household), a.addMember(household, member),
            a.visit(household, [Observation(member: member, vneid: .level2, login: false, dvctt: false)], at: "2026-11-21T09:00:00+07:00"),
            a.visit(household, [Observation(member: member, login: true, dvctt: true)], at: "2026-11-25T09:00:00+07:00"),
        ]
        let state = try #require(Derivation.cluster(root: household, events: events))
        #expect(state.root.coverage.covered)
        #expect(state.members[0].abilities == Abilities(vneid: .level2, login: true, dvctt: true, observedAt: Moment(rfc3339: "2026-11-25T09:00:00+07:00")))
    }

    @Test func memberAbleThenObservedUnableIsNotAble() throws {
        var a = EventFactory(device: deviceA)
        let events = [
            a.register(household), a.addMember(household, member),
            a.visit(household, [ableObservation(member)], at: "2026-11-21T09:00:00+07:00"),
            a.visit(household, [Observation(member: member, login: false)], at: "2026-12-01T09:00:00+07:00"),
        ]
        let state = try #require(Derivation.cluster(root: household, events: events))
        #expect(!state.root.coverage.covered)
        #expect(state.root.coverage.gaps == [.cannotLogIn])
        #expect(state.members[0].able == false)
    }

    @Test func visitTimeNotArrivalDecidesTheLatest() throws {
        // A visit recorded later about an earlier day does not override a newer observation.
        var a = EventFactory(device: deviceA)
        let events = [
            a.register(household), a.addMember(household, member),
            a.visit(household, [ableObservation(member)], at: "2026-12-01T09:00:00+07:00"),
            a.visit(household, [Observation(member: member, login: false)], at: "2026-11-22T09:00:00+07:00"),
        ]
        let state = try #require(Derivation.cluster(root: household, events: events))
        #expect(state.root.coverage.covered)
    }

    @Test func membersWithoutNamesCount() throws {
        var a = EventFactory(device: deviceA)
        let events = [
            a.register(household, head: nil, consent: false), a.addMember(household, member, name: nil),
            a.visit(household, [ableObservation(member)]),
        ]
        let state = try #require(Derivation.cluster(root: household, events: events))
        #expect(state.root.coverage.covered)
        #expect(state.root.headName == nil)
        #expect(state.members[0].name == nil)
    }

    @Test func memberRemovedByCorrectionNoLongerCounts() throws {
        var a = EventFactory(device: deviceA)
        let added = a.addMember(household, member)
        let events = [
            a.register(household), added, a.visit(household, [ableObservation(member)]),
            a.make(household, .eventVoided(target: added.id, reason: "ghi nhầm")),
        ]
        let state = try #require(Derivation.cluster(root: household, events: events))
        #expect(state.members.isEmpty)
        #expect(!state.root.coverage.covered)
        #expect(state.root.coverage.gaps == [.noMembers])
    }

    @Test func memberWhoMovedAwayNoLongerCounts() throws {
        var a = EventFactory(device: deviceA)
        let added = a.addMember(household, member)
        let events = [
            a.register(household), added, a.visit(household, [ableObservation(member)]),
            a.make(household, member: member, .memberChanged(FieldChange(set: [.status: .text("moved")], replaces: [added.id]))),
        ]
        let state = try #require(Derivation.cluster(root: household, events: events))
        #expect(state.members[0].status == .moved)
        #expect(!state.root.coverage.covered)
    }

    @Test func correctionReplacesAVisit() throws {
        var a = EventFactory(device: deviceA)
        let wrong = a.visit(household, [ableObservation(member)])
        let events = [
            a.register(household), a.addMember(household, member), wrong,
            a.make(household, .eventCorrected(target: wrong.id, replacement: .visitRecorded(VisitData(volunteer: "Lan", outcome: .met, observations: [Observation(member: member, vneid: .pending)])))),
        ]
        let state = try #require(Derivation.cluster(root: household, events: events))
        #expect(!state.root.coverage.covered)
        #expect(state.members[0].abilities.vneid == .pending)
        #expect(state.visitCount == 1)
    }

    @Test func concurrentEditsResolveByTimeAndAreListed() throws {
        var a = EventFactory(device: deviceA)
        var b = EventFactory(device: deviceB)
        let registered = a.register(household)
        let fromA = a.make(household, at: "2026-11-22T10:00:00+07:00", .householdChanged(FieldChange(set: [.address: .text("Số 14")], replaces: [registered.id])))
        let fromB = b.make(household, at: "2026-11-22T11:00:00+07:00", .householdChanged(FieldChange(set: [.address: .text("Số 41")], replaces: [registered.id])))
        let state = try #require(Derivation.cluster(root: household, events: [registered, fromA, fromB]))
        #expect(state.root.address == "Số 41")
        #expect(state.conflicts.count == 1)
        #expect(state.conflicts[0].field == "address")
        #expect(state.conflicts[0].candidates.map(\.value) == [.text("Số 14"), .text("Số 41")])

        // A correction that knew both settles it.
        let settled = a.make(household, at: "2026-11-23T08:00:00+07:00", .householdChanged(FieldChange(set: [.address: .text("Số 14")], replaces: [fromA.id, fromB.id])))
        let after = try #require(Derivation.cluster(root: household, events: [registered, fromA, fromB, settled]))
        #expect(after.root.address == "Số 14")
        #expect(after.conflicts.isEmpty)
    }

    @Test func sameEventsInAnyOrderGiveTheSameState() throws {
        var a = EventFactory(device: deviceA)
        var b = EventFactory(device: deviceB)
        let registered = a.register(household)
        let events = [
            registered, a.addMember(household, member, name: "Lê Thị Hoa"), a.addMember(household, "MMMMMMMMM2", born: 2010),
            b.visit(household, [Observation(member: member, vneid: .level1, login: true)], at: "2026-11-21T08:00:00+07:00"),
            a.visit(household, [Observation(member: member, dvctt: true)], at: "2026-11-21T08:00:00+07:00"),
            b.make(household, .householdChanged(FieldChange(set: [.note: .text("hẹn chiều")], replaces: [registered.id]))),
            a.make(household, .householdChanged(FieldChange(set: [.note: .text("hẹn sáng")], replaces: [registered.id]))),
        ]
        let expected = try #require(Derivation.cluster(root: household, events: events))
        #expect(expected.root.coverage.covered)
        #expect(Derivation.cluster(root: household, events: events.reversed()) == expected)
        var random = RandomSource(seed: 3).generator
        for _ in 0..<20 {
            #expect(Derivation.cluster(root: household, events: events.shuffled(using: &random)) == expected)
        }
    }

    @Test func mergedHouseholdCountsUnderTheOneKept() throws {
        var a = EventFactory(device: deviceA)
        var b = EventFactory(device: deviceB)
        let other = "HHHHHHHHH2"
        let events = [
            a.register(household), b.register(other), b.addMember(other, member),
            b.visit(other, [ableObservation(member)]), a.make(other, .householdMerged(into: household)),
        ]
        let roots = Derivation.mergeRoots(events.filter { $0.kind == .householdMerged }, voided: [])
        #expect(roots == [other: household])
        let state = try #require(Derivation.cluster(root: household, events: events))
        #expect(state.root.coverage.covered)
        #expect(state.households.map(\.code) == [household, other])
        #expect(state.households[1].mergedInto == household)
        #expect(state.members.map(\.household) == [household])
    }

    @Test func mergesThatWouldLoopAreIgnored() {
        var a = EventFactory(device: deviceA)
        var b = EventFactory(device: deviceB)
        let first = a.make("HHHHHHHHH2", at: "2026-11-21T08:00:00+07:00", .householdMerged(into: "HHHHHHHHH1"))
        let second = b.make("HHHHHHHHH1", at: "2026-11-21T09:00:00+07:00", .householdMerged(into: "HHHHHHHHH2"))
        #expect(Derivation.mergeRoots([second, first], voided: []) == ["HHHHHHHHH2": "HHHHHHHHH1"])
        #expect(Derivation.mergeRoots([second, first], voided: [first.id]) == ["HHHHHHHHH1": "HHHHHHHHH2"])
    }

    @Test func withoutItsRegistrationThereIsNoHouseholdYet() {
        var a = EventFactory(device: deviceA)
        #expect(Derivation.cluster(root: household, events: [a.addMember(household, member)]) == nil)
    }
}
