import ArgumentParser
import TungnhaKit

extension Household {
    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText.householdShow.text(Language.current)) }

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp(HelpText.householdCode.text(Language.current), valueName: "code"))
        var code: String

        func run() throws {
            try Console.run(global) { console in
                let detail = try console.openStore().household(code)
                console.emit(detail) { l in Messages.householdDetail(detail, l) }
            }
        }
    }
}
