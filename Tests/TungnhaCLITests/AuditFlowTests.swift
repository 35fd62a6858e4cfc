import Foundation
import Testing

/// The audit through the binary: a laptop's visits typed in days late are flagged there and at the commune's
/// gathering machine, an officer reviews the flag, a back-check is drawn, recorded on the laptop and compared.
@Suite struct AuditFlowTests {
    let cli = CLI()
    var households: [String] = []
    var members: [String] = []

    init() throws {
        let cli = self.cli
        try cli.run("init", "--commune", "13285", "--device-name", "Laptop tổ 1")
        try cli.run("village", "add", "Tổ dân phố Lê Lợi")
        for (head, born) in [("Nguyễn Văn An", "1970"), ("Lê Thị Lý", "1985"), ("Trần Văn Bình", "1962")] {
            let household = try cli.json("household", "add", "--village", "Tổ dân phố Lê Lợi", "--head", head) as! [String: Any]
            households.append(household["code"] as! String)
            let member = try cli.json("member", "add", households.last!, "--name", head, "--birth-year", born) as! [String: Any]
            members.append(member["code"] as! String)
        }
        // Three visits of 20 November typed in on the 23rd: the latest three days after it happened.
        cli.now = "2026-11-23T09:00:00+07:00"
        for (index, code) in households.enumerated() {
            let visit = try cli.run(
                "visit", code, "--outcome", "gặp", "--by", "Lan", "--at", "20/11/2026 \(9 + index):00", "--member", "\(members[index]):vneid=2,login=có,dvctt=có")
            #expect(visit.status == 0, "\(visit.stderr)")
        }
    }

    func export() throws -> String {
        let result = try cli.json("export", "--out", cli.path("exports")) as! [String: Any]
        return result["file"] as! String
    }

