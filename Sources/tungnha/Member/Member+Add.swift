import ArgumentParser
import TungnhaKit

extension Member {
    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText.memberAdd.text(Language.current)) }

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp(HelpText.householdCode.text(Language.current), valueName: "household"))
        var household: String

        @Option(help: ArgumentHelp(HelpText.name.text(Language.current), valueName: "name"))
        var name: String?

        @Option(name: .customLong("birth-year"), help: ArgumentHelp(HelpText.birthYear.text(Language.current), valueName: "yyyy"))
        var birthYear: Int

        @Option(help: ArgumentHelp(HelpText.sex.text(Language.current), valueName: "male|female"))
        var sex: Sex?

        @Option(help: ArgumentHelp(HelpText.relation.text(Language.current), valueName: "text"))
        var relation: String?

        func run() throws {
            try Console.run(global) { console in
                let member = try console.openStore().addMember(
                    household: household, MemberInput(name: name, birthYear: birthYear, sex: sex, relation: relation))
                console.emit(member) { l in Messages.memberAdded(member, household: household.uppercased(), l) }
            }
        }
    }
}
