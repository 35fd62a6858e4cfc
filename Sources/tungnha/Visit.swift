import ArgumentParser
import TungnhaKit

struct Visit: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText.visit.text(Language.current)) }

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp(HelpText.householdCode.text(Language.current), valueName: "household"))
    var household: String

    @Option(help: ArgumentHelp(HelpText.visitAt.text(Language.current), valueName: "datetime"))
    var at: String?

    @Option(help: ArgumentHelp(HelpText.visitOutcome.text(Language.current), valueName: "met|absent|refused|moved"))
    var outcome: VisitOutcome

    @Option(name: .customLong("by"), help: ArgumentHelp(HelpText.visitBy.text(Language.current), valueName: "name"))
    var volunteer: String?

    @Option(help: ArgumentHelp(HelpText.visitConsent.text(Language.current), valueName: "yes|no"))
    var consent: Answer?

    @Option(name: .customLong("assist"), parsing: .singleValue, help: ArgumentHelp(HelpText.visitHelp.text(Language.current), valueName: "kind"))
    var help: [Help] = []

    @Option(help: ArgumentHelp(HelpText.visitProcedure.text(Language.current), valueName: "text"))
    var procedure: String?

    @Option(name: .customLong("follow-up"), help: ArgumentHelp(HelpText.visitFollowUp.text(Language.current), valueName: "date"))
    var followUp: String?

    @Option(help: ArgumentHelp(HelpText.note.text(Language.current), valueName: "text"))
    var note: String?

    @Option(name: .customLong("member"), parsing: .singleValue, help: ArgumentHelp(HelpText.visitMember.text(Language.current), valueName: "code:observations"))
    var members: [String] = []

    @Option(help: ArgumentHelp(HelpText.visitCorrects.text(Language.current), valueName: "record"))
    var corrects: String?

    func run() throws {
        try Console.run(global) { console in
            let observations = try members.map(Observation.parse)
            let store = try console.openStore()
            let visit = try store.recordVisit(
                household: household,
                VisitInput(
                    at: at, outcome: outcome, consent: consent.map { $0 == .yes }, volunteer: volunteer, help: help,
                    procedure: procedure, followUp: followUp, note: note, observations: observations, corrects: corrects))
            // Consent given: the head's name from the commune's register becomes the household's own.
            let carried = consent == .yes ? try store.carryRegisterName(household: visit.household) : nil
            let detail = try store.household(visit.household)
            console.emit(visit) { l in
                Messages.visitRecorded(visit, household: detail, l) + (carried.map { "\n" + Messages.registerNameCarried($0, l) } ?? "")
            }
        }
    }
}

enum Answer: String, ExpressibleByArgument {
    case yes, no

    init?(argument: String) {
        switch argument.lowercased() {
        case "yes", "y", "co", "có": self = .yes
        case "no", "n", "khong", "không": self = .no
        default: return nil
        }
    }
}

extension VisitOutcome: ExpressibleByArgument {}
extension Help: ExpressibleByArgument {}
