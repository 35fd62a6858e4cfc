import ArgumentParser
import TungnhaKit

extension Member {
    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText.memberAdd.text(Language.current)) }

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp(HelpText.householdCode.text(Language.current), valueName: "household"))
        var household: String?

        @Option(help: ArgumentHelp(HelpText.name.text(Language.current), valueName: "name"))
        var name: String?

        @Option(name: .customLong("birth-year"), help: ArgumentHelp(HelpText.birthYear.text(Language.current), valueName: "yyyy"))
        var birthYear: Int?

        @Option(help: ArgumentHelp(HelpText.sex.text(Language.current), valueName: Sex.choices(Language.current)))
        var sex: Sex?

        @Option(help: ArgumentHelp(HelpText.relation.text(Language.current), valueName: "text"))
        var relation: String?

        func run() throws {
            try Console.run(global) { console in
                let store = try console.openStore()
                if let household, let birthYear {
                    let member = try store.addMember(household: household, MemberInput(name: name, birthYear: birthYear, sex: sex, relation: relation))
                    console.emit(member) { l in Messages.memberAdded(member, household: household.uppercased(), l) }
                    return
                }
                guard Terminal.isInteractive(json: global.json) else { throw EntryError.needsTerminal(command: "member add") }
                try Self.addMembers(store, console, household: household)
            }
        }

        /// Guided: one member after another, each with its summary and its yes, until the volunteer says no more.
        static func addMembers(_ store: Store, _ console: Console, household: String?) throws {
            let language = console.language
            var added = 0
            while true {
                if household != nil || added > 0 {
                    let question = added == 0 ? GuidedText.addMembersNow : GuidedText.anotherMember
                    let more = try Terminal.guided(console, quiet: true) { prompter in try prompter.yesNo(question.text(language)) ? true : nil }
                    guard more != nil else { return }
                }
                guard let answer = try Terminal.guided(console, { try GuidedEntry.member(store, $0, household: household) }) else { return }
                let member = try store.addMember(household: answer.household, answer.input)
                let shown = try store.household(answer.household).household.shortCode
                console.emit(member) { l in Messages.memberAdded(member, household: shown, l) }
                added += 1
            }
        }
    }
}
