import Foundation
import Testing
import ZIPFoundation
@testable import TungnhaKit

/// The holes of issue 9 under "CSV injection" and "Terminal control characters": what a crafted name becomes in
/// each output of the library.
@Suite struct OutputSafetyTests {
    static let formulas = ["=1+1", "=HYPERLINK(\"http://example.com\",\"xem\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1;1)", "Thôn\t=1"]

    func laptopWithFormulaVillages(_ folder: TemporaryFolder) throws -> Store {
        let laptop = try phuLyLaptop(folder)
        for name in Self.formulas {
            _ = try laptop.addVillage(name: name)
            _ = try laptop.registerHousehold(HouseholdInput(village: name, headName: name, address: name))
        }
        return laptop
    }

    @Test func csvCellsThatWouldStartAFormulaAreNeutralised() throws {
        let folder = TemporaryFolder()
        let laptop = try laptopWithFormulaVillages(folder)
        let report = String(decoding: ReportCSV.render(try laptop.report(ReportRequest(level: .village)), .vi), as: UTF8.self)
        let followups = String(decoding: FollowupsPrint.csv(try laptop.followups(), today: LocalDate("2026-11-20")!, .vi), as: UTF8.self)
        for csv in [report, followups] {
            // Village names are stored tidy: "Thôn\t=1" became "Thôn =1", which starts no formula.
            for cell in ["'=1+1", "\"'=HYPERLINK(\"\"http://example.com\"\",\"\"xem\"\")\"", "'+cmd|' /C calc'!A0", "'-2+3", "\"'@SUM(1;1)\""] {
                #expect(csv.contains(";" + cell + ";") || csv.contains(";" + cell + "\r\n"), "\(cell)")
            }
            for raw in [";=1+1", ";+cmd", ";-2+3", ";@SUM", ";=HYPERLINK"] { #expect(!csv.contains(raw), "\(raw)") }
        }
        #expect(CSVDialect.neutralised("  =1+1") == "'  =1+1")
        #expect(CSVDialect.neutralised("\r=1+1") == "'\r=1+1")
        #expect(CSVDialect.neutralised("Thôn 1") == "Thôn 1")
    }

    @Test func xlsxCellsAreTextNeverFormulas() throws {
        let folder = TemporaryFolder()
        let laptop = try laptopWithFormulaVillages(folder)
        let data = try ReportXLSX.render([try laptop.report(ReportRequest(level: .village))], unit: nil, generatedAt: fixedStart, .vi)
        let archive = try Archive(data: data, accessMode: .read)
        var sheet = Data()
        _ = try archive.extract(archive["xl/worksheets/sheet1.xml"]!) { sheet.append($0) }
        let xml = String(decoding: sheet, as: UTF8.self)
        #expect(!xml.contains("<f>"))
        #expect(xml.contains("t=\"inlineStr\"><is><t xml:space=\"preserve\">=1+1</t>"))
        #expect(try XLSXReader.read(data).rows.contains { $0.cells.contains("=1+1") })
    }

    @Test func controlAndBidiCharactersReachNoTerminal() {
        let label = "Laptop\u{1B}]0;pwned\u{07}\u{1B}[2J \u{202E}gnp.exe"
        #expect(TerminalText.safe(label) == "Laptop\\u{1B}]0;pwned\\u{7}\\u{1B}[2J \\u{202E}gnp.exe")
        #expect(TerminalText.safe("Nguyễn Văn An\n\tSố 12") == "Nguyễn Văn An\n\tSố 12")
        var table = TextTable(headers: ["Máy"])
        table.rows = [[label]]
        #expect(!table.render().unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E || $0.value == 0x07 })
        #expect(TerminalText.safeJSON(#"{"label":"a\u001b\#u{202E}b"}"#) == #"{"label":"a\u001b\u202eb"}"#)
    }
}
