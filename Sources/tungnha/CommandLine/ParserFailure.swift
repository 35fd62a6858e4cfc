import ArgumentParser
import Foundation
import TungnhaKit

/// A command line swift-argument-parser refused (or a help page it was asked for), read from the error's structure
/// so that it can be said in the user's language. The parser's error types are internal: their shape is read
/// with `Mirror`, and `CommandLineTests` in the CLI tests fail, word for word, if a new version of the package changes it.
struct ParserFailure {
    /// The commands from `tungnha` to the one being parsed.
    var stack: [ParsableCommand.Type]
    /// The parser's case: "unknownOption", "noValue", "helpRequested"…
    var kind: String
    var values: [Any]
    var error: Error

    init?(_ error: Error) {
        let mirror = Mirror(reflecting: error)
        guard let stack = mirror.descendant("commandStack") as? [ParsableCommand.Type],
            let parserError = mirror.descendant("parserError")
        else { return nil }
        self.stack = stack
        self.error = error
        let reflected = Mirror(reflecting: parserError)
        if let child = reflected.children.first, let label = child.label {
            kind = label
            let payload = Mirror(reflecting: child.value)
            values = payload.displayStyle == .tuple ? payload.children.map(\.value) : [child.value]
        } else {
            kind = String(describing: parserError)
            values = []
        }
    }

    var path: [String] { stack.dropFirst().map { $0._commandName } }
    var commandLine: String { (["tungnha"] + path).joined(separator: " ") }

    /// "--outcome" for a parser `Name`: `.long("outcome")`, `.short("h", allowingJoined:)`, `.longWithSingleDash`.
    static func synopsis(ofName value: Any) -> String? {
        var value = value
        let optional = Mirror(reflecting: value)
        if optional.displayStyle == .optional {
            guard let wrapped = optional.children.first?.value else { return nil }
            value = wrapped
        }
        guard let child = Mirror(reflecting: value).children.first, let label = child.label else { return nil }
        switch label {
        case "long": return "--" + String(describing: child.value)
        case "longWithSingleDash": return "-" + String(describing: child.value)
        case "short":
            let parts = Mirror(reflecting: child.value).children.map(\.value)
            return "-" + String(describing: parts.first ?? child.value)
        default: return nil
        }
    }

    /// The text inside the first pair of single quotes of the parser's English message ("Missing expected argument '<x>'").
    var quotedInParserMessage: String? {
        let message = Tungnha.message(for: error)
        guard let start = message.firstIndex(of: "'") else { return nil }
        let rest = message[message.index(after: start)...]
        guard let end = rest.firstIndex(of: "'") else { return nil }
        return String(rest[..<end])
    }

    /// The first `--name` among `typed` (the command's own arguments) that the command does not know.
    static func unknownOption(in arguments: [CommandInfo.Argument], of typed: [String]) -> String? {
        var index = 0
        while index < typed.count {
            let word = typed[index]
            if word == "--" { return nil }
            if word.hasPrefix("--") {
                let name = String(word.split(separator: "=", maxSplits: 1)[0])
                guard let known = arguments.first(where: { $0.names?.contains { $0.synopsis == name } ?? false }) else { return name }
                if known.kind == "option", !word.contains("=") { index += 1 }
            }
            index += 1
        }
        return nil
    }

    /// The text to show for this refusal, or nil when the parser's own output is right as it is (version, completion).
    func message(tree: CommandInfo?, commandArguments: [String], _ l: Language) -> String? {
        let command = tree?.descendant(path)
        let arguments = command?.allArguments ?? []
        func argument(named synopsis: String) -> CommandInfo.Argument? {
            arguments.first { $0.names?.contains { $0.synopsis == synopsis } ?? false }
        }
        // A misspelt option often surfaces as another refusal first (a required option "missing"): name it instead.
        if kind != "userValidationError", let unknown = Self.unknownOption(in: arguments, of: commandArguments) {
            let names = arguments.flatMap { $0.names ?? [] }.filter { $0.kind == "long" }.map(\.synopsis)
            let close = Suggestions.closest(to: unknown, among: names, limit: 2)
            return CommandLineText.unknownOption(unknown, command: commandLine, suggestions: close, l)
        }
        switch kind {
        case "unknownOption", "missingValueOrUnknownCompositeOption":
            let name = values.last.flatMap(Self.synopsis(ofName:)) ?? quotedInParserMessage ?? "?"
            let names = arguments.flatMap { $0.names ?? [] }.filter { $0.kind == "long" }.map(\.synopsis)
            let close = Suggestions.closest(to: name, among: names, limit: 2)
            return CommandLineText.unknownOption(name, command: commandLine, suggestions: close, l)
        case "missingValueForOption":
            let name = values.last.flatMap(Self.synopsis(ofName:)) ?? "?"
            return CommandLineText.missingValue(argument(named: name)?.synopsis ?? name, command: commandLine, l)
        case "unexpectedValueForOption":
            let name = values.dropFirst().first.flatMap(Self.synopsis(ofName:)) ?? "?"
            return CommandLineText.flagTakesNoValue(name, value: values.last.map { String(describing: $0) } ?? "", command: commandLine, l)
        case "unexpectedExtraValues":
            let extras = (values.first as? [Any] ?? []).compactMap { Mirror(reflecting: $0).children.map(\.value).last as? String }
            return CommandLineText.extraArguments(extras, command: commandLine, l)
        case "noValue":
            let synopsis = quotedInParserMessage ?? "?"
            return CommandLineText.missingArgument(synopsis, command: commandLine, l)
        case "unableToParseValue":
            let value = values.count > 2 ? String(describing: values[2]) : "?"
            let name = values.count > 1 ? Self.synopsis(ofName: values[1]) : nil
            let target = name.flatMap(argument(named:)) ?? (name == nil ? arguments.first(where: \.isPositional) : nil)
            let choices = target?.allValues.map { $0.joined(separator: ", ") }
            return CommandLineText.badValue(value, for: target?.synopsis ?? name ?? quotedInParserMessage ?? "?", choices: choices, command: commandLine, l)
        case "invalidOption", "nonAlphanumericShortOption":
            return CommandLineText.invalidOption(values.first.map { String(describing: $0) } ?? "", command: commandLine, l)
        case "missingSubcommand":
            let all = (command?.children ?? []).map(\.commandName)
            return CommandLineText.unknownSubcommand("", command: commandLine, suggestions: [], all: all, l)
        case "userValidationError":
            guard let validation = values.first as? ValidationError else { return nil }
            return CommandLineText.refused(validation.message, command: commandLine, l)
        default:
            return nil
        }
    }
}
