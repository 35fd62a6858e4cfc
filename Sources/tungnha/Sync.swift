import ArgumentParser
import TungnhaKit

struct Sync: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: HelpText.sync.text(Language.current), subcommands: [Status.self, Reissue.self])
    }

    struct Status: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText.syncStatus.text(Language.current)) }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try Console.run(global) { console in
                let status = try console.openStore().syncStatus()
                console.emit(status) { l in Messages.syncStatus(status, l) }
            }
        }
    }

    struct Reissue: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: CopyHelp.reissue.text(Language.current)) }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try Console.run(global) { console in
                let result = try console.openStore().reissue()
                console.emit(result) { l in Messages.reissued(result, l) }
            }
        }
    }
}
