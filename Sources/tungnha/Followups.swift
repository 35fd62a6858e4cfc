import ArgumentParser
import TungnhaKit

struct Followups: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText.followups.text(Language.current)) }

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp(HelpText.villageOption.text(Language.current), valueName: "name"))
    var village: String?

    func run() throws {
        try Console.run(global) { console in
            let store = try console.openStore()
            let list = try store.followups(village: village)
            let today = Moment(store.environment.now()).vietnamDate
            console.emit(list) { l in Messages.followups(list, today: today, l) }
        }
    }
}
