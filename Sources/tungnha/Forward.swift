import ArgumentParser
import TungnhaKit

struct Forward: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText.forward.text(Language.current)) }

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp(HelpText.forwardOut.text(Language.current), valueName: "folder"))
    var out = "to-province"

    @Option(help: ArgumentHelp(HelpText.forwardAgain.text(Language.current), valueName: "n"))
    var again: Int?

    func run() throws {
        try Console.run(global) { console in
            let store = try console.openStore(missing: .initGathering)
            let result = try again.map { try store.forwardAgain($0, to: out) } ?? store.forward(to: out)
            console.emit(result) { l in Messages.forwarded(result, l) }
        }
    }
}
