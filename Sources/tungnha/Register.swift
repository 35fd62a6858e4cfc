import ArgumentParser
import TungnhaKit

struct Register: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: HelpText.register.text(Language.current), subcommands: [Import.self, Households.self])
    }

    struct Import: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText.registerImport.text(Language.current)) }

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp(HelpText.registerFile.text(Language.current), valueName: "file.csv"))
        var file: String

        func run() throws {
            try Console.run(global) { console in
                let result = try console.openStore(missing: .initGathering).importRegister(file)
                console.emit(result) { l in Messages.registerImported(result, l) }
            }
        }
    }
}
