import ArgumentParser
import TungnhaKit

struct TargetCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "target", abstract: HelpText.target.text(Language.current), subcommands: [Set.self, List.self])
    }

    struct Set: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText.targetSet.text(Language.current)) }

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp(HelpText.reportProvince.text(Language.current), valueName: "code"))
        var province: String?

        @Option(help: ArgumentHelp(HelpText.reportCommune.text(Language.current), valueName: "code"))
        var commune: String?

        @Argument(help: ArgumentHelp(HelpText.targetSettings.text(Language.current), valueName: "setting"))
        var settings: [String] = []

        func run() throws {
            try Console.run(global) { console in
                let target = try console.openStore(missing: .initGathering).setTarget(province: province, commune: commune, settings: settings)
                console.emit(target) { l in Messages.targetSet(target, l) }
            }
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText.targetList.text(Language.current)) }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try Console.run(global) { console in
                let targets = try console.openStore(missing: .initGathering).targets()
                console.emit(targets) { l in Messages.targetList(targets, l) }
            }
        }
    }
}
