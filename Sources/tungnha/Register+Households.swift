import ArgumentParser
import TungnhaKit

extension Register {
    struct Households: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText.registerHouseholds.text(Language.current)) }

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp(HelpText.registerHouseholdsFile.text(Language.current), valueName: "file.xlsx|file.csv"))
        var file: String

        @Flag(name: .customLong("dry-run"), help: ArgumentHelp(HelpText.dryRun.text(Language.current)))
        var dryRun = false

        @Option(help: ArgumentHelp(HelpText.registerSheet.text(Language.current), valueName: "name|number"))
        var sheet: String?

        @Option(help: ArgumentHelp(HelpText.registerVillage.text(Language.current), valueName: "name"))
        var village: String?

        @Option(name: .customLong("head-column"), help: ArgumentHelp(HelpText.registerColumn(.head).text(Language.current), valueName: "header|letter"))
        var headColumn: String?

        @Option(name: .customLong("address-column"), help: ArgumentHelp(HelpText.registerColumn(.address).text(Language.current), valueName: "header|letter"))
        var addressColumn: String?

        @Option(name: .customLong("village-column"), help: ArgumentHelp(HelpText.registerColumn(.village).text(Language.current), valueName: "header|letter"))
        var villageColumn: String?

        @Option(name: .customLong("phone-column"), help: ArgumentHelp(HelpText.registerColumn(.phone).text(Language.current), valueName: "header|letter"))
        var phoneColumn: String?

        @Option(name: .customLong("members-column"), help: ArgumentHelp(HelpText.registerColumn(.members).text(Language.current), valueName: "header|letter"))
        var membersColumn: String?

        func run() throws {
            try Console.run(global) { console in
                var named: [RegisterField: String] = [:]
                named[.head] = headColumn
                named[.address] = addressColumn
                named[.village] = villageColumn
                named[.phone] = phoneColumn
                named[.members] = membersColumn
                let options = HouseholdImportOptions(sheet: sheet, columns: RegisterColumns(named: named), village: village, dryRun: dryRun)
                let l = console.language
                let progress = Progress(console, Messages.importProgressLabel(l))
                defer { progress.finish() }
                let result = try console.openStore().importHouseholds(file, options) { done, total in
                    progress.count(done, of: total, label: Messages.importProgressLabel(l), word: Messages.householdsWord(l), l)
                }
                progress.finish()
                console.emit(result) { l in Messages.householdImport(result, l) }
            }
        }
    }
}
