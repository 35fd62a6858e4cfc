import ArgumentParser
import TungnhaKit

struct DemoCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "demo", abstract: HelpText.demo.text(Language.current))
    }

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp(HelpText.demoDir.text(Language.current), valueName: "folder"))
    var dir = "demo"

    @Flag(help: ArgumentHelp(HelpText.demoForce.text(Language.current)))
    var force = false

    func run() throws {
        try Console.run(global) { console in
            let result = try Demo.run(in: dir, force: force, language: console.language) { line in
                if !console.options.json { print(TerminalText.safe(line)) }
            }
            if console.options.json { print(Console.json(result)) }
        }
    }
}
