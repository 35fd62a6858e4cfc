import Foundation
import Testing

/// `tungnha demo` runs the whole flow; what it prints is what `report --json` says of the store it leaves.
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
        #expect(first.stdout.contains("Tệp áp dụng: 9 · đã gộp từ trước: 1 · Tệp bị từ chối: 0"))
        #expect(first.stdout.contains("tungnha sync status --db \(cli.path("one"))/district.sqlite"))
        #expect(FileManager.default.fileExists(atPath: cli.path("one/report.html")))
        // The laptops and the district machine enrolled each other: every batch is signed and sealed to it.
        #expect(first.stdout.contains("Mỗi máy của tổ và máy chủ huyện đã ghi danh lẫn nhau (so mã đối chiếu; mã của máy chủ: SHP6N-6JJF1-BMZZP-394HG-Z0CD7)"))
        let batches = try FileManager.default.contentsOfDirectory(atPath: cli.path("one/exports"))
        #expect(batches.count == 9)
        for name in batches {
            let text = try String(contentsOfFile: cli.path("one/exports/" + name), encoding: .utf8)
            #expect(text.hasPrefix("{\"batch\":{") && text.contains("\"format\":\"tungnha-sealed\""), "\(name)")
            #expect(!text.contains("Laptop Bắc Gia Nghĩa"), "\(name)")
        }
        #expect(try cli.run(["enroll", "list"], db: "one/district.sqlite").stdout.components(separatedBy: "nhận lô của máy này").count == 4)

        let json = try cli.json("report", "--as-of", "2026-10-18", "--db", cli.path("one/district.sqlite"), db: nil) as! [String: Any]
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
        let other = try cli.json("report", "--as-of", "2026-10-18", "--db", cli.path("two/district.sqlite"), db: nil) as! [String: Any]
        #expect(NSDictionary(dictionary: other["total"] as! [String: Any]) == NSDictionary(dictionary: total))
        #expect(printedTotal(second.stdout) == printed)
    }
}
