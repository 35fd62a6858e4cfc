import Foundation
import Testing
@testable import TungnhaKit

/// The fixtures beside this file.
func fixture(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/" + name).path
}

@Suite struct CSVReaderTests {
    func cells(_ text: String) throws -> [[String]] { try CSVReader.parse(text).rows.map(\.cells) }

    @Test func quotedSeparatorsQuotesAndLineBreaks() throws {
        let table = try CSVReader.parse("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\nlast,,\r\n")
        #expect(table.rows.map(\.cells) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\r\nlines"], ["last", "", ""]])
        // A record spanning two lines is one row: the next is row 3, as a spreadsheet numbers it.
        #expect(table.rows.map(\.number) == [1, 2, 3])
    }

    @Test func separatorFromTheFirstLine() throws {
        #expect(try cells("Tên;Địa chỉ\nAn;Số 1, ngõ 2\n") == [["Tên", "Địa chỉ"], ["An", "Số 1, ngõ 2"]])
        #expect(try cells("Tên\tĐịa chỉ\nAn\tSố 1; ngõ 2\n") == [["Tên", "Địa chỉ"], ["An", "Số 1; ngõ 2"]])
        // Separators inside quotes on the first line do not count.
        #expect(try cells("\"a;b;c\",d\n1,2\n") == [["a;b;c", "d"], ["1", "2"]])
    }

    @Test func lineEndsAndBlankLines() throws {
        #expect(try cells("a\rb\n\nc") == [["a"], ["b"], [""], ["c"]])
        #expect(try CSVReader.parse("a\r\n\r\nb\r\n").rows.map(\.number) == [1, 2, 3])
    }

    @Test func byteOrderMarksAndEncodings() throws {
        let utf8 = Data([0xEF, 0xBB, 0xBF]) + Data("Chủ hộ,Thôn\nĐặng Thị Hoà,Tổ 1\n".utf8)
        #expect(try CSVReader.read(utf8).rows[1].cells == ["Đặng Thị Hoà", "Tổ 1"])
        var utf16 = Data([0xFF, 0xFE])
        utf16.append("Chủ hộ\tThôn\r\nĐặng Thị Hoà\tTổ 1\r\n".data(using: .utf16LittleEndian)!)
        #expect(try CSVReader.read(utf16).rows[1].cells == ["Đặng Thị Hoà", "Tổ 1"])
        #expect(throws: SpreadsheetError.notUTF8) { try CSVReader.read(Data([0x41, 0xC3, 0x28, 0x0A])) }
    }

    @Test func aQuoteLeftOpenIsRefusedWithItsRow() throws {
        #expect(throws: SpreadsheetError.unclosedQuote(row: 2)) { try CSVReader.parse("a,b\n\"open,b\nc,d\n") }
    }

    @Test func boundsOnCrafted() throws {
        let wide = String(repeating: "x,", count: SheetTable.maxColumns) + "x\n"
        #expect(throws: SpreadsheetError.tooManyColumns(row: 1, limit: SheetTable.maxColumns)) { try CSVReader.parse(wide) }
        let long = "\"" + String(repeating: "x", count: SheetTable.maxCellLength + 1) + "\"\n"
        #expect(throws: SpreadsheetError.cellTooLong(row: 1, limit: SheetTable.maxCellLength)) { try CSVReader.parse(long) }
    }

    @Test func theFixtureWithQuotedCommasAndLineBreaks() throws {
        let table = try CSVReader.read(try Data(contentsOf: URL(fileURLWithPath: fixture("so-ho-to-5.csv"))))
        #expect(table.rows.map(\.number) == [1, 2, 3, 4])
        #expect(table.rows[1].cells == ["Hồ Thị Lan", "Số 5; ngõ 1, Châu Cầu", "Tổ 5", "0911222333"])
        #expect(table.rows[2].cells == ["Nguyễn \"Út\" Văn Tư", "Số 8, ngõ 1,\r\nđường Châu Cầu", "Tổ 5", ""])
        #expect(table.rows[3].cells == ["Đỗ Văn Hải", "Số 10\nngõ 3", "Tổ 5", "+84 912 000 111"])
    }
}

@Suite struct CSVDialectTests {
    @Test func vietnameseAndEnglishFiles() throws {
        let row: [SheetCell] = [.text("Phường A; B"), .code("00004"), .count(14877), .share(Share(tenths: 182)), .date(LocalDate("2026-10-18")!), .empty]
        let vi = String(decoding: CSVDialect.vietnamese.render([row]).dropFirst(3), as: UTF8.self)
        #expect(vi == "\"Phường A; B\";=\"00004\";14877;18,2;2026-10-18;\r\n")
        let en = String(decoding: CSVDialect.english.render([row]).dropFirst(3), as: UTF8.self)
        #expect(en == "Phường A; B,=\"00004\",14877,18.2,2026-10-18,\r\n")
    }

