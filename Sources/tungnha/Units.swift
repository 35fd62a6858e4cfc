import ArgumentParser
import TungnhaKit

struct Units: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: HelpText.units.text(Language.current), subcommands: [Search.self, Show.self])
    }

    struct Search: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: HelpText.unitsSearch.text(Language.current))
        }

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp(HelpText.unitsSearchText.text(Language.current), valueName: "text"))
        var text: String

        @Option(help: ArgumentHelp(HelpText.scheme.text(Language.current), valueName: Scheme.choices(Language.current)))
        var scheme: Scheme?

        @Option(help: ArgumentHelp(HelpText.limit.text(Language.current)))
        var limit = 20

        func run() throws {
            try Console.run(global) { console in
                let units = AdminUnits.shared.search(text, scheme: scheme, limit: limit)
                console.emit(units.map { AdminUnits.shared.detail(code: $0.code, scheme: $0.scheme)[0] }) { l in
                    Messages.unitSearch(text, units, l)
                }
            }
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: HelpText.unitsShow.text(Language.current))
        }

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp(HelpText.unitsShowCode.text(Language.current), valueName: "code"))
        var code: String

        @Option(help: ArgumentHelp(HelpText.scheme.text(Language.current), valueName: Scheme.choices(Language.current)))
        var scheme: Scheme?

        func run() throws {
            try Console.run(global) { console in
                let details = AdminUnits.shared.detail(code: code.trimmingCharacters(in: .whitespaces), scheme: scheme)
                guard !details.isEmpty else { throw LookupError.unitNotFound(code: code) }
                console.emit(details) { l in Messages.unitDetail(details, l) }
            }
        }
    }
}
