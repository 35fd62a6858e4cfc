import ArgumentParser
import TungnhaKit

struct Member: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: HelpText.member.text(Language.current), subcommands: [Add.self, Edit.self, Remove.self])
    }
}
