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
                Init.self, Units.self, Village.self, Household.self, Member.self, Visit.self, VoidRecord.self, Export.self, Merge.self,
                Sync.self, Conflicts.self, Duplicates.self, Report.self, TargetCommand.self, Register.self, Followups.self, DemoCommand.self,
            ])
    }

    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        // The language must be known before parsing: help texts come from the catalogue.
        Language.current = Language.resolve(flag: Console.languageFlag(in: arguments), environment: Console.environment) ?? .vi
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            // A command line the parser refused: say so in the user's language, then the parser's own words.
            if exitCode(for: error) == .validationFailure, !(error is ValidationError) {
                var type: ParsableCommand.Type = Tungnha.self
                var path: [String] = []
                for argument in arguments {
                    guard let sub = type.configuration.subcommands.first(where: { $0._commandName == argument }) else { break }
                    path.append(argument)
                    type = sub
                }
                let command = path.joined(separator: " ")
                FileHandle.standardError.write(Data((Messages.usageError(command: command, Language.current) + "\n").utf8))
            }
            exit(withError: error)
        }
    }
}
