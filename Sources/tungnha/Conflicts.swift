import ArgumentParser
import TungnhaKit

struct Conflicts: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText.conflicts.text(Language.current)) }

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Console.run(global) { console in
            let store = try console.openStore()
            let list = ConflictList(fields: try store.conflicts(), idClashes: try store.idClashes())
            console.emit(list) { l in Messages.conflicts(list, l) }
        }
    }
}
