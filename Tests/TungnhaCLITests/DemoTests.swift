import Foundation
import Testing

/// `tungnha demo` runs the whole flow, a ward's gathering machine forwarding to the province's; what it prints is what
/// `report --json` says of the province's store it leaves.
@Suite struct DemoTests {
    /// The numbers of the printed total line: expected, registered, visited, covered, …
    func printedTotal(_ output: String) -> [Int] {
        let line = output.split(separator: "\n").first { $0.hasPrefix("Tổng cộng") }!
        return line.split(separator: " ").compactMap { Int($0.replacingOccurrences(of: ".", with: "")) }
    }

    @Test func printedReportMatchesTheStoreAndRunsRepeat() throws {
        let cli = CLI()
        let first = try cli.run(["demo", "--dir", cli.path("one")], db: nil)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("= tungnha_2025-24611_"))  // the batch that arrived twice
        // Six files and one twice at the ward's machine; the six forwarded, its own batch and three straight at the province.
        #expect(first.stdout.contains("   Tệp áp dụng: 6 · đã gộp từ trước: 1 · Tệp bị từ chối: 0"))
        #expect(first.stdout.contains("5. Máy tổng hợp của phường chuyển lên tỉnh (tungnha forward): 6 tệp đã nhận, giữ nguyên từng byte, và lô 1 của chính máy này (1 ghi nhận: việc gộp hộ), vào \(cli.path("one"))/to-province."))
        #expect(first.stdout.contains("   Tệp áp dụng: 10 · đã gộp từ trước: 0 · Tệp bị từ chối: 0"))
        #expect(first.stdout.contains("tungnha sync status --db \(cli.path("one"))/commune-24611.sqlite"))
        #expect(FileManager.default.fileExists(atPath: cli.path("one/report.html")))
        // Each laptop enrolled with the machine that receives its batches, the ward's machine with the province's.
        #expect(first.stdout.contains("(so mã đối chiếu; mã của máy phường: P21D4-D2YHK-D087S-V4A6Q-DDQ6Y, của máy tỉnh: SHP6N-6JJF1-BMZZP-394HG-Z0CD7)"))
        let batches = try FileManager.default.contentsOfDirectory(atPath: cli.path("one/exports"))
        #expect(batches.count == 9)
        for name in batches {
            let text = try String(contentsOfFile: cli.path("one/exports/" + name), encoding: .utf8)
            #expect(text.hasPrefix("{\"batch\":{") && text.contains("\"format\":\"tungnha-sealed\""), "\(name)")
            #expect(!text.contains("Laptop Bắc Gia Nghĩa"), "\(name)")
        }
        // The ward's machine receives its two laptops and forwards to the province; the province learned those two
        // laptops from the ward's machine, and enrolled the ward's machine and the other ward's laptop itself.
        let ward = try cli.run(["enroll", "list"], db: "one/commune-24611.sqlite").stdout
        #expect(ward.components(separatedBy: "nhận lô của máy này").count == 3 && ward.contains("máy tổng hợp của tỉnh") && ward.contains("gửi đến máy này"))
        let province = try cli.run(["enroll", "list"], db: "one/province.sqlite").stdout
        #expect(province.components(separatedBy: "nhận lô của máy này (qua ").count == 3)
        #expect(province.components(separatedBy: "nhận lô của máy này").count == 5)

        // The audit finds the volunteer of the first team who "met" 14 households a morning on 12–15 October, wrote
        // every head able with the same answers and typed it all in two days later: every high flag is theirs.
        #expect(first.stdout.contains("8. Máy tổng hợp của tỉnh kiểm tra cách ghi lượt đến hộ (tungnha audit; ngày báo cáo 18/10/2026)"))
        #expect(first.stdout.contains("   [cao] Nhập vào máy muộn — Phúc (Laptop Bắc Gia Nghĩa, Tổ dân phố 1): 56 trong 56 lượt được nhập vào máy hơn 48 giờ sau khi đến hộ (muộn nhất 2,5 ngày)."))
        let audit = try cli.json("audit", "--rules", cli.path("one/quy-tac.json"), "--db", cli.path("one/province.sqlite"), db: nil) as! [String: Any]
        let flags = audit["flags"] as! [[String: Any]]
        let high = flags.filter { $0["severity"] as? String == "high" }
        #expect(Set(high.map { $0["volunteer"] as? String }) == ["Phúc"])
        #expect(high.map { $0["kind"] as! String }.sorted() == ["ableShare", "copiedPattern", "lateEntry", "speed", "travel"])
        let jump = try #require(flags.first { $0["kind"] as? String == "coverageJump" })
        #expect((jump["measure"] as! [String: Any])["label"] as? String == "Phúc")
        let page = try String(contentsOfFile: cli.path("one/report.html"), encoding: .utf8)
        #expect(page.contains("Phụ lục: kiểm tra cách ghi lượt đến hộ"))
        #expect(page.contains("Quá nhiều hộ trong thời gian ngắn</b> — Phúc (Laptop Bắc Gia Nghĩa, Tổ dân phố 1)"))

        let json = try cli.json("report", "--as-of", "2026-10-19", "--db", cli.path("one/province.sqlite"), db: nil) as! [String: Any]
        let total = json["total"] as! [String: Any]
        let printed = printedTotal(first.stdout)
        #expect(Array(printed.prefix(4)) == ["householdsExpected", "householdsRegistered", "householdsVisited", "householdsCovered"].map { total[$0] as! Int })
        #expect(printed[4] == total["adults"] as! Int)
        #expect(printed[5] == total["adultsDvctt"] as! Int)
        #expect(printed[6] == total["notVisited30Days"] as! Int)

        let again = try cli.run(["demo", "--dir", cli.path("one")], db: nil)
        #expect(again.status == 1)
        #expect(again.stderr.contains("tungnha demo --force"))

        let second = try cli.run(["demo", "--dir", cli.path("two")], db: nil)
        let other = try cli.json("report", "--as-of", "2026-10-19", "--db", cli.path("two/province.sqlite"), db: nil) as! [String: Any]
        #expect(NSDictionary(dictionary: other["total"] as! [String: Any]) == NSDictionary(dictionary: total))
        #expect(printedTotal(second.stdout) == printed)
    }
}
