// The message catalogue: the commune's household list (sổ hộ) read from Excel or CSV.

extension RegisterField: Localized {
    public func text(_ l: Language) -> String {
        switch self {
        case .head: return l.pick("tên chủ hộ", "head of household")
        case .address: return l.pick("địa chỉ", "address")
        case .village: return l.pick("thôn/tổ dân phố", "village")
        case .phone: return l.pick("điện thoại", "phone")
        case .members: return l.pick("số nhân khẩu", "members")
        }
    }

    /// The command-line option that names this column.
    public var option: String { "--\(rawValue)-column" }
}

extension SpreadsheetError {
    public func text(_ l: Language) -> String {
        let save = l.pick(
            " Mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx, hoặc CSV UTF-8.",
            " Open it in Excel or LibreOffice and save it as .xlsx, or as CSV UTF-8.")
        switch self {
        case .unreadable(let path): return l.pick("Không đọc được tệp \(path). Kiểm tra lại đường dẫn.", "Cannot read \(path). Check the path.")
        case .notUTF8: return l.pick("Tệp CSV không ở dạng UTF-8.", "The CSV file is not UTF-8.") + save
        case .unclosedQuote(let row):
            return l.pick("Dòng \(row): một dấu ngoặc kép (\") mở ra mà không đóng lại, nên không biết ô kết thúc ở đâu.", "Row \(row): a quote (\") opens and never closes, so the cell has no end.") + save
        case .tooManyRows(let limit): return l.pick("Tệp có quá \(formatNumber(limit, l)) dòng.", "The file has more than \(formatNumber(limit, l)) rows.") + l.pick(" Chia thành nhiều tệp.", " Split it into several files.")
        case .tooManyColumns(let row, let limit): return l.pick("Dòng \(row) có quá \(limit) cột.", "Row \(row) has more than \(limit) columns.") + save
        case .cellTooLong(let row, let limit): return l.pick("Dòng \(row) có một ô dài quá \(formatNumber(limit, l)) ký tự.", "Row \(row) has a cell longer than \(formatNumber(limit, l)) characters.") + save
        case .notAWorkbook(let part): return l.pick("Tệp không phải bảng tính .xlsx đọc được (thiếu hoặc hỏng phần \(part)).", "The file is not a readable .xlsx workbook (missing or damaged: \(part)).") + save
        case .partTooLarge(let part, let limit):
            return l.pick("Phần \(part) của tệp .xlsx lớn quá \(limit >> 20) MB khi giải nén; tungnha không mở tệp này.", "The part \(part) of the .xlsx file is over \(limit >> 20) MB uncompressed; tungnha will not open it.") + save
        case .noSuchSheet(let name, let sheets):
            return l.pick(
                "Không có trang tính \"\(name)\". Các trang tính: \(sheets.joined(separator: ", ")). Chọn bằng --sheet \"TÊN\" hoặc --sheet SỐ (1 là trang đầu).",
                "There is no sheet \"\(name)\". The sheets: \(sheets.joined(separator: ", ")). Choose one with --sheet \"NAME\" or --sheet NUMBER (1 is the first).")
        case .unknownFormat(let path):
            return l.pick("Tệp \(path) là bảng tính Excel cũ (.xls), tungnha chưa đọc được.", "\(path) is an old Excel workbook (.xls), which tungnha cannot read.") + save
        }
    }
}

extension HouseholdRegisterError {
    public func text(_ l: Language) -> String {
        let options = l.pick(
            " Chỉ rõ cột bằng --head-column, --address-column, --village-column, --phone-column, --members-column (tên cột hoặc chữ cái, ví dụ C).",
            " Name the columns with --head-column, --address-column, --village-column, --phone-column, --members-column (a header or a letter, such as C).")
        let nothing = l.pick(" Chưa có hộ nào được ghi.", " No household was recorded.")
        switch self {
        case .noHeader(let sheet):
            return l.pick(
                "Không tìm thấy dòng tiêu đề cột (như \"Họ và tên chủ hộ\", \"Địa chỉ\", \"Thôn\") trong 20 dòng đầu\(sheet.map { " của trang \"\($0)\"" } ?? "").",
                "No header row (such as \"Họ và tên chủ hộ\", \"Địa chỉ\", \"Thôn\") in the first 20 rows\(sheet.map { " of the sheet \"\($0)\"" } ?? "").")
                + options + nothing
        case .columnNotFound(let field, let given, let headers):
            return l.pick(
                "Không có cột \"\(given)\" (\(field.text(l)), \(field.option)). Các cột trong tệp: \(headers.joined(separator: " | ")).",
                "There is no column \"\(given)\" (\(field.text(l)), \(field.option)). The file's columns: \(headers.joined(separator: " | ")).") + nothing
        case .ambiguousColumn(let field, let columns):
            return l.pick(
                "Có nhiều cột giống cột \(field.text(l)): \(columns.joined(separator: ", ")). Chọn một: \(field.option) \"TÊN CỘT\" (hoặc chữ cái của cột).",
                "Several columns look like the \(field.text(l)): \(columns.joined(separator: ", ")). Choose one: \(field.option) \"HEADER\" (or the column's letter).") + nothing
        case .noHeadOrAddress:
            return l.pick("Tệp không có cột tên chủ hộ hay cột địa chỉ: cần ít nhất một trong hai.", "The file has neither a head-of-household column nor an address column: one of them is needed.") + options + nothing
        case .noVillage:
            return l.pick(
                "Tệp không có cột thôn/tổ dân phố. Nếu mọi hộ trong tệp cùng một thôn, cho biết thôn đó: --village \"Thôn 3\"; hoặc chỉ rõ cột: --village-column.",
                "The file has no village column. If every household in it lies in one village, say which: --village \"Thôn 3\"; or name the column: --village-column.") + nothing
        case .badCell(let row, let column, let header, let problem):
            let place = l.pick("Dòng \(row), cột \(column)", "Row \(row), column \(column)") + (header.isEmpty ? "" : " (\(header))")
            return place + ": " + problem.text(l) + l.pick(" Sửa ô này trong tệp rồi nạp lại.", " Correct that cell in the file and import it again.") + nothing
        case .noRows(let sheet):
            return l.pick("Không có hộ nào dưới dòng tiêu đề\(sheet.map { " của trang \"\($0)\"" } ?? "").", "No household below the header row\(sheet.map { " of the sheet \"\($0)\"" } ?? "").") + nothing
        }
    }
}

