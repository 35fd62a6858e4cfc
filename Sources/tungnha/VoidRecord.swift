import ArgumentParser
import TungnhaKit

struct VoidRecord: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "void", abstract: HelpText.void.text(Language.current))
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp(HelpText.voidEvent.text(Language.current), valueName: "record"))
    var record: String

    @Option(help: ArgumentHelp(HelpText.reason.text(Language.current), valueName: "text"))
    var reason: String?

    func run() throws {
        try Console.run(global) { console in
            let voided = try console.openStore().void(event: record, reason: reason)
            console.emit(voided) { l in Messages.voided(voided, l) }
        }
    }
}
