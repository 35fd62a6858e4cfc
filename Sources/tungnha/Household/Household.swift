import ArgumentParser
import TungnhaKit

struct Household: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            abstract: HelpText.household.text(Language.current),
            subcommands: [Add.self, Edit.self, List.self, Show.self, Search.self, Merge.self, History.self])
    }
}

/// The fields a household has, shared by `add` and `edit`.
struct HouseholdFields: ParsableArguments {
    @Option(help: ArgumentHelp(HelpText.head.text(Language.current), valueName: "name"))
    var head: String?

    @Option(help: ArgumentHelp(HelpText.address.text(Language.current), valueName: "text"))
    var address: String?

    @Option(help: ArgumentHelp(HelpText.phone.text(Language.current), valueName: "number"))
    var phone: String?

    @Option(name: .customLong("members"), help: ArgumentHelp(HelpText.declaredMembers.text(Language.current), valueName: "n"))
    var declaredMembers: Int?

    @Option(help: ArgumentHelp(HelpText.note.text(Language.current), valueName: "text"))
    var note: String?
}
