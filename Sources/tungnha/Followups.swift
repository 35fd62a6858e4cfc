import ArgumentParser
import Foundation
import TungnhaKit

struct Followups: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText.followups.text(Language.current)) }

    enum Format: String, ExpressibleByArgument { case table, csv, json, html }

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp(HelpText.villageOption.text(Language.current), valueName: "name"))
    var village: String?

    @Option(help: ArgumentHelp(HelpText.followupsFormat.text(Language.current), valueName: "table|csv|json|html"))
    var format: Format = .table

    @Option(help: ArgumentHelp(HelpText.followupsOut.text(Language.current), valueName: "file"))
    var out: String?

    func run() throws {
        try Console.run(global) { console in
            let store = try console.openStore()
            let list = try store.followups(village: village)
            let today = Moment(store.environment.now()).vietnamDate
            let l = console.language
            let data: Data
            switch global.json ? .json : format {
            case .table: data = Data((Messages.followups(list, today: today, l) + "\n").utf8)
            case .json: data = Data((Console.json(list) + "\n").utf8)
            case .csv: data = FollowupsPrint.csv(list, today: today, l)
            case .html: data = Data(FollowupsPrint.html(list, today: today, l).utf8)
            }
            try console.write(data, to: out) { Messages.followupsWritten($0, l) }
        }
    }
}
