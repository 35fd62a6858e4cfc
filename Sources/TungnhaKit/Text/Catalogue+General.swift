// The message catalogue: words every command may need.

public enum TungnhaVersion {
    public static let string = "0.1.0"
}

extension Messages {
    public static func errorPrefix(_ l: Language) -> String { l.pick("Lỗi: ", "Error: ") }

    /// Before the argument parser's own (English) message about a command line it could not read.
    public static func usageError(command: String, _ l: Language) -> String {
        let help = "tungnha " + (command.isEmpty ? "" : command + " ") + "--help"
        return l.pick(
            "Lệnh chưa đúng: thiếu hoặc sai một tham số. Không có gì được thay đổi. Xem cách dùng: \(help)",
            "The command line is not complete or not right; nothing was changed. See how to use it: \(help)")
    }

    public static func unknownLanguage(_ text: String, _ l: Language) -> String {
        l.pick("Không có ngôn ngữ \"\(text)\": dùng --lang vi hoặc --lang en.", "Unknown language \"\(text)\": use --lang vi or --lang en.")
    }

    public static func databaseError(_ detail: String, _ path: String, _ l: Language) -> String {
        l.pick(
            "Kho dữ liệu \(path) báo lỗi, nên lệnh không làm gì cả: \(detail)\nHãy thử lại; nếu vẫn lỗi, sao lưu tệp kho và báo cho cán bộ kỹ thuật.",
            "The store \(path) reported an error, so the command changed nothing: \(detail)\nTry again; if it persists, back up the store file and tell your technical officer.")
    }

    public static func unexpectedError(_ detail: String, _ l: Language) -> String {
        l.pick("Lệnh không làm được: \(detail)", "The command could not be done: \(detail)")
    }
}
