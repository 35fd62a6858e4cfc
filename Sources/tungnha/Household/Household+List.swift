import ArgumentParser
import TungnhaKit

extension Household {
    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText.householdList.text(Language.current)) }

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp(HelpText.villageOption.text(Language.current), valueName: "name"))
        var village: String?

        @Option(help: ArgumentHelp(HelpText.limit.text(Language.current)))
        var limit: Int?

        func run() throws {
            try Console.run(global) { console in
                let households = try console.openStore().households(village: village, limit: limit)
                console.emit(households) { l in Messages.householdTable(households, l) }
            }
        }
    }
}
