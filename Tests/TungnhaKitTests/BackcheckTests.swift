import Foundation
import Testing
@testable import TungnhaKit

/// Back-check samples drawn from a seed, and how often back-checks agree, counted by hand.
@Suite struct BackcheckTests {
    let folder = TemporaryFolder()

    @Test func aSampleIsTheRateRoundedUpAndAtLeastTheMinimum() {
        #expect(Store.sample(30, rate: 0.1, minimum: 1, seed: 1, key: "x").count == 3)
        #expect(Store.sample(24, rate: 0.1, minimum: 1, seed: 1, key: "x").count == 3)
        #expect(Store.sample(7, rate: 0.1, minimum: 1, seed: 1, key: "x").count == 1)
        #expect(Store.sample(7, rate: 0.1, minimum: 0, seed: 1, key: "x").count == 1)
        #expect(Store.sample(1, rate: 0.1, minimum: 2, seed: 1, key: "x") == [0])
        #expect(Store.sample(0, rate: 0.1, minimum: 2, seed: 1, key: "x") == [])
        #expect(Store.sample(5, rate: 1, minimum: 1, seed: 9, key: "y") == [0, 1, 2, 3, 4])
    }

    @Test func drawsAreReproducibleFromTheirSeed() throws {
        let store = try AuditCampaign.honest().store(in: folder)
        let first = try store.drawBackchecks(seed: 2026)
        // Each volunteer covered 24 households: 10% of 24, rounded up, is 3.
        #expect(first.volunteers.map { "\($0.volunteer) \($0.covered) \($0.drawn)" } == ["Lan 24 3", "Minh 24 3"])
        #expect(first.households.count == 6)
        #expect(try store.drawBackchecks(seed: 2026) == first)
        let other = try store.drawBackchecks(seed: 7)
        #expect(other.households.map(\.code) != first.households.map(\.code))
        #expect(Set(first.households.map(\.volunteer)) == ["Lan", "Minh"])
        // The visit to check again is the household's second (the one that made its head able).
        for household in first.households {
            #expect(household.visitedAt.hasSuffix("T14:00:00+07:00"))
            #expect(household.ableMembers.count == 1)
        }
        var rules = AuditRules()
        rules.backcheckRate = 0.25
        let quarter = try store.drawBackchecks(seed: 2026, rules: rules)
        #expect(quarter.volunteers.map(\.drawn) == [6, 6])
        // Households Thu back-checked already are marked, never left out: the draw stays the draw of its seed.
        let all = try store.drawBackchecks(seed: 1, rules: { var r = AuditRules(); r.backcheckRate = 1; return r }())
        #expect(all.households.filter(\.checked).map(\.code).sorted() == ["A01", "A05", "A09", "A13", "B02", "B06", "B10", "B14"].map {
            AuditCampaign.code(String($0.prefix(1)), Int($0.dropFirst())!)
        })
    }

    @Test func comparingTwoVisitsCountsWhatBothSaw() {
        let original = [
            Observation(member: "M1", vneid: .level2, login: true, dvctt: true), Observation(member: "M2", vneid: .pending, login: false),
        ]
        let backcheck = [
            Observation(member: "M1", vneid: .level1, login: false), Observation(member: "M2", vneid: .level2, login: true),
            Observation(member: "M3", vneid: .level2),
        ]
        let (compared, contradicted) = BackcheckComparison.compare(original: original, backcheck: backcheck)
        // M1: account (yes, yes), login (yes, no); M2: account (no, yes), login (no, yes): four points, one not found again.
        #expect(compared == 4)
        #expect(contradicted.map { "\($0.member) \($0.ability)" } == ["M1 login"])
    }

    @Test func agreementRatesCountedByHand() throws {
        var campaign = AuditCampaign.honest()
        let supervisor = campaign.c.device
        campaign.c.events.removeAll()
        campaign.visits = campaign.visits.mapValues { $0.filter { $0.device != supervisor } }
        let code = { (name: String) in AuditCampaign.code(String(name.prefix(1)), Int(name.dropFirst())!) }
        // Lan: A01, A09, A13 agree; A05 cannot log in any more.
        for (index, (name, login)) in [("A01", true), ("A05", false), ("A09", true), ("A13", true)].enumerated() {
            campaign.backcheck(code(name), at: "2026-10-05 1\(index):00", login: login)
        }
        // Minh: B02 nobody at home (not compared); B06 only the spouse's smartphone seen (nothing to compare);
        // B10 agrees; B14's spouse now logs in, which the first visit had not seen: progress, not disagreement.
        campaign.backcheck(code("B02"), at: "2026-10-06 10:00", login: true, outcome: .absent)
        let b06 = campaign.visits[code("B06")]![1]
        campaign.visit(on: \.c, code("B06"), at: "2026-10-06 11:00", by: "Thu", [Observation(member: campaign.member(code("B06"), 1), smartphone: true)], backcheckOf: b06)
        campaign.backcheck(code("B10"), at: "2026-10-06 12:00", login: true)
        let b14 = campaign.visits[code("B14")]![1]
        campaign.visit(
            on: \.c, code("B14"), at: "2026-10-06 13:00", by: "Thu", [Observation(member: campaign.member(code("B14"), 1), vneid: .level2, login: true)],
            backcheckOf: b14)
        let report = try campaign.store(in: folder).audit()
        #expect(report.backchecks.map { "\($0.volunteer) \($0.backchecks) \($0.compared) \($0.agreed) \(formatPercent($0.rate, .vi))" }
            == ["Lan 4 4 3 75,0%", "Minh 4 2 2 100,0%"])
        #expect(AuditCampaign.summary(report) == ["backcheckAgreement high Lan 3", "backcheckDisagrees medium MA00000051 1"])
        #expect(report.communes[0].backchecks == 8)
        #expect(report.communes[0].backchecksCompared == 6)
        #expect(report.communes[0].backchecksAgreed == 5)
    }
}

