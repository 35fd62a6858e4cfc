import Foundation
import Testing
@testable import TungnhaKit

/// What the commune and province office reads: views of several communes, the official HTML report, the paper
/// rounds. On the small district of ReportTests (Phủ Lý 2025, Quang Trung and Châu Cầu before 2025).
@Suite struct OfficeViewsTests {
    var district: Store { get throws { try ReportTests.fixture.get().district } }

    @Test func villagesOfSeveralCommunesNameTheirCommune() throws {
        let report = try district.report(ReportRequest(level: .village))
        let lines = Messages.reportTable(report, .vi).split(separator: "\n").map(String.init)
        #expect(lines[1].hasPrefix("Thôn/Tổ dân phố              Xã/Phường           Hộ dự kiến"))
        #expect(lines.contains { $0.hasPrefix("Tổ 1                         Phường Phủ Lý   ") })
        #expect(lines.contains { $0.hasPrefix("Tổ 2                         Phường Hà Nam   ") })
        #expect(lines.contains { $0.hasPrefix("Tổ 3 (mã cũ 13285, bị chia)  Phường Quang Trung") })
        // Villages of one commune: no commune column.
        #expect(Messages.reportTable(RoundingTests.report(), .vi).split(separator: "\n")[1].hasPrefix("Thôn/Tổ dân phố  Hộ dự kiến"))
    }

    @Test func householdsFollowupsAndDuplicatesOfSeveralCommunes() throws {
        let households = try district.households()
        let table = Messages.householdTable(households, .vi).split(separator: "\n").map(String.init)
        #expect(table[0].contains("Thôn/Tổ dân phố    Xã/Phường"))
        #expect(table.contains { $0.contains("Tổ 3               Phường Quang Trung (mã cũ)") })
        #expect(table.contains { $0.contains("Tổ dân phố Lê Lợi  Phường Phủ Lý") })
        let followups = Messages.followups(try district.followups(), today: LocalDate("2027-01-10")!, .vi)
        #expect(followups.contains("Xã/Phường"))
        #expect(followups.contains("Phường Châu Cầu (mã cũ)"))
        // A laptop's own list (one commune) has no commune column.
        let laptopLike = FollowupList(revisit: try district.followups().revisit.filter { $0.scheme == .y2025 }, neverVisited: [])
        #expect(!Messages.followups(laptopLike, today: LocalDate("2027-01-10")!, .vi).contains("Xã/Phường"))
    }

    @Test func theHTMLReportIsAnAdministrativeDocument() throws {
        let report = try district.report(ReportRequest(commune: "13285"))
        let html = ReportHTML.render(report, trend: [], generatedAt: Moment(rfc3339: "2027-02-05T09:00:00+07:00")!, .vi)
        for part in [
            "<div class=\"unit\">UBND PHƯỜNG PHỦ LÝ</div>", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
            "Phủ Lý, ngày 05 tháng 02 năm 2027", "<h1>BÁO CÁO</h1>", "Theo xã/phường · số liệu đến hết ngày 10/01/2027",
            "Người lập biểu", "Thủ trưởng đơn vị", "(Ký, ghi rõ họ tên)", "@page { size: A4 portrait", "@page wide { size: A4 landscape",
            "counter(page) \" / \" counter(pages)", "Phụ lục 1. Số liệu chi tiết",
        ] {
            #expect(html.contains(part), "\(part)")
        }
        // The official's table: eight columns after the number; every figure is in the appendix.
        let official = html.components(separatedBy: "<table class=\"figures\">")[1].components(separatedBy: "</thead>")[0]
        #expect(official.components(separatedBy: "<th>").count - 1 == 9)
        #expect(!html.contains("<script"))
        // The demo's lines span one province: its committee.
        let province = try district.report(ReportRequest())
        #expect(OfficialUnit.of(province, storeProvince: nil, .vi) == OfficialUnit(name: "UBND TỈNH NINH BÌNH", place: "Ninh Bình"))
        #expect(OfficialUnit.province("01", .vi) == OfficialUnit(name: "UBND THÀNH PHỐ HÀ NỘI", place: "Hà Nội"))
    }

