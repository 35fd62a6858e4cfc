import ArgumentParser
import Foundation
import TungnhaKit

struct Where: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: HelpText.whereCommand.text(Language.current))
    }

    @OptionGroup var global: GlobalOptions

    @Flag(help: ArgumentHelp(CopyHelp.whereMoved.text(Language.current)))
    var moved = false

    func run() throws {
        try Console.run(global) { console in
            let store = console.storePath
            if moved {
                let opened = try Store.open(at: store, environment: StoreEnvironment.from(Console.environment))
                let was = try opened.acceptMove()
                let here = URL(fileURLWithPath: store).standardizedFileURL.path
                console.emit(["was": was, "store": here]) { l in Messages.moveAccepted(was: was, path: here, l) }
                return
            }
            let absolute = URL(fileURLWithPath: store).standardizedFileURL.path
            let location = DataLocation(
                store: absolute, source: DataLocation.source(flag: global.db, environment: Console.environment),
                storeExists: Store.exists(at: store),
                exports: URL(fileURLWithPath: "exports").standardizedFileURL.path,
                quarantine: URL(fileURLWithPath: absolute).deletingLastPathComponent().appendingPathComponent("quarantine").path)
            var shown = location
            if shown.storeExists, let opened = try? Store.open(at: store, environment: StoreEnvironment.from(Console.environment)) {
                shown.binding = try? opened.bindingStatus()
                if (try? opened.identity().role) == .communeGathering { shown.forwards = URL(fileURLWithPath: "to-province").standardizedFileURL.path }
            }
            console.emit(shown) { l in Messages.dataLocation(shown, l) }
        }
    }
}
