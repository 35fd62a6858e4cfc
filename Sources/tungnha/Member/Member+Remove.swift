import ArgumentParser
import TungnhaKit

extension Member {
    struct Remove: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText.memberRemove.text(Language.current)) }

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp(HelpText.memberCode.text(Language.current), valueName: "member"))
        var member: String

        @Option(help: ArgumentHelp(HelpText.reason.text(Language.current), valueName: "text"))
        var reason: String?

        func run() throws {
            try Console.run(global) { console in
                let voided = try console.openStore().removeMember(member, reason: reason)
                console.emit(voided) { l in Messages.voided(voided, l) }
            }
        }
    }
}
