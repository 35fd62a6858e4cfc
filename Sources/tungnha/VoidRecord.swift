import ArgumentParser
import TungnhaKit

struct VoidRecord: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "void", abstract: HelpText.void.text(Language.current))
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp(HelpText.voidEvent.text(Language.current), valueName: "record"))
    var record: String

    @Option(help: ArgumentHelp(HelpText.reason.text(Language.current), valueName: "text"))
    var reason: String?

    @Flag(name: .customLong("whole-household"), help: ArgumentHelp(CorrectionHelp.wholeHousehold.text(Language.current)))
    var wholeHousehold = false

    func run() throws {
        try Console.run(global) { console in
            let store = try console.openStore()
            // A registration takes the whole household with it: a terminal asks, a script must say so.
            if !wholeHousehold, let loss = try store.voidPreview(event: record).household {
                guard Terminal.isInteractive(json: global.json) else { throw CorrectionError.wholeHousehold(record: record, loss: loss) }
                let yes = try Terminal.guided(console) { prompter -> Bool? in
                    prompter.tell(Messages.householdLoss(record: record, loss, console.language))
                    return try prompter.yesNo(Messages.voidQuestion(console.language)) ? true : nil
                }
                guard yes == true else { return }
            }
            let voided = try store.void(event: record, reason: reason)
            console.emit(voided) { l in Messages.voided(voided, l) }
        }
    }
}