    @Test func lateVisitsAreFlaggedReviewedAndBackchecked() throws {
        let own = try cli.run("audit")
        #expect(own.status == 0, "\(own.stderr)")
        #expect(own.stdout.contains("Kiểm tra cách ghi lượt đến hộ, ngày 23/11/2026: 3 lượt đến hộ của máy này."))
        #expect(own.stdout.contains("  3 trong 3 lượt được nhập vào máy hơn 48 giờ sau khi đến hộ (muộn nhất 3 ngày)."))
        #expect(own.stdout.contains("lateEntryHours=48"))
        let refused = try cli.run("review", "ABCD", "--note", "xem")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Cán bộ xem xét dấu hiệu trên máy tổng hợp của xã hoặc của tỉnh"))

        try cli.run("init", "--gathering-machine", "--commune", "13285", "--device-name", "Máy tổng hợp phường", db: "commune.sqlite")
        try cli.enrollEachOther(laptop: "laptop.sqlite", district: "commune.sqlite")
        let file = try export()
        #expect(try cli.run("merge", file, db: "commune.sqlite").status == 0)
        let report = try cli.json("audit", db: "commune.sqlite") as! [String: Any]
        let flags = report["flags"] as! [[String: Any]]
        #expect(flags.map { "\($0["kind"]!) \($0["severity"]!) \($0["volunteer"]!) \($0["eventCount"]!)" } == ["lateEntry medium Lan 3"])
        #expect(flags[0]["reason"] as? String == "3 trong 3 lượt được nhập vào máy hơn 48 giờ sau khi đến hộ (muộn nhất 3 ngày).")
        let code = flags[0]["code"] as! String

        cli.now = "2026-11-24T10:00:00+07:00"
        let review = try cli.run("review", String(code.prefix(5)), "--note", "Đã gọi lại 3 hộ: có người đến hôm 20/11", db: "commune.sqlite")
        #expect(review.status == 0, "\(review.stderr)")
        #expect(review.stdout.hasPrefix("Đã ghi việc xem xét dấu hiệu \(code) (Nhập vào máy muộn — Lan (Laptop tổ 1))."))
        let after = try cli.run("audit", "--lang", "en", db: "commune.sqlite")
        #expect(after.stdout.contains("    Reviewed 24/11/2026 10:00: Đã gọi lại 3 hộ: có người đến hôm 20/11"))
        let communes = (try cli.json("audit", db: "commune.sqlite") as! [String: Any])["communes"] as! [[String: Any]]
        #expect(communes.map { "\($0["name"]!) \($0["high"]!) \($0["medium"]!) \($0["low"]!) \($0["reviewed"]!)" } == ["Phường Phủ Lý 0 0 0 1"])

        let draw = try cli.run("backcheck", "draw", "--seed", "5", db: "commune.sqlite")
        #expect(draw.status == 0, "\(draw.stderr)")
        #expect(draw.stdout.hasPrefix("Mẫu kiểm tra lại: 1 hộ đạt của 1 người đến hộ (10,0% số hộ đạt của mỗi người, ít nhất 1), hạt giống 5."))
        #expect(try cli.run("backcheck", "draw", "--seed", "5", db: "commune.sqlite").stdout == draw.stdout)
        let drawn = (try cli.json("backcheck", "draw", "--seed", "5", db: "commune.sqlite") as! [String: Any])["households"] as! [[String: Any]]
        let household = drawn[0]["code"] as! String
        let visit = drawn[0]["visit"] as! String
        let member = members[households.firstIndex(of: household)!]

        // The supervisor re-visits on the laptop and finds the member cannot log in unaided.
        cli.now = "2026-11-27T14:00:00+07:00"
        let check = try cli.run(
            "visit", household, "--outcome", "gặp", "--by", "Thu", "--backcheck-of", String(visit.prefix(8)) + visit.drop { $0 != ":" },
            "--member", "\(member):vneid=2,login=không")
        #expect(check.status == 0, "\(check.stderr)")
        #expect(try cli.run("merge", try export(), db: "commune.sqlite").status == 0)
        let checked = try cli.json("audit", db: "commune.sqlite") as! [String: Any]
        let rows = (checked["backchecks"] as! [[String: Any]]).map { "\($0["volunteer"]!) \($0["backchecks"]!) \($0["compared"]!) \($0["agreed"]!)" }
        #expect(rows == ["Lan 1 1 0"])
        #expect((checked["flags"] as! [[String: Any]]).map { "\($0["kind"]!) \($0["severity"]!)" } == ["backcheckDisagrees medium", "lateEntry medium"])
        #expect(!(try cli.run("report", "--format", "html", db: "commune.sqlite").stdout.contains("Phụ lục: kiểm tra cách ghi lượt đến hộ")))
        let html = try cli.run("report", "--format", "html", "--audit", db: "commune.sqlite")
        #expect(html.stdout.contains("Phụ lục: kiểm tra cách ghi lượt đến hộ"))
        #expect(html.stdout.contains("Kiểm tra lại không khớp</b> — Lan (Laptop tổ 1)"))
    }

    @Test func aWrongRulesFileOrRateIsRefusedWithWhatToDo() throws {
        let notHTML = try cli.run("report", "--audit")
        #expect(notHTML.status == 64)
        #expect(notHTML.stderr.contains("--audit chỉ thêm phụ lục vào báo cáo HTML: thêm --format html, hoặc xem riêng: tungnha audit"))
        let past = try cli.run("report", "--format", "html", "--audit", "--as-of", "2026-11-01")
        #expect(past.status == 64)
        #expect(past.stderr.contains("--audit xét các ghi nhận như hiện nay, nên không đi cùng --as-of."))
        try #"{"speedHousehold": 8}"#.write(toFile: cli.path("rules.json"), atomically: true, encoding: .utf8)
        let rules = try cli.run("audit", "--rules", cli.path("rules.json"))
        #expect(rules.status == 1)
        #expect(rules.stderr.contains("có mục \"speedHousehold\" không có trong danh sách quy tắc. Có phải: speedHouseholds"))
        let rate = try cli.run("backcheck", "draw", "--rate", "0%")
        #expect(rate.status == 64)
        #expect(rate.stderr.contains("Tỷ lệ rút mẫu \"0%\" không dùng được: ghi từ 1% đến 100%, ví dụ --rate 10%."))
        let english = try cli.run("audit", "--lang", "en", "--format", "csv")
        #expect(english.stdout.contains("Code,Severity,Kind,Commune code,Commune,Volunteer,Device,Household,Reason,Records,Record ids,Reviewed"))
        #expect(english.stdout.contains("entered late") || english.stdout.contains("Entered late"))
    }
}
