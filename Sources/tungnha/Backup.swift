import ArgumentParser
import Foundation
import TungnhaKit

struct Backup: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: CopyHelp.backup.text(Language.current)) }

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp(CopyHelp.backupFile.text(Language.current), valueName: "file"))
    var file: String

    func run() throws {
        try Console.run(global) { console in
            let result = try console.openStore().backup(to: file)
            console.emit(result) { l in Messages.backedUp(result, l) }
        }
    }
}

struct Restore: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: CopyHelp.restore.text(Language.current)) }

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp(CopyHelp.restoreFile.text(Language.current), valueName: "file"))
    var file: String

    @Flag(help: ArgumentHelp(CopyHelp.restoreReplace.text(Language.current)))
    var replace = false

    /// A mistyped file name is a typo: said before anything is touched.
    func validate() throws {
        guard FileManager.default.fileExists(atPath: file) else { throw ValidationError(EntryError.fileMissing(path: file).text(Language.current)) }
    }

    func run() throws {
        try Console.run(global) { console in
            let result = try Store.restore(
                from: file, to: console.storePath, replace: replace, environment: StoreEnvironment.from(Console.environment))
            console.emit(result) { l in Messages.restored(result, l) }
        }
    }
}