extension Messages {
    public static func registerNameCarried(_ household: HouseholdSummary, _ l: Language) -> String {
        l.pick(
            "Hộ đã đồng ý ghi tên: tên chủ hộ theo sổ hộ (\(household.headName ?? "")) được ghi cho hộ \(household.shortCode) và sẽ được gửi đi trong lô tới.",
            "The household agreed to names being kept: the head's name from the register (\(household.headName ?? "")) is now recorded for \(household.shortCode) and goes in the next batch.")
    }

    public static func householdImport(_ result: HouseholdImport, _ l: Language) -> String {
        var lines: [String] = []
        let source = result.file + (result.sheet.map { l.pick(", trang \"\($0)\"", ", sheet \"\($0)\"") } ?? "")
        lines.append(result.dryRun
            ? l.pick("Chạy thử (chưa ghi gì): \(source)", "Dry run (nothing written): \(source)")
            : l.pick("Đã nạp danh sách hộ: \(source)", "Household list imported: \(source)"))
        let order = RegisterField.allCases.compactMap { field in result.columns[field.rawValue].map { "\(field.text(l)) = \($0)" } }
        lines.append(l.pick("  Dòng tiêu đề: \(result.headerRow); cột: ", "  Header row: \(result.headerRow); columns: ") + order.joined(separator: "; "))
        if !result.villagesAdded.isEmpty {
            lines.append((result.dryRun ? l.pick("  Sẽ thêm thôn/tổ dân phố: ", "  Villages to add: ") : l.pick("  Đã thêm thôn/tổ dân phố: ", "  Villages added: "))
                + result.villagesAdded.joined(separator: ", "))
        }
        lines.append((result.dryRun ? l.pick("  Sẽ ghi mới: ", "  To create: ") : l.pick("  Đã ghi mới: ", "  Created: "))
            + l.pick("\(formatNumber(result.created.count, l)) hộ", "\(formatNumber(result.created.count, l)) households"))
        var table = TextTable(headers: [l.pick("Dòng", "Row"), l.pick("Mã", "Code"), l.pick("Chủ hộ (sổ hộ)", "Head (register)"), l.pick("Địa chỉ", "Address"), l.pick("Thôn/Tổ dân phố", "Village")])
        table.rows = result.created.prefix(result.dryRun ? 1000 : 20).map { [String($0.row), $0.code.map { String($0.prefix(6)) } ?? "—", $0.head ?? "", $0.address ?? "", $0.village] }
        if !table.rows.isEmpty { lines += table.render().split(separator: "\n").map { "    " + $0 } }
        if result.created.count > table.rows.count {
            lines.append("    " + l.pick("… và \(result.created.count - table.rows.count) hộ nữa", "… and \(result.created.count - table.rows.count) more"))
        }
        lines.append(l.pick(
            "  Đã có từ lần nạp trước: \(formatNumber(result.alreadyImported.count, l)) · tổ đã ghi từ trước: \(formatNumber(result.alreadyRegistered.count, l)) · dòng lặp lại trong tệp: \(result.repeatedRows.count)",
            "  Imported before: \(formatNumber(result.alreadyImported.count, l)) · registered by the team already: \(formatNumber(result.alreadyRegistered.count, l)) · rows repeated in the file: \(result.repeatedRows.count)"))
        for repeated in result.repeatedRows.prefix(10) {
            lines.append("    " + l.pick("dòng \(repeated.row) giống dòng \(repeated.sameAs): bỏ qua", "row \(repeated.row) repeats row \(repeated.sameAs): left out"))
        }
        lines.append(l.pick(
            "Tên và số điện thoại trong sổ hộ chỉ ở trên máy này, không được gửi đi; khi hộ đồng ý ghi tên (tungnha visit MÃ --consent yes), tên chủ hộ mới được ghi và gửi như mọi thông tin khác.",
            "Names and phone numbers from the register stay on this machine and are never sent; once a household agrees to names being kept (tungnha visit CODE --consent yes), the head's name is recorded and sent like anything else."))
        lines.append(result.dryRun
            ? l.pick("Để nạp thật, chạy lại lệnh mà bỏ --dry-run.", "To import, run the command again without --dry-run.")
            : l.pick("Tiếp theo: tungnha household list · tungnha followups", "Next: tungnha household list · tungnha followups"))
        return lines.joined(separator: "\n")
    }
}
