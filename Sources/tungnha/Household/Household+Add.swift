import ArgumentParser
import TungnhaKit

extension Household {
    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText.householdAdd.text(Language.current)) }

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp(HelpText.villageOption.text(Language.current), valueName: "name"))
        var village: String

        @OptionGroup var fields: HouseholdFields

        @Flag(name: .customLong("no-names"), help: ArgumentHelp(HelpText.noNames.text(Language.current)))
        var noNames = false

        func run() throws {
            try Console.run(global) { console in
                let household = try console.openStore().registerHousehold(
                    HouseholdInput(
                        village: village, headName: fields.head, noNames: noNames, address: fields.address, phone: fields.phone,
                        declaredMembers: fields.declaredMembers, note: fields.note))
                console.emit(household) { l in Messages.householdAdded(household, l) }
            }
        }
    }
}
