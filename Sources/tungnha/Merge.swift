import ArgumentParser
import Foundation
import TungnhaKit

struct Merge: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText.merge.text(Language.current)) }

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp(HelpText.mergePaths.text(Language.current), valueName: "path"))
    var paths: [String]

    /// A mistyped path is a typo, not a damaged batch: refuse it before the library would quarantine anything.
    func validate() throws {
        for path in paths where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError(EntryError.fileMissing(path: path).text(Language.current))
        }
    }

    func run() throws {
        try Console.run(global) { console in
            let store = try console.openStore(missing: .initDistrict)
            let outcome = try store.merge(paths, language: console.language) { file in
                if !console.options.json { print(Messages.mergeProgress(file, console.language)) }
            }
            console.emit(outcome) { l in Messages.mergeSummary(outcome, l) }
            // Some files were refused: the others were applied, but the caller must know.
            if outcome.refused > 0 { throw ExitCode(2) }
        }
    }
}
