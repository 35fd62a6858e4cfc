import TungnhaKit

/// A command's help in the user's language, drawn from the command tree: what it does, how to call it, its
/// arguments and options, its subcommands, and an example from the catalogue.
enum HelpPage {
    static let width = 100
    static let column = 28

    static func render(_ command: CommandInfo, path: [String], _ l: Language) -> String {
        let name = (["tungnha"] + path).joined(separator: " ")
        var sections: [String] = []
        var overview = wrap(abstract(of: command, l), indent: 0)
        if let discussion = command.discussion, !discussion.isEmpty { overview += "\n\n" + wrap(discussion, indent: 0) }
        sections.append(CommandLineText.overview(l) + " " + overview)
        sections.append(CommandLineText.usage(l) + " " + usage(command, name: name, l))

        let shown = command.allArguments.filter(\.shouldDisplay)
        let positionals = shown.filter(\.isPositional)
        if !positionals.isEmpty {
            sections.append(CommandLineText.arguments(l) + "\n" + positionals.map { row("<" + ($0.valueName ?? "") + ">", describe($0, l)) }.joined(separator: "\n"))
        }
        // The command's own options first, the ones every command takes last.
        let options = shown.filter { !$0.isPositional && !$0.isGlobal && !isBuiltIn($0) } + shown.filter(\.isGlobal) + shown.filter(isBuiltIn)
        if !options.isEmpty {
            sections.append(CommandLineText.options(l) + "\n" + options.map { row(label($0), describe($0, l)) }.joined(separator: "\n"))
        }
        let subcommands = command.children.filter { $0.shouldDisplay ?? true }
        if !subcommands.isEmpty {
            let rows = subcommands.map { row($0.commandName, abstract(of: $0, l)) }.joined(separator: "\n")
            sections.append(CommandLineText.subcommands(l) + "\n" + rows + "\n\n  " + CommandLineText.seeSubcommandHelp(path.joined(separator: " "), l))
        }
        let examples = HelpExample.lines(for: path.joined(separator: " "), l)
        if !examples.isEmpty {
            sections.append(CommandLineText.examples(l) + "\n" + examples.map { "  " + $0 }.joined(separator: "\n"))
        }
        return sections.joined(separator: "\n\n")
    }

    static func abstract(of command: CommandInfo, _ l: Language) -> String {
        // The `help` subcommand is swift-argument-parser's own, with an English abstract.
        command.commandName == "help" && command.children.isEmpty
            ? l.pick("Xem hướng dẫn của một lệnh con.", "Show a subcommand's help.") : (command.abstract ?? "")
    }

    static func isBuiltIn(_ argument: CommandInfo.Argument) -> Bool {
        argument.names?.contains { $0.name == "help" || $0.name == "version" } ?? false
    }

    static func label(_ argument: CommandInfo.Argument) -> String {
        let names = (argument.names ?? []).map(\.synopsis).joined(separator: ", ")
        return argument.kind == "option" ? names + " <" + (argument.valueName ?? "") + ">" : names
    }

    static func describe(_ argument: CommandInfo.Argument, _ l: Language) -> String {
        if argument.names?.contains(where: { $0.name == "help" }) ?? false { return CommandLineText.helpOption(l) }
        if argument.names?.contains(where: { $0.name == "version" }) ?? false { return CommandLineText.versionOption(l) }
        var text = argument.abstract ?? ""
        if let value = argument.defaultValue, !value.isEmpty, !text.contains(l.pick("mặc định", "default")) {
            text += " " + CommandLineText.defaultValue(value, l)
        }
        return text
    }

    static func usage(_ command: CommandInfo, name: String, _ l: Language) -> String {
        if !command.children.isEmpty { return name + " " + CommandLineText.subcommandPlaceholder(l) }
        let arguments = command.allArguments.filter { $0.shouldDisplay && !isBuiltIn($0) }
        let ordered = arguments.filter { !$0.isGlobal } + arguments.filter(\.isGlobal)
        let parts = ordered.map { argument -> String in
            var part = argument.synopsis
            if argument.isRepeating { part += " …" }
            return argument.isOptional ? "[" + part + "]" : part
        }
        return wrap(([name] + parts).joined(separator: " "), indent: CommandLineText.usage(l).count + 1, first: CommandLineText.usage(l).count + 1)
    }

    /// "  --village <name>          The household's village." with the text wrapped under its column.
    static func row(_ label: String, _ text: String) -> String {
        let head = "  " + label
        if head.count + 2 > column {
            return head + "\n" + String(repeating: " ", count: column) + wrap(text, indent: column, first: column)
        }
        return head + String(repeating: " ", count: column - head.count) + wrap(text, indent: column, first: column)
    }

    /// Wraps at `width` by words; continuation lines start with `indent` spaces. `first` is where line one starts.
    static func wrap(_ text: String, indent: Int, first: Int = 0) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { number, paragraph -> String in
            var lines: [String] = []
            var line = ""
            var start = number == 0 ? first : indent
            for word in paragraph.split(separator: " ") {
                if !line.isEmpty, start + line.count + 1 + word.count > width {
                    lines.append(line)
                    line = String(word)
                    start = indent
                } else {
                    line += (line.isEmpty ? "" : " ") + word
                }
            }
            lines.append(line)
            return lines.joined(separator: "\n" + String(repeating: " ", count: indent))
        }.joined(separator: "\n" + String(repeating: " ", count: indent))
    }
}