    @Test func everyTextIsEscaped() throws {
        var cell = ReportCell(scheme: .y2025, commune: "13285", villageKey: "x", village: "<script>alert('x')</script> & \"Tổ\"")
        cell.registered = 1
        let report = ReportBuilder(
            request: ReportRequest(level: .village), asOf: LocalDate("2027-01-10")!, villages: [:], register: [:], targets: TargetBook(targets: []),
            storeProvince: nil
        ).build([cell])
        let html = ReportHTML.render(report, trend: [], generatedAt: Moment(rfc3339: "2027-01-10T09:00:00+07:00")!, unit: OfficialUnit(name: "<b>UBND</b>", place: "A&B"), .vi)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>UBND"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Tổ&quot;"))
        #expect(html.contains("A&amp;B, ngày 10 tháng 01 năm 2027"))
    }

    @Test func thePaperRoundsOneVillageAPage() throws {
        let list = try district.followups()
        let html = FollowupsPrint.html(list, today: LocalDate("2027-01-10")!, .vi)
        #expect(html.components(separatedBy: "<section class=\"village\">").count - 1 == 3)
        #expect(html.contains("Tổ dân phố Lê Lợi · Phường Phủ Lý"))
        #expect(html.contains("Tổ 2 · Phường Quang Trung (mã cũ)"))
        #expect(html.contains("Tổ 5 · Phường Châu Cầu (mã cũ)"))
        #expect(html.components(separatedBy: "<span class=\"box\"></span>").count - 1 == 4)
        #expect(html.contains("@page { size: A4 landscape"))
        #expect(html.contains("<td>Số 16</td>"))
        #expect(html.contains("chưa đến lần nào"))
        let csv = String(decoding: FollowupsPrint.csv(list, today: LocalDate("2027-01-10")!, .vi).dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(csv[0] == "Xã/Phường;Mã xã;Thôn/Tổ dân phố;Mã hộ;Chủ hộ;Địa chỉ;Điện thoại;Còn thiếu;Số lượt đã đến;Lần đến cuối;Hẹn lại;Đã đến;Ghi chú")
        #expect(csv.count == 6)
        #expect(csv[1].hasPrefix("Phường Phủ Lý;=\"13285\";Tổ dân phố Lê Lợi;"))
        #expect(csv[1].hasSuffix(";(không ghi tên);Số 16;;tài khoản VNeID, tự đăng nhập, tự làm DVCTT;1;2026-12-06 09:00;;;"))
        #expect(csv[4].hasSuffix(";Hồ Thị Lan;;;chưa đến lần nào;0;;;;"))
    }

    @Test func xlsxHasASheetPerLevelAndTheDate() throws {
        let reports = try district.reports(ReportRequest(asOf: LocalDate("2027-01-10")), levels: ReportXLSX.levels(for: .commune, provinces: 1))
        #expect(reports.map(\.level) == [.commune, .village, .volunteer])
        let data = try ReportXLSX.render(reports, unit: OfficialUnit.province("37", .vi), generatedAt: Moment(rfc3339: "2027-01-11T08:00:00+07:00")!, .vi)
        #expect(try XLSXReader.sheetNames(data) == ["Theo xã, phường", "Theo thôn, tổ dân phố", "Theo người đến hộ"])
        let sheet = try XLSXReader.read(data)
        #expect(sheet.rows[1].cells == ["Đơn vị:", "UBND TỈNH NINH BÌNH"])
        #expect(sheet.rows[2].cells == ["Số liệu đến hết ngày", "46397"])  // 10 January 2027 as a date
        #expect(sheet.rows[5].cells.prefix(3) == ["Xã/Phường", "Mã", "Tỉnh/Thành phố"])
        #expect(sheet.rows[6].cells.prefix(7) == ["Phường Phủ Lý", "13285", "Ninh Bình", "", "7958", "TĐTDS 2019 (ước tính)", "6"])
    }
}
