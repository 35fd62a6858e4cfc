import ArgumentParser
import TungnhaKit

struct Visit: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText.visit.text(Language.current)) }

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp(HelpText.householdCode.text(Language.current), valueName: "household"))
    var household: String?

    @Option(help: ArgumentHelp(HelpText.visitAt.text(Language.current), valueName: "datetime"))
    var at: String?

    @Option(help: ArgumentHelp(HelpText.visitOutcome.text(Language.current), valueName: VisitOutcome.choices(Language.current)))
    var outcome: VisitOutcome?

    @Option(name: .customLong("by"), help: ArgumentHelp(HelpText.visitBy.text(Language.current), valueName: "name"))
    var volunteer: String?

    @Option(help: ArgumentHelp(HelpText.visitConsent.text(Language.current), valueName: YesNo.choices(Language.current)))
    var consent: YesNo?

    @Option(name: .customLong("assist"), parsing: .singleValue, help: ArgumentHelp(HelpText.visitHelp.text(Language.current), valueName: "kind"))
    var help: [Help] = []

    @Option(help: ArgumentHelp(HelpText.visitProcedure.text(Language.current), valueName: "text"))
    var procedure: String?

    @Option(name: .customLong("follow-up"), help: ArgumentHelp(HelpText.visitFollowUp.text(Language.current), valueName: "date"))
    var followUp: LocalDate?

    @Option(help: ArgumentHelp(HelpText.note.text(Language.current), valueName: "text"))
    var note: String?

    @Option(name: .customLong("member"), parsing: .singleValue, help: ArgumentHelp(HelpText.visitMember.text(Language.current), valueName: "code:observations"))
    var members: [Observation] = []

    @Option(help: ArgumentHelp(HelpText.visitCorrects.text(Language.current), valueName: "record"))
    var corrects: String?

    @Option(name: .customLong("backcheck-of"), help: ArgumentHelp(AuditHelp.visitBackcheckOf.text(Language.current), valueName: "record"))
    var backcheckOf: String?

    func run() throws {
        try Console.run(global) { console in
            let store = try console.openStore()
            let household: String
            let input: VisitInput
            if let code = self.household, let outcome {
                let observations = members
                let now = store.currentMoment
                if let at { _ = try EntryChecks.visitTime(at, now: now) }
                if let followUp { _ = try EntryChecks.followUp(followUp, today: now.vietnamDate) }
                household = code
                input = VisitInput(
                    at: at, outcome: outcome, consent: consent.map(\.isYes), volunteer: volunteer, help: help,
                    procedure: procedure, followUp: followUp, note: note, observations: observations, corrects: corrects, backcheckOf: backcheckOf)
            } else {
                guard Terminal.isInteractive(json: global.json) else { throw EntryError.needsTerminal(command: "visit") }
                guard let answer = try Terminal.guided(console, { try GuidedEntry.visit(store, $0, household: self.household) }) else { return }
                (household, input) = answer
            }
            let visit = try store.recordVisit(household: household, input)
            // Consent given: the head's name from the commune's register becomes the household's own.
            let carried = input.consent == true ? try store.carryRegisterName(household: visit.household) : nil
            let detail = try store.household(visit.household)
            console.emit(visit) { l in
                Messages.visitRecorded(visit, household: detail, l) + (carried.map { "\n" + Messages.registerNameCarried($0, l) } ?? "")
            }
        }
    }
}