/// The rules file: a province changes some thresholds, the rest keep their defaults; a crafted file is refused.
@Suite struct AuditRulesTests {
    let folder = TemporaryFolder()

    func write(_ text: String) throws -> String {
        let path = folder.file("rules-\(UUID().uuidString).json")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aFileChangesSomeRulesAndKeepsTheOthers() throws {
        let rules = try AuditRules.read(file: try write("\u{FEFF}{\"speedHouseholds\": 4, \"copiedPatternShare\": 0.5, \"reportDays\": [\"2026-09-30\"]}"))
        #expect(rules.speedHouseholds == 4)
        #expect(rules.copiedPatternShare == 0.5)
        #expect(rules.reportDays == ["2026-09-30"])
        #expect(rules.speedHouseholdsHigh == 10)
        #expect(rules.listed.first { $0.name == "speedHouseholds" }?.value == "4")
        #expect(rules.listed.first { $0.name == "reportDays" }?.value == "2026-09-30")
        #expect(AuditRules().listed.count == 32)
        // Every rule the type holds can be set by a file: the table of names lists them all.
        let encoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(AuditRules())) as! [String: Any]
        #expect(Set(encoded.keys) == Set(AuditRules().listed.map(\.name)))
    }

    @Test func aWrongFileIsRefusedWithWhatToDo() throws {
        let unknown = try write("{\"speedHousehold\": 4}")
        #expect(throws: AuditError.unknownRule(path: unknown, name: "speedHousehold", known: AuditRules.rules.map(\.key))) { try AuditRules.read(file: unknown) }
        #expect(AuditError.unknownRule(path: "r.json", name: "speedHousehold", known: AuditRules.rules.map(\.key)).text(.en).contains("Did you mean: speedHouseholds"))
        let range = try write("{\"nightStartHour\": 25}")
        #expect(throws: AuditError.ruleOutOfRange(path: range, name: "nightStartHour", allowed: "0…23")) { try AuditRules.read(file: range) }
        let type = try write("{\"jumpFactor\": \"3\"}")
        #expect(throws: AuditError.ruleOutOfRange(path: type, name: "jumpFactor", allowed: "1…1000")) { try AuditRules.read(file: type) }
        let day = try write("{\"reportDays\": [\"30/09/2026\"]}")
        #expect(throws: AuditError.ruleOutOfRange(path: day, name: "reportDays", allowed: "YYYY-MM-DD")) { try AuditRules.read(file: day) }
        let list = try write("[1, 2]")
        #expect(throws: AuditError.rulesNotJSON(path: list)) { try AuditRules.read(file: list) }
        #expect(throws: AuditError.rulesUnreadable(path: folder.file("none.json"))) { try AuditRules.read(file: folder.file("none.json")) }
    }
}
