import ArgumentParser
import TungnhaKit

extension Member {
    struct Edit: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText.memberEdit.text(Language.current)) }

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp(HelpText.memberCode.text(Language.current), valueName: "member"))
        var member: String

        @Option(help: ArgumentHelp(HelpText.name.text(Language.current), valueName: "name"))
        var name: String?

        @Option(name: .customLong("birth-year"), help: ArgumentHelp(HelpText.birthYear.text(Language.current), valueName: "yyyy"))
        var birthYear: Int?

        @Option(help: ArgumentHelp(HelpText.sex.text(Language.current), valueName: Sex.choices(Language.current)))
        var sex: Sex?

        @Option(help: ArgumentHelp(HelpText.relation.text(Language.current), valueName: "text"))
        var relation: String?

        @Option(help: ArgumentHelp(HelpText.status.text(Language.current), valueName: MemberStatus.choices(Language.current)))
        var status: MemberStatus?

        func run() throws {
            try Console.run(global) { console in
                let edited = try console.openStore().editMember(
                    member, changes: MemberChanges(name: name, birthYear: birthYear, sex: sex, relation: relation, status: status))
                console.emit(edited) { l in Messages.memberEdited(edited, l) }
            }
        }
    }
}
