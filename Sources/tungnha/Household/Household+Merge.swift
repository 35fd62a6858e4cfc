import ArgumentParser
import TungnhaKit

extension Household {
    struct Merge: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText.householdMerge.text(Language.current)) }

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp(HelpText.householdMergeKeep.text(Language.current), valueName: "keep"))
        var keep: String

        @Argument(help: ArgumentHelp(HelpText.householdMergeOther.text(Language.current), valueName: "other"))
        var other: String

        func run() throws {
            try Console.run(global) { console in
                let kept = try console.openStore().mergeHouseholds(keep: keep, other: other)
                console.emit(kept) { l in Messages.householdsMerged(keep: kept, other: other.uppercased(), l) }
            }
        }
    }
}
