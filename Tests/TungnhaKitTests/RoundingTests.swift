import Foundation
import Testing
@testable import TungnhaKit

/// One rounding rule for every format: the exact ratio, rounded once, half up, to a tenth of a percent.
/// 18 249 of 100 000 is 18.249% → 18.2%; rounded first to four places (0.1825) and then again it would read 18.3%.
@Suite struct RoundingTests {
    @Test func theRuleOnHandWorkedRatios() {
        #expect(Share(18_249, of: 100_000) == Share(tenths: 182))
        #expect(Share(18_251, of: 100_000) == Share(tenths: 183))
        #expect(Share(36_500, of: 200_000) == Share(tenths: 183))  // 18.25% exactly: half up
        #expect(Share(1, of: 3) == Share(tenths: 333))
        #expect(Share(2, of: 3) == Share(tenths: 667))
        #expect(Share(1, of: 16) == Share(tenths: 63))  // 6.25%
        #expect(Share(3, of: 7958) == Share(tenths: 0))
        #expect(Share(0, of: 0) == nil)
        #expect(Share(5, of: nil) == nil)
        #expect(Share(percent: 33.35) == Share(tenths: 334))
    }

    /// Two villages of 100 000 households: 18 249 and 18 251 covered; 36 500 of 200 000 in all.
    static func report() -> CoverageReport {
        var a = ReportCell(scheme: .y2025, commune: "13285", villageKey: "thon a", village: "Thôn A")
        a.registered = 100_000
        a.visited = 100_000
        a.covered = 18_249
        var b = ReportCell(scheme: .y2025, commune: "13285", villageKey: "thon b", village: "Thôn B")
        b.registered = 100_000
        b.visited = 100_000
        b.covered = 18_251
        let builder = ReportBuilder(
            request: ReportRequest(level: .village), asOf: LocalDate("2026-10-18")!, villages: [:], register: [:], targets: TargetBook(targets: []),
            storeProvince: nil)
        return builder.build([a, b])
    }

    @Test func everyFormatPrintsTheSameFigure() throws {
        let report = Self.report()
        #expect(report.rows.map(\.name) == ["Thôn A", "Thôn B"])
        #expect(report.rows.map(\.coverageOfRegistered) == [Share(tenths: 182), Share(tenths: 183)])
        #expect(report.total.coverageOfRegistered == Share(tenths: 183))

        let table = Messages.reportTable(report, .vi).split(separator: "\n")
        #expect(table.first { $0.hasPrefix("Thôn A") }!.contains(" 18,2% "))
        #expect(table.first { $0.hasPrefix("Thôn B") }!.contains(" 18,3% "))

        let csv = String(decoding: ReportCSV.render(report, .vi).dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        let column = ReportColumn.full.firstIndex(of: .coveredOfRegistered)! + 1  // after the date
        #expect(csv[1].components(separatedBy: ";")[column] == "18,2")
        #expect(csv[2].components(separatedBy: ";")[column] == "18,3")
        #expect(csv[3].components(separatedBy: ";")[column] == "18,3")
        let english = String(decoding: ReportCSV.render(report, .en).dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(english[1].components(separatedBy: ",")[column] == "18.2")

        let json = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(report)) as! [String: Any]
        let rows = json["rows"] as! [[String: Any]]
        #expect(rows.map { $0["coverageOfRegistered"] as! Double } == [0.182, 0.183])
        #expect((json["total"] as! [String: Any])["coverageOfRegistered"] as! Double == 0.183)

        let workbook = try ReportXLSX.render([report], unit: nil, generatedAt: Moment(rfc3339: "2026-10-19T08:00:00+07:00")!, .vi)
        let sheet = try XLSXReader.read(workbook)
        let header = sheet.rows.firstIndex { $0.cells.first == "Thôn/Tổ dân phố" }!
        let xlsxColumn = ReportColumn.full.firstIndex(of: .coveredOfRegistered)!
        #expect(sheet.rows[header + 1].cells[xlsxColumn] == "0.182")
        #expect(sheet.rows[header + 2].cells[xlsxColumn] == "0.183")
        #expect(sheet.rows[header + 3].cells[xlsxColumn] == "0.183")

        let html = ReportHTML.render(report, trend: [], generatedAt: Moment(rfc3339: "2026-10-19T08:00:00+07:00")!, .vi)
        #expect(html.contains("<td class=\"n\">18,2%</td>"))
        #expect(html.contains("<td class=\"n\">18,3%</td>"))
        #expect(!html.contains("18,25"))
    }
}
