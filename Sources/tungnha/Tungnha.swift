import ArgumentParser
import Foundation
import TungnhaKit

@main
struct Tungnha: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "tungnha",
            abstract: HelpText.tungnha.text(Language.current),
            discussion: HelpText.discussion.text(Language.current),
            version: TungnhaVersion.string,
            subcommands: [
                Init.self, Units.self, Village.self, Household.self, Member.self, Visit.self, VoidRecord.self, Unvoid.self, Export.self, Merge.self, Forward.self,
                Sync.self, Enroll.self, Backup.self, Restore.self, Conflicts.self, Duplicates.self, Report.self, AuditCommand.self, ReviewCommand.self,
                Backcheck.self, TargetCommand.self, Register.self, Followups.self, DemoCommand.self, Where.self,
            ])
    }

    static func main() {
        Store.prepareProcess()
        // The language must be known before parsing: help texts come from the catalogue.
        Language.current = Language.resolve(flag: Console.languageFlag(in: Array(CommandLine.arguments.dropFirst())), environment: Console.environment) ?? .vi
        let arguments = CommandPath.normalized(Array(CommandLine.arguments.dropFirst()))
        if let refusal = misspeltSubcommand(arguments) { refuse(refusal) }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            // A command group run alone (`tungnha household`) asks for its help by throwing `CleanExit`.
            if error is CleanExit, let base = Mirror(reflecting: error).descendant("base"),
                Mirror(reflecting: base).children.first?.label == "helpRequest"
            {
                showHelp(path: CommandPath.split(arguments).names, otherwise: error)
            }
            guard let failure = ParserFailure(error) else { exit(withError: error) }
            let language = Language.current
            if failure.kind == "helpRequested" { showHelp(path: failure.path, otherwise: error) }
            if failure.kind == "dumpHelpRequested", let augmented = CommandInfo.withExamples(Tungnha.fullMessage(for: error)) {
                print(augmented)
                exit(withError: ExitCode.success)
            }
            // The version, a completion script: the parser's own output is right as it is.
            if exitCode(for: error) == .success { exit(withError: error) }
            let typed = Array(CommandPath.split(arguments).rest)
            if let message = failure.message(tree: CommandInfo.load(), commandArguments: typed, language) { refuse(message) }
            // A refusal this tool does not word itself: say so in the user's language, then the parser's own words.
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((Messages.usageError(command: failure.path.joined(separator: " "), language) + "\n").utf8))
            }
            exit(withError: error)
        }
    }

    /// A word where a subcommand must stand that is none of them: the closest names, or all of them.
    static func misspeltSubcommand(_ arguments: [String]) -> String? {
        let split = CommandPath.split(arguments)
        let type = split.types.last!
        let names = type.configuration.subcommands.map { $0._commandName } + (split.names.isEmpty ? ["help"] : [])
        guard !type.configuration.subcommands.isEmpty, let word = split.rest.first, !word.hasPrefix("-"), !names.contains(word)
        else { return nil }
        let command = (["tungnha"] + split.names).joined(separator: " ")
        let close = Suggestions.closest(to: word, among: names, limit: 2)
        return CommandLineText.unknownSubcommand(word, command: command, suggestions: close, all: names.filter { $0 != "help" }, Language.current)
    }

    /// The help page of the command at `path`, in the user's language; the parser's own if the tree cannot be read.
    static func showHelp(path: [String], otherwise error: Error) -> Never {
        guard let tree = CommandInfo.load(), let command = tree.descendant(path) else { exit(withError: error) }
        print(HelpPage.render(command, path: path, Language.current))
        exit(withError: ExitCode.success)
    }

    static func refuse(_ message: String) -> Never {
        Console.stderr(Messages.errorPrefix(Language.current) + message)
        exit(withError: ExitCode.validationFailure)
    }
}
