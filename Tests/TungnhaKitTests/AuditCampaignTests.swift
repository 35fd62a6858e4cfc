import Testing
@testable import TungnhaKit

/// The audit on hand-made campaigns (`AuditCampaign`): the honest one raises nothing, and each kind of inflation
/// raises exactly its flags, counted by hand from how the campaign was made. Default rules throughout.
@Suite struct AuditCampaignTests {
    let folder = TemporaryFolder()
    typealias C = AuditCampaign

    func audit(_ campaign: AuditCampaign) throws -> AuditReport { try campaign.store(in: folder).audit() }

    @Test func theHonestCampaignRaisesNothing() throws {
        let report = try audit(.honest())
        #expect(C.summary(report) == [])
        #expect(!report.flags.contains { $0.severity == .high })
        #expect(report.visits == 104)  // 48 households visited twice, and 8 back-checks
        #expect(report.communes.map(\.name) == ["Phường Phủ Lý"])
        #expect(report.backchecks.map { "\($0.volunteer) \($0.backchecks) \($0.compared) \($0.agreed)" } == ["Lan 4 4 4", "Minh 4 4 4"])
    }

    @Test func eightHouseholdsMetInThirtyFiveMinutes() throws {
        var campaign = C.honest()
        for i in 0..<8 {
            let code = C.code("A", i + 1)
            campaign.visit(on: \.a, code, at: "2026-10-03 09:\(i < 2 ? "0" : "")\(i * 5)", by: "Lan", [Observation(member: campaign.member(code), smartphone: true)])
        }
        let report = try audit(campaign)
        #expect(C.summary(report) == ["speed medium Lan 8"])
        let flag = report.flags[0]
        #expect(flag.measure.from == "2026-10-03T09:00:00+07:00")
        #expect(flag.measure.to == "2026-10-03T09:35:00+07:00")
        #expect(flag.eventCount == 8)
        #expect(flag.events == (0..<8).map { "\(deviceA):\(121 + $0)" })
        #expect(flag.deviceLabel == "Laptop tổ 1")
        #expect(Messages.auditReason(flag, rules: report.rules, .vi)
            == "Ghi 8 hộ \"gặp được\" trong vòng 60 phút (03/10/2026 09:00 đến 03/10/2026 09:35); một người khó hướng dẫn thật quá 6 hộ trong chừng ấy thời gian.")
    }

    @Test func villagesFourMinutesApart() throws {
        var campaign = C.honest()
        for (index, number) in [1, 13, 2, 14].enumerated() {
            campaign.visit(on: \.b, C.code("B", number), at: "2026-10-03 09:\(index < 3 ? "0" : "")\(index * 4)", by: "Minh")
        }
        let report = try audit(campaign)
        #expect(C.summary(report) == ["travel high Minh 3"])
        #expect(report.flags[0].measure.value == 4)
        #expect(report.flags[0].eventCount == 4)
    }

    @Test func threeVisitsAtNight() throws {
        var campaign = C.honest()
        for (day, number) in [(3, 10), (4, 11), (5, 12)] { campaign.visit(on: \.a, C.code("A", number), at: "2026-10-0\(day) 22:30", by: "Lan") }
        let report = try audit(campaign)
        #expect(C.summary(report) == ["night medium Lan 3"])
        #expect(report.flags[0].measure.total == 51)
    }

    @Test func tenVisitsTypedInThreeDaysLate() throws {
        var campaign = C.honest()
        // Minh's second visits of B01–B10, each typed in 72 hours after it happened.
        for index in campaign.b.events.indices {
            let event = campaign.b.events[index]
            guard case .visitRecorded(let visit) = event.body, visit.observations.count == 2, visit.observations[0].login == true,
                let number = Int(event.household!.suffix(2)), number <= 10
            else { continue }
            campaign.b.events[index].entered = Moment(millis: event.at.millis + 72 * 3_600_000)
        }
        let report = try audit(campaign)
        #expect(C.summary(report) == ["lateEntry high Minh 10"])
        #expect(report.flags[0].measure.value == 72)
        #expect(report.flags[0].measure.total == 48)
    }

    @Test func aLaptopClockBehindItsBatch() throws {
        var campaign = C.honest()
        campaign.a.batches = [(campaign.a.events.count, "2026-10-10 18:00")]
        // Typed in at 10:00 from the morning's notes, in a batch the laptop says it wrote at 08:00: its clock went
        // back. (A visit dated after its batch was written is refused by the merge; its entry time is only flagged.)
        campaign.visit(on: \.a, C.code("A", 15), at: "2026-10-12 07:00", by: "Lan", entered: "2026-10-12 10:00")
        campaign.visit(on: \.a, C.code("A", 16), at: "2026-10-12 07:30", by: "Lan", entered: "2026-10-12 10:00")
        campaign.a.batches.append((campaign.a.events.count, "2026-10-12 08:00"))
        let report = try audit(campaign)
        #expect(C.summary(report) == ["clock medium Laptop tổ 1 2"])
        #expect(report.flags[0].measure.value == 120)
    }

    @Test func aHeadWhoLogsInThenNotThenAgain() throws {
        var campaign = C.honest()
        let code = C.code("A", 3)
        campaign.visit(on: \.a, code, at: "2026-10-03 10:00", by: "Lan", [Observation(member: campaign.member(code), login: false)])
        campaign.visit(on: \.a, code, at: "2026-10-04 10:00", by: "Lan", [Observation(member: campaign.member(code), login: true)])
        let report = try audit(campaign)
        #expect(C.summary(report) == ["flipFlop medium MA00000031 2"])
        #expect(report.flags[0].measure.label == "login")
        #expect(report.flags[0].measure.total == 4)
        #expect(report.flags[0].household == code)
    }

    @Test func twelveHouseholdsWithTheSameAbleAnswers() throws {
        var campaign = C.honest()
        for i in 0..<12 {
            let code = C.code("P", i + 1)
            let at = C.day(LocalDate("2026-10-02")!, plus: i / 2) + (i % 2 == 0 ? " 09:00" : " 14:00")
            let people = campaign.household(
                on: \.a, code, village: "Tổ 1", at: at, head: "Hoàng Văn \(Names.maleGiven[i])", spouse: "Vũ Thị \(Names.femaleGiven[i])", born: 1970 + i)
            let able = people.map { Observation(member: $0, vneid: .level2, login: true, dvctt: true, paidOnline: false, smartphone: true) }
            campaign.visit(on: \.a, code, at: at, by: "Phúc", able)
        }
        let report = try audit(campaign)
        // Phúc: 24 members observed, all able, against 48 of 96 for Lan and Minh: 50 points above.
        #expect(C.summary(report) == ["ableShare high Phúc 24", "copiedPattern high Phúc 12"])
        let copied = try #require(report.flags.first { $0.kind == .copiedPattern })
        #expect(copied.measure.total == 12)
        #expect(copied.measure.value == 1)
        let share = try #require(report.flags.first { $0.kind == .ableShare })
        #expect(share.measure.value == 100)
        #expect(share.measure.reference == 50)
        #expect(Messages.auditReason(copied, rules: report.rules, .vi)
            == "12 hộ có câu trả lời giống hệt nhau (100,0% số lượt có quan sát của người này): 2 người, mỗi người: VNeID mức 2, tự đăng nhập: có, DVCTT: có, thanh toán: không, điện thoại thông minh: có.")
        #expect(report.communes[0].volunteers == ["Phúc"])
    }

    @Test func aHouseholdCoveredByATwelveYearOld() throws {
        var campaign = C.honest()
        let code = C.code("A", 25)
        let people = campaign.household(on: \.a, code, village: "Tổ 1", at: "2026-10-03 09:10", head: "Nguyễn Văn Phúc", spouse: nil, born: 2014)
        campaign.visit(on: \.a, code, at: "2026-10-03 09:10", by: "Lan", [Observation(member: people[0], vneid: .level2, login: true, dvctt: true)])
        let report = try audit(campaign)
        #expect(C.summary(report) == ["coveredNoAdult high A000000025 12"])
        #expect(report.flags[0].events == ["\(deviceA):123"])
    }

    @Test func oneWomanInThreeHouseholdsOfAVillage() throws {
        var campaign = C.honest()
        // In three households of Tổ 1, and in one of Tổ 2 and one of Tổ 3: namesakes across villages are common.
        let homes = [(\C.a, C.code("A", 20)), (\C.a, C.code("A", 21)), (\C.a, C.code("A", 22)), (\C.b, C.code("B", 5)), (\C.b, C.code("B", 18))]
        for (laptop, code) in homes {
            campaign[keyPath: laptop].add(
                "2026-10-03 15:00", household: code, member: "MX" + String(code.suffix(8)),
                .memberAdded(MemberData(name: "Trần Thị Hoa", birthYear: 1980, sex: .female, relation: "con dâu")))
        }
        let report = try audit(campaign)
        #expect(C.summary(report) == ["repeatedPerson medium A000000020 3"])
        #expect(report.flags[0].measure.label == "Trần Thị Hoa")
        #expect(report.flags[0].eventCount == 3)
        #expect(report.flags[0].village == "Tổ 1")
        #expect(Messages.auditReason(report.flags[0], rules: report.rules, .vi)
            == "Trần Thị Hoa, sinh năm 1980, có mặt ở 3 hộ của Tổ 1 (danh sách hộ trùng chỉ ghép từng cặp hộ).")
    }

    @Test func twentyHouseholdsCoveredInTheLastWeekOfOctober() throws {
        var campaign = C.honest()
        for i in 0..<10 {
            for (laptop, letter, volunteer) in [(\C.a, "A", "Lan"), (\C.b, "B", "Minh")] {
                let code = C.code(letter, 30 + i)
                let at = C.day(LocalDate("2026-10-25")!, plus: i / 2) + (i % 2 == 0 ? " 09:00" : " 14:00")
                let people = campaign.household(
                    on: laptop, code, village: letter == "A" ? "Tổ 1" : "Tổ 2", at: at, head: "Đỗ Văn \(Names.maleGiven[i + (letter == "A" ? 0 : 10)])",
                    spouse: "Bùi Thị \(Names.femaleGiven[i + (letter == "A" ? 0 : 10)])", born: 1960 + i)
                campaign.visit(
                    on: laptop, code, at: at, by: volunteer,
                    [Observation(member: people[0], vneid: .level2, login: true, dvctt: true, smartphone: i % 3 == 0), Observation(member: people[1], vneid: .pending)])
            }
        }
        campaign.a.batches = [(campaign.a.events.count, "2026-11-01 18:00")]
        campaign.b.batches = [(campaign.b.events.count, "2026-11-01 18:00")]
        let report = try audit(campaign)
        // 20 households covered from 25 to 31 October, against 10 in the four weeks before (27 Sep – 24 Oct): 2.5 a week.
        #expect(C.summary(report) == ["coverageJump high 13285 20"])
        let flag = report.flags[0]
        #expect(flag.measure.value == 8)
        #expect(flag.measure.reference == 2.5)
        #expect(flag.measure.from == "2026-10-25")
        #expect(flag.measure.to == "2026-10-31")
        #expect(flag.measure.label == "Lan")
    }

    @Test func backchecksThatContradictLansVisits() throws {
        var campaign = C.honest()
        // Thu's back-checks of A05, A09 and A13 (three of Lan's four) find the head cannot log in.
        let supervisor = campaign.c.device
        campaign.c.events.removeAll()
        campaign.visits = campaign.visits.mapValues { $0.filter { $0.device != supervisor } }
        let checks = [("A01", true), ("A05", false), ("A09", false), ("A13", false), ("B02", true), ("B06", true), ("B10", true), ("B14", true)]
        for (index, (name, login)) in checks.enumerated() {
            let at = C.day(C.september, plus: 34 + index / 4) + " " + String(10 + index % 4) + ":00"
            campaign.backcheck(C.code(String(name.prefix(1)), Int(name.dropFirst())!), at: at, login: login)
        }
        let report = try audit(campaign)
        #expect(C.summary(report) == [
            "backcheckAgreement high Lan 1", "backcheckDisagrees medium MA00000051 1", "backcheckDisagrees medium MA00000091 1",
            "backcheckDisagrees medium MA00000131 1",
        ])
        #expect(report.backchecks.map { "\($0.volunteer) \($0.compared) \($0.agreed) \(formatPercent($0.rate, .en))" } == ["Lan 4 1 25.0%", "Minh 4 4 100.0%"])
        // The latest observation still decides: three of Lan's households are no longer covered.
        #expect(try campaign.store(in: folder).report(ReportRequest()).total.householdsCovered == 45)
    }
}
