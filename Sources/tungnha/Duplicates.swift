import ArgumentParser
import TungnhaKit

struct Duplicates: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText.duplicates.text(Language.current)) }

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp(HelpText.limit.text(Language.current)))
    var limit = 50

    func run() throws {
        try Console.run(global) { console in
            let pairs = try console.openStore().duplicateCandidates(limit: limit)
            console.emit(pairs) { l in Messages.duplicates(pairs, l) }
        }
    }
}
