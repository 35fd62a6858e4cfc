// The message catalogue: likely mistakes caught as a volunteer types.

extension EntryError {
    public func text(_ l: Language) -> String {
        switch self {
        case .dateWithoutTime(let text):
            return l.pick(
                "Thời điểm \"\(text)\" mới có ngày, chưa có giờ; tungnha không tự đoán giờ. Hãy ghi cả giờ, ví dụ \"\(text) 09:30\". Các dạng được nhận: 2026-11-20 09:30, 20/11/2026 09:30, 2026-11-20T09:30:00+07:00 (giờ Việt Nam). Không có gì được ghi.",
                "The time \"\(text)\" is a day without an hour; tungnha does not guess the hour. Give it, such as \"\(text) 09:30\". Accepted forms: 2026-11-20 09:30, 20/11/2026 09:30, 2026-11-20T09:30:00+07:00 (Vietnam time). Nothing was recorded.")
        case .followUpInPast(let date, let today):
            return l.pick(
                "Ngày hẹn đến lại \(date.vietnamese) đã qua (hôm nay là \(today.vietnamese)). Hãy hẹn từ hôm nay trở đi, ví dụ \(today.adding(days: 7).vietnamese). Không có gì được ghi.",
                "The follow-up day \(date.vietnamese) has passed (today is \(today.vietnamese)). Choose today or later, such as \(today.adding(days: 7).vietnamese). Nothing was recorded.")
        case .fileMissing(let path):
            return l.pick(
                "Không có tệp hay thư mục \"\(path)\". Kiểm tra lại đường dẫn (có thể gõ nhầm). Không có gì được gộp, và không tệp nào bị chuyển vào quarantine/.",
                "There is no file or folder \"\(path)\". Check the path (it may be mistyped). Nothing was merged, and no file was moved to quarantine/.")
        case .possibleDuplicate(let existing):
            let list = existing.map { "\n  \($0.shortCode)  " + [$0.headName, $0.address, $0.village].compactMap { $0 }.joined(separator: ", ") }.joined()
            return l.pick(
                "Thôn này đã có hộ cùng tên chủ hộ:\(list)\nCó thể là cùng một nhà được ghi lại. Nếu đúng là cùng nhà, dùng mã đã có (tungnha household show MÃ). Nếu đúng là một hộ khác, chạy lại lệnh với --yes. Chưa có gì được ghi.",
                "This village already has a household with the same head:\(list)\nIt may be the same house registered again. If it is, use the code above (tungnha household show CODE). If it really is another household, run the command again with --yes. Nothing was recorded yet.")
        case .unknownChoice(let text, let choices):
            return l.pick("Không hiểu \"\(text)\". Hãy gõ một trong: \(choices).", "Cannot read \"\(text)\". Type one of: \(choices).")
        case .noVillages:
            return l.pick(
                "Máy này chưa có thôn/tổ dân phố nào. Thêm trước: tungnha village add \"Thôn 1\".",
                "This laptop has no village yet. Add one first: tungnha village add \"Thôn 1\".")
        case .noMatch(let text):
            return l.pick(
                "Không có hộ nào trong thôn này khớp \"\(text)\". Gõ một phần khác của tên chủ hộ, địa chỉ hoặc mã hộ (không cần dấu).",
                "No household of this village matches \"\(text)\". Type another part of the head's name, the address or the code (diacritics optional).")
        case .needsTerminal(let command):
            return l.pick(
                "Lệnh tungnha \(command) còn thiếu thông tin. Trong cửa sổ dòng lệnh, chạy tungnha \(command) không kèm gì để được hỏi từng bước; khi chạy bằng tập lệnh hoặc với --json, hãy ghi đủ các tham số (xem tungnha \(command) --help).",
                "tungnha \(command) is missing some details. In a terminal, run tungnha \(command) alone to be asked step by step; from a script or with --json, give all the options (see tungnha \(command) --help).")
        case .notANumber(let text):
            return l.pick("\"\(text)\" không phải là số trong danh sách. Hãy gõ số thứ tự.", "\"\(text)\" is not a number from the list. Type its number.")
        case .numberOutOfRange(let text, let count):
            return l.pick("Không có số \(text) trong danh sách: hãy gõ từ 1 đến \(count).", "There is no number \(text) in the list: type 1 to \(count).")
        }
    }
}
