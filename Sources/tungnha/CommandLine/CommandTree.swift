import ArgumentParser
import Foundation
import TungnhaKit

/// The commands and their arguments as swift-argument-parser describes them itself (the versioned JSON of
/// `--experimental-dump-help`, which its manual plugin also reads): the source of help pages and suggestions.
struct CommandInfo: Decodable {
    struct Name: Decodable, Equatable {
        var kind: String
        var name: String

        var synopsis: String { kind == "long" ? "--" + name : "-" + name }
    }

    struct Argument: Decodable {
        var kind: String
        var names: [Name]?
        var valueName: String?
        var isOptional: Bool
        var isRepeating: Bool
        var abstract: String?
        var defaultValue: String?
        var allValues: [String]?
        var shouldDisplay: Bool

        var isPositional: Bool { kind == "positional" }
        var isGlobal: Bool { names?.contains { ["db", "lang", "json"].contains($0.name) } ?? false }

        /// "--outcome <met|absent>", "<household>", "--json".
        var synopsis: String {
            let value = "<" + (valueName ?? "value") + ">"
            guard let name = names?.first(where: { $0.kind == "long" }) ?? names?.first else { return value }
            return kind == "option" ? name.synopsis + " " + value : name.synopsis
        }
    }

    var commandName: String
    var abstract: String?
    var discussion: String?
    var shouldDisplay: Bool?
    var subcommands: [CommandInfo]?
    var arguments: [Argument]?

    var children: [CommandInfo] { subcommands ?? [] }
    var allArguments: [Argument] { arguments ?? [] }

    /// The command at `path` below this one ("household", "add").
    func descendant(_ path: [String]) -> CommandInfo? {
        var command = self
        for name in path {
            guard let next = command.children.first(where: { $0.commandName == name }) else { return nil }
            command = next
        }
        return command
    }

    private struct Dump: Decodable { var command: CommandInfo }

    /// The parser's JSON description with each command's examples added to its discussion, so that the manual
    /// page built from it (swift-argument-parser's GenerateManual plugin) shows them as help does.
    static func withExamples(_ json: String) -> String? {
        guard var root = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any],
            let command = root["command"] as? [String: Any]
        else { return nil }
        func add(_ command: [String: Any], path: [String]) -> [String: Any] {
            var command = command
            let examples = HelpExample.lines(for: path.joined(separator: " "), Language.current)
            if !examples.isEmpty {
                let text = CommandLineText.examples(Language.current) + "\n" + examples.map { "  " + $0 }.joined(separator: "\n")
                let discussion = (command["discussion"] as? String).map { $0 + "\n\n" } ?? ""
                command["discussion"] = discussion + text
            }
            // The parser's own flags, in the user's language as on the help pages.
            if let arguments = command["arguments"] as? [[String: Any]] {
                command["arguments"] = arguments.map { argument in
                    var argument = argument
                    let names = (argument["names"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                    if names.contains("help") { argument["abstract"] = CommandLineText.helpOption(Language.current) }
                    if names.contains("version") { argument["abstract"] = CommandLineText.versionOption(Language.current) }
                    return argument
                }
            }
            if (command["commandName"] as? String) == "help", path.count == 1 {
                command["abstract"] = HelpPage.abstract(of: CommandInfo(commandName: "help"), Language.current)
            }
            if let subcommands = command["subcommands"] as? [[String: Any]] {
                command["subcommands"] = subcommands.map { add($0, path: path + [($0["commandName"] as? String) ?? ""]) }
            }
            return command
        }
        root["command"] = add(command, path: [])
        guard let data = try? JSONSerialization.data(withJSONObject: root, options: [.sortedKeys]) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        // The manual generator keeps ASCII only: scripts/build-manual.sh asks for "~uXXXX~" and turns it back into UTF-8.
        guard ProcessInfo.processInfo.environment["TUNGNHA_MANUAL_ASCII"] == "1" else { return text }
        return text.unicodeScalars.map { $0.isASCII ? String($0) : "~u" + String($0.value, radix: 16, uppercase: true) + "~" }.joined()
    }

    /// The tree of `Tungnha`, in the language of `Language.current` (help texts come from the catalogue).
    static func load() -> CommandInfo? {
        do {
            _ = try Tungnha.parseAsRoot(["--experimental-dump-help"])
        } catch {
            let json = Tungnha.fullMessage(for: error)
            return try? JSONDecoder().decode(Dump.self, from: Data(json.utf8)).command
        }
        return nil
    }
}

/// The command types along a command line: where the subcommand names end and the command's own arguments begin.
enum CommandPath {
    static let globalFlags: Set<String> = ["--json"]
    static let globalOptions: Set<String> = ["--lang", "--db"]

    static func subcommand(of type: ParsableCommand.Type, named name: String) -> ParsableCommand.Type? {
        type.configuration.subcommands.first { $0._commandName == name }
    }

    /// Global options (`--lang`, `--db`, `--json`) typed before the subcommand are moved after it, where the
    /// command that takes them reads them: `tungnha --lang en household list` is `tungnha household list --lang en`.
    /// Before a command group (which shows help only) they are dropped: the language was already read.
    static func normalized(_ arguments: [String]) -> [String] {
        var type: ParsableCommand.Type = Tungnha.self
        var path: [String] = []
        var moved: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if globalFlags.contains(argument) || globalOptions.contains(where: { argument.hasPrefix($0 + "=") }) {
                moved.append(argument)
                index += 1
            } else if globalOptions.contains(argument), index + 1 < arguments.count {
                moved += [argument, arguments[index + 1]]
                index += 2
            } else if !argument.hasPrefix("-"), let sub = subcommand(of: type, named: argument) {
                path.append(argument)
                type = sub
                index += 1
            } else {
                break
            }
        }
        if moved.isEmpty { return arguments }
        let isGroup = !type.configuration.subcommands.isEmpty
        return path + (isGroup ? [] : moved) + arguments[index...]
    }

    /// The subcommand names at the start of `arguments` and what follows them.
    static func split(_ arguments: [String]) -> (types: [ParsableCommand.Type], names: [String], rest: ArraySlice<String>) {
        var types: [ParsableCommand.Type] = [Tungnha.self]
        var names: [String] = []
        var index = 0
        while index < arguments.count, let sub = subcommand(of: types.last!, named: arguments[index]) {
            types.append(sub)
            names.append(arguments[index])
            index += 1
        }
        return (types, names, arguments[index...])
    }
}
