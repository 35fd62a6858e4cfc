import ArgumentParser
import Foundation
import TungnhaKit

struct Where: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: HelpText.whereCommand.text(Language.current))
    }

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Console.run(global) { console in
            let store = console.storePath
            let absolute = URL(fileURLWithPath: store).standardizedFileURL.path
            let location = DataLocation(
                store: absolute, source: DataLocation.source(flag: global.db, environment: Console.environment),
                storeExists: Store.exists(at: store),
                exports: URL(fileURLWithPath: "exports").standardizedFileURL.path,
                quarantine: URL(fileURLWithPath: absolute).deletingLastPathComponent().appendingPathComponent("quarantine").path)
            console.emit(location) { l in Messages.dataLocation(location, l) }
        }
    }
}
