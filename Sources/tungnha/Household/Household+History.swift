import ArgumentParser
import TungnhaKit

extension Household {
    struct History: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText.householdHistory.text(Language.current)) }

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp(HelpText.householdCode.text(Language.current), valueName: "code"))
        var code: String

        func run() throws {
            try Console.run(global) { console in
                let events = try console.openStore().history(code)
                console.emit(events) { l in Messages.history(events, l) }
            }
        }
    }
}
