import ArgumentParser
import TungnhaKit

struct Conflicts: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText.conflicts.text(Language.current)) }

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Console.run(global) { console in
            let conflicts = try console.openStore().conflicts()
            console.emit(conflicts) { l in Messages.conflicts(conflicts, l) }
        }
    }
}
