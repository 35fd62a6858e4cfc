import ArgumentParser
import TungnhaKit

extension Household {
    struct Search: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText.householdSearch.text(Language.current)) }

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp(HelpText.householdSearchText.text(Language.current), valueName: "text"))
        var text: String

        @Option(help: ArgumentHelp(HelpText.limit.text(Language.current)))
        var limit = 50

        func run() throws {
            try Console.run(global) { console in
                let households = try console.openStore().searchHouseholds(text, limit: limit)
                console.emit(households) { l in Messages.householdTable(households, l) }
            }
        }
    }
}
