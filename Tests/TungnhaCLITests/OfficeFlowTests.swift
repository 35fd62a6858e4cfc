import Foundation
import Testing
import TungnhaKit

/// The commune office's commands through the built binary: the household list from Excel, the paper rounds,
/// the xlsx report; and no progress line where nobody watches a terminal.
@Suite struct OfficeFlowTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TungnhaKitTests/Fixtures")

    @Test func theRegisterFromExcelDryRunFirstThenOnceOnly() throws {
        let cli = CLI()
        try cli.run("init", "--commune", "13285", "--device-name", "Laptop tổ 1")
        let workbook = Self.fixtures.appendingPathComponent("so-ho-phu-ly.xlsx").path
        let dry = try cli.run("register", "households", workbook, "--dry-run")
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.hasPrefix("Chạy thử (chưa ghi gì): \(workbook), trang \"so-ho-phu-ly\"\n"))
        #expect(dry.stdout.contains("  Sẽ thêm thôn/tổ dân phố: Tổ dân phố Lê Lợi, Tổ dân phố Trần Phú\n  Sẽ ghi mới: 6 hộ\n"))
        #expect(dry.stdout.contains("    9     —   Vũ Thị Én"))
        #expect(dry.stdout.hasSuffix("Để nạp thật, chạy lại lệnh mà bỏ --dry-run.\n"))
        #expect(dry.stderr == "")
        let list = try cli.json("household", "list") as! [Any]
        #expect(list.isEmpty)

        let done = try cli.run("register", "households", workbook)
        #expect(done.stdout.contains("  Đã ghi mới: 6 hộ\n"))
        #expect(done.stderr == "")  // piped: no progress line
        let again = try cli.run("register", "households", workbook)
        #expect(again.stdout.contains("  Đã ghi mới: 0 hộ\n"))
        #expect(again.stdout.contains("  Đã có từ lần nạp trước: 6 · tổ đã ghi từ trước: 0 · dòng lặp lại trong tệp: 0\n"))
        let table = try cli.run("household", "list").stdout
        #expect(table.contains("Nguyễn Văn An (sổ hộ)"))
        #expect(table.hasSuffix("6 hộ.\n"))

        let csv = Self.fixtures.appendingPathComponent("so-ho-to-5.csv").path
        let quoted = try cli.json("register", "households", csv) as! [String: Any]
        #expect((quoted["created"] as! [[String: Any]]).map { $0["row"] as! Int } == [2, 3, 4])
    }

    @Test func aBadCellIsNamedAndNothingIsWritten() throws {
        let cli = CLI()
        try cli.run("init", "--commune", "13285", "--device-name", "Laptop tổ 1")
        try "Chủ hộ,Địa chỉ,Thôn\nAn,Số 1,Tổ 1\nBình,Số 2 CCCD 001099012345,Tổ 1\n".write(toFile: cli.path("so-ho.csv"), atomically: true, encoding: .utf8)
        let refused = try cli.run("register", "households", "so-ho.csv")
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("Lỗi: Dòng 3, cột B (Địa chỉ): Địa chỉ có một dãy từ 9 chữ số trở lên"))
        let english = try cli.run("register", "households", "so-ho.csv", "--lang", "en")
        #expect(english.stderr.hasPrefix("Error: Row 3, column B (Địa chỉ): The address holds a run of 9 or more digits"))
        #expect((try cli.json("household", "list") as! [Any]).isEmpty)
    }

    @Test func paperRoundsAndTheWorkbook() throws {
        let cli = CLI()
        try cli.run("init", "--commune", "13285", "--device-name", "Laptop tổ 1")
        try cli.run("register", "households", Self.fixtures.appendingPathComponent("so-ho-phu-ly.xlsx").path)
        let html = try cli.run("followups", "--format", "html", "--out", "vong.html")
        #expect(html.stdout == "Đã ghi danh sách vào vong.html.\n")
        let page = try String(contentsOfFile: cli.path("vong.html"), encoding: .utf8)
        #expect(page.components(separatedBy: "<section class=\"village\">").count - 1 == 2)
        #expect(page.contains("Nguyễn Văn An (sổ hộ)"))
        #expect(page.contains("0912345678"))
        let csv = try cli.run("followups", "--format", "csv")
        #expect(csv.stdout.hasPrefix("\u{FEFF}Xã/Phường;Mã xã;Thôn/Tổ dân phố;Mã hộ;Chủ hộ;"))
        #expect(csv.stdout.components(separatedBy: "\r\n").count == 8)  // header, six households, the end

        let written = try cli.run("report", "--format", "xlsx", "--out", "bao-cao.xlsx")
        #expect(written.stdout == "Đã ghi báo cáo vào bao-cao.xlsx.\n")
        #expect(written.stderr == "")
        let data = try Data(contentsOf: URL(fileURLWithPath: cli.path("bao-cao.xlsx")))
        #expect(try XLSXReader.sheetNames(data) == ["Theo xã, phường", "Theo thôn, tổ dân phố", "Theo người đến hộ"])
        #expect(try XLSXReader.read(data).rows[1].cells == ["Đơn vị:", "UBND PHƯỜNG PHỦ LÝ"])
        try cli.run("init", "--district-server", "--device-name", "Máy chủ huyện", db: "district.sqlite")
        try cli.enrollEachOther(laptop: "laptop.sqlite", district: "district.sqlite")
        let export = try cli.run("export", "--out", "exports")
        #expect(export.stderr == "")
    }
}
