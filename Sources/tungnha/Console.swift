import ArgumentParser
import Foundation
import GRDB
import TungnhaKit

/// Running a command: the store it works on, what it prints, and how a refusal is said.
struct Console {
    let options: GlobalOptions
    let language: Language

    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// A met target in green, one not met in red: ANSI colours, on a terminal only.
    static func colour(_ text: String, _ emphasis: TextTable.Emphasis) -> String {
        (emphasis == .good ? "\u{1B}[32m" : "\u{1B}[31m") + text + "\u{1B}[0m"
    }

    static func languageFlag(in arguments: [String]) -> String? {
        for (index, argument) in arguments.enumerated() {
            if argument == "--lang", index + 1 < arguments.count { return arguments[index + 1] }
            if argument.hasPrefix("--lang=") { return String(argument.dropFirst(7)) }
        }
        return nil
    }

    var storePath: String { Store.location(flag: options.db, environment: Console.environment) }

    /// Opens the store; a store found to be a copy takes a new device id first, and says so.
    func openStore(missing hint: StoreError.Hint = .initLaptop) throws -> Store {
        let store = try Store.open(at: storePath, environment: StoreEnvironment.from(Console.environment), missingHint: hint)
        if let change = try store.checkCopy() {
            Console.stderr(Messages.copyFound(change, language))
        }
        return store
    }

    /// Prints `value` as JSON with `--json`, else the catalogue's text for it. Names and labels come from files anyone
    /// can write: nothing reaches the terminal that it would obey (`TerminalText`).
    func emit<Value: Encodable>(_ value: Value, _ text: (Language) -> String) {
        if options.json {
            print(Console.json(value))
        } else {
            print(TerminalText.safe(text(language)))
        }
    }

    /// A line on stderr, made safe for the terminal.
    static func stderr(_ text: String) {
        FileHandle.standardError.write(Data((TerminalText.safe(text) + "\n").utf8))
    }

    static func json<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("null".utf8)
        return TerminalText.safeJSON(String(decoding: data, as: UTF8.self))
    }

    /// Writes what a command made to a file (saying so, unless --json) or to the screen. Text for a terminal is made
    /// safe for it, unless it already is (`safe`: a table whose cells were, coloured since).
    func write(_ data: Data, to path: String?, safe: Bool = false, written: (String) -> String) throws {
        guard let path else {
            if !safe, isatty(STDOUT_FILENO) != 0, let text = String(data: data, encoding: .utf8) {
                FileHandle.standardOutput.write(Data(TerminalText.safe(text).utf8))
            } else {
                FileHandle.standardOutput.write(data)
            }
            return
        }
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        if !options.json { print(written(path)) }
    }

    /// Runs a command body; a refusal is printed in the user's language and exits with status 1.
    static func run(_ options: GlobalOptions, _ body: (Console) throws -> Void) throws {
        let language = Language.resolve(flag: options.lang, environment: environment) ?? .vi
        Language.current = language
        let console = Console(options: options, language: language)
        do {
            try body(console)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            console.report(error)
            throw ExitCode(1)
        }
    }

    func report(_ error: Error) {
        let message: String
        let kind: String
        switch error {
        case let error as any TungnhaError:
            message = error.text(language)
            kind = String(describing: type(of: error)) + "." + caseName(error)
        case let error as DatabaseError:
            // DatabaseError keeps statement arguments (people's data) out of its description.
            message = Messages.databaseError(error.description, storePath, language)
            kind = "DatabaseError"
        default:
            message = Messages.unexpectedError(error.localizedDescription, language)
            kind = String(describing: type(of: error))
        }
        if options.json {
            print(Console.json(["error": ["kind": kind, "message": message]]))
        } else {
            Console.stderr(Messages.errorPrefix(language) + message)
        }
    }
}
