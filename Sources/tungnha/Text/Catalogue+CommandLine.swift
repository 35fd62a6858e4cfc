import TungnhaKit

// The message catalogue: the frame of every help page, the argument parser's refusals, examples, `tungnha where`.

/// The words around a help page and the refusals of a command line the parser could not read.
public enum CommandLineText {
    public static func overview(_ l: Language) -> String { l.pick("TỔNG QUAN:", "OVERVIEW:") }
    public static func usage(_ l: Language) -> String { l.pick("CÁCH DÙNG:", "USAGE:") }
    public static func arguments(_ l: Language) -> String { l.pick("THAM SỐ:", "ARGUMENTS:") }
    public static func options(_ l: Language) -> String { l.pick("TUỲ CHỌN:", "OPTIONS:") }
    public static func subcommands(_ l: Language) -> String { l.pick("LỆNH CON:", "SUBCOMMANDS:") }
    public static func examples(_ l: Language) -> String { l.pick("VÍ DỤ:", "EXAMPLES:") }
    public static func subcommandPlaceholder(_ l: Language) -> String { l.pick("<lệnh con>", "<subcommand>") }
    public static func optionsPlaceholder(_ l: Language) -> String { l.pick("<tuỳ chọn>", "<options>") }
    public static func helpOption(_ l: Language) -> String { l.pick("Xem hướng dẫn này.", "Show help information.") }
    public static func versionOption(_ l: Language) -> String { l.pick("Xem phiên bản.", "Show the version.") }
    public static func defaultValue(_ value: String, _ l: Language) -> String { l.pick("(mặc định: \(value))", "(default: \(value))") }
    public static func repeatable(_ l: Language) -> String { l.pick("(lặp lại được)", "(repeatable)") }

    /// `path` is the command below `tungnha` ("household"), or empty.
    public static func seeSubcommandHelp(_ path: String, _ l: Language) -> String {
        let command = "tungnha help " + (path.isEmpty ? "" : path + " ")
        return l.pick(
            "Xem hướng dẫn chi tiết của một lệnh con: '\(command)<lệnh con>'.",
            "See '\(command)<subcommand>' for detailed help.")
    }

    static func seeHelp(_ command: String, _ l: Language) -> String {
        l.pick("Xem cách dùng: \(command) --help", "See how to use it: \(command) --help")
    }

    static func didYouMean(_ names: [String], _ l: Language) -> String {
        guard !names.isEmpty else { return "" }
        let list = names.map { "'\($0)'" }.joined(separator: l.pick(" hoặc ", " or "))
        return l.pick(" Có phải bạn muốn \(list)?", " Did you mean \(list)?")
    }

    /// `command` is the command line so far ("tungnha household"); every refusal ends with where to read more.
    public static func unknownOption(_ name: String, command: String, suggestions: [String], _ l: Language) -> String {
        l.pick("Lệnh \(command) không có tuỳ chọn '\(name)'.", "\(command) has no option '\(name)'.")
            + didYouMean(suggestions, l) + "\n" + seeHelp(command, l)
    }

    public static func unknownSubcommand(_ name: String, command: String, suggestions: [String], all: [String], _ l: Language) -> String {
        let head = l.pick("Lệnh \(command) không có lệnh con '\(name)'.", "\(command) has no subcommand '\(name)'.")
        if !suggestions.isEmpty { return head + didYouMean(suggestions, l) + "\n" + seeHelp(command, l) }
        return head + l.pick(" Các lệnh con: ", " Its subcommands: ") + all.joined(separator: ", ") + ".\n" + seeHelp(command, l)
    }

    public static func missingValue(_ synopsis: String, command: String, _ l: Language) -> String {
        l.pick("Thiếu giá trị sau '\(synopsis)'.", "'\(synopsis)' needs a value after it.") + "\n" + seeHelp(command, l)
    }

    public static func missingArgument(_ synopsis: String, command: String, _ l: Language) -> String {
        l.pick("Lệnh \(command) cần '\(synopsis)'.", "\(command) needs '\(synopsis)'.") + "\n" + seeHelp(command, l)
    }

    public static func badValue(_ value: String, for synopsis: String, choices: String?, command: String, _ l: Language) -> String {
        var text = l.pick("Giá trị '\(value)' không dùng được cho '\(synopsis)'.", "The value '\(value)' is not valid for '\(synopsis)'.")
        if let choices { text += l.pick(" Hãy dùng một trong: \(choices).", " Use one of: \(choices).") }
        return text + "\n" + seeHelp(command, l)
    }

    public static func flagTakesNoValue(_ name: String, value: String, command: String, _ l: Language) -> String {
        l.pick("Tuỳ chọn '\(name)' không nhận giá trị, nhưng có '\(value)'.", "The option '\(name)' takes no value, but '\(value)' was given.")
            + "\n" + seeHelp(command, l)
    }

    public static func extraArguments(_ values: [String], command: String, _ l: Language) -> String {
        let list = values.map { "'\($0)'" }.joined(separator: ", ")
        return l.pick("Lệnh \(command) không cần \(list). (Tên có dấu cách thì đặt trong ngoặc kép.)", "\(command) does not take \(list). (Put a name with spaces in double quotes.)")
            + "\n" + seeHelp(command, l)
    }

    public static func invalidOption(_ text: String, command: String, _ l: Language) -> String {
        l.pick("Tuỳ chọn '\(text)' không đúng dạng.", "The option '\(text)' is not well formed.") + "\n" + seeHelp(command, l)
    }

    public static func refused(_ message: String, command: String, _ l: Language) -> String {
        message + "\n" + seeHelp(command, l)
    }

    /// After a refusal: the store was not touched.
    public static func nothingChanged(_ l: Language) -> String { l.pick("Không có gì được thay đổi.", "Nothing was changed.") }
}
