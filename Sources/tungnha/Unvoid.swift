import ArgumentParser
import TungnhaKit

struct Unvoid: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "unvoid", abstract: CorrectionHelp.unvoid.text(Language.current))
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp(CorrectionHelp.unvoidRecord.text(Language.current), valueName: "record"))
    var record: String

    @Option(help: ArgumentHelp(HelpText.reason.text(Language.current), valueName: "text"))
    var reason: String?

    func run() throws {
        try Console.run(global) { console in
            let result = try console.openStore().unvoid(event: record, reason: reason)
            console.emit(result) { l in Messages.unvoided(result, l) }
        }
    }
}
