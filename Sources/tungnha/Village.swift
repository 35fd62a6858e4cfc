import ArgumentParser
import TungnhaKit

struct Village: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: HelpText.village.text(Language.current), subcommands: [Add.self, List.self, Assign.self])
    }

    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText.villageAdd.text(Language.current)) }

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp(HelpText.villageName.text(Language.current), valueName: "name"))
        var name: String

        @Option(name: .customLong("new-commune"), help: ArgumentHelp(HelpText.newCommune.text(Language.current), valueName: "code"))
        var newCommune: String?

        func run() throws {
            try Console.run(global) { console in
                let village = try console.openStore().addVillage(name: name, newCommune: newCommune)
                console.emit(village) { l in Messages.villageAdded(village, l) }
            }
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText.villageList.text(Language.current)) }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try Console.run(global) { console in
                let villages = try console.openStore().villages()
                console.emit(villages) { l in Messages.villages(villages, l) }
            }
        }
    }

    struct Assign: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText.villageAssign.text(Language.current)) }

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp(HelpText.villageName.text(Language.current), valueName: "name"))
        var name: String

        @Option(name: .customLong("new-commune"), help: ArgumentHelp(HelpText.newCommune.text(Language.current), valueName: "code"))
        var newCommune: String

        func run() throws {
            try Console.run(global) { console in
                let village = try console.openStore().assignVillage(name: name, newCommune: newCommune)
                console.emit(village) { l in Messages.villageAssigned(village, l) }
            }
        }
    }
}