    @Test func textThatLooksLikeAFormulaIsDisarmed() throws {
        #expect(CSVDialect.vietnamese.field(.text("=HYPERLINK(\"http://x\")")) == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(CSVDialect.vietnamese.field(.text("+84 912")) == "'+84 912")
        #expect(CSVDialect.vietnamese.field(.text("@cmd")) == "'@cmd")
        // A code that is not all digits is text like any other.
        #expect(CSVDialect.vietnamese.field(.code("-1")) == "'-1")
    }
}

@Suite struct XLSXTests {
    @Test func theRegisterLibreOfficeWrote() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: fixture("so-ho-phu-ly.xlsx")))
        let table = try XLSXReader.read(data)
        #expect(table.sheet == "so-ho-phu-ly")
        #expect(table.rows.first?.cells.first == "DANH SÁCH HỘ GIA ĐÌNH PHƯỜNG PHỦ LÝ")
        #expect(table.rows[2].number == 3)
        #expect(table.rows[2].cells == ["STT", "Họ và tên chủ hộ", "Địa chỉ", "Thôn/Tổ dân phố", "Số điện thoại", "Số nhân khẩu"])
        // Shared strings, and numbers as typed: the phone lost its leading zero when LibreOffice made it a number.
        #expect(table.rows[3].cells == ["1", "Nguyễn Văn An", "Số 12, ngõ 5, Lê Lợi", "Tổ dân phố Lê Lợi", "912345678", "4"])
        #expect(table.rows[4].cells == ["2", "Đặng Thị Hoà", "Số 14, ngõ 5, Lê Lợi", "Tổ dân phố Lê Lợi", "", "3"])
        #expect(table.rows[5].cells[4] == "0987 654 321")
        #expect(table.rows.last?.cells.first == "Tổng cộng")
        #expect(try XLSXReader.sheetNames(data) == ["so-ho-phu-ly"])
    }

    @Test func whatTheWriterWritesReadsBack() throws {
        let first = Worksheet(name: "Theo xã, phường", rows: [
            Worksheet.Row(.title, [.text("Báo cáo")]),
            Worksheet.Row(.header, [.heading("Xã/Phường"), .heading("Mã"), .heading("Hộ"), .heading("Tỷ lệ"), .heading("Ngày")]),
            Worksheet.Row(.body, [.text("Phường <Ba> & \"Đình\""), .code("00004"), .count(14877), .share(Share(tenths: 182)), .date(LocalDate("2026-10-18")!)]),
        ], widths: [20, 8, 8, 8, 10])
        let second = Worksheet(name: "Theo thôn", rows: [Worksheet.Row(.body, [.empty, .text("Tổ 1")])], widths: [])
        let data = try XLSXWriter.write([first, second])
        #expect(try XLSXReader.sheetNames(data) == ["Theo xã, phường", "Theo thôn"])
        let table = try XLSXReader.read(data)
        #expect(table.rows.map(\.cells) == [
            ["Báo cáo"], ["Xã/Phường", "Mã", "Hộ", "Tỷ lệ", "Ngày"], ["Phường <Ba> & \"Đình\"", "00004", "14877", "0.182", "46313"],
        ])
        // Sheets by name (diacritics optional) or by number.
        #expect(try XLSXReader.read(data, sheet: "theo thon").rows[0].cells == ["", "Tổ 1"])
        #expect(try XLSXReader.read(data, sheet: "2").sheet == "Theo thôn")
        #expect(throws: SpreadsheetError.noSuchSheet(name: "Sổ hộ", sheets: ["Theo xã, phường", "Theo thôn"])) { try XLSXReader.read(data, sheet: "Sổ hộ") }
    }

    @Test func sheetNamesExcelAccepts() {
        #expect(XLSXWriter.uniqueName("Theo xã/phường: [2026]", taken: []) == "Theo xãphường 2026")
        #expect(XLSXWriter.uniqueName(String(repeating: "a", count: 40), taken: []).count == 31)
        #expect(XLSXWriter.uniqueName("Tổng", taken: ["tổng"]) == "Tổng (2)")
    }

    @Test func notAWorkbook() {
        #expect(throws: SpreadsheetError.notAWorkbook(part: "zip")) { try XLSXReader.read(Data("PK not a zip".utf8)) }
        #expect(XLSXReader.columnIndex("C7") == 2)
        #expect(XLSXReader.columnIndex("AB12") == 27)
        #expect(SpreadsheetCell.column(0) == "A")
        #expect(SpreadsheetCell.column(27) == "AB")
    }
}
