import ArgumentParser
import TungnhaKit

extension Household {
    struct Edit: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText.householdEdit.text(Language.current)) }

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp(HelpText.householdCode.text(Language.current), valueName: "code"))
        var code: String

        @Option(help: ArgumentHelp(HelpText.villageOption.text(Language.current), valueName: "name"))
        var village: String?

        @OptionGroup var fields: HouseholdFields

        @Option(help: ArgumentHelp(HelpText.visitConsent.text(Language.current), valueName: YesNo.choices(Language.current)))
        var consent: YesNo?

        func run() throws {
            try Console.run(global) { console in
                let store = try console.openStore()
                var household = try store.editHousehold(
                    code,
                    changes: HouseholdChanges(
                        village: village, headName: fields.head, address: fields.address, phone: fields.phone,
                        declaredMembers: fields.declaredMembers, note: fields.note, consent: consent.map { $0 == .yes }))
                // Consent given: the head's name from the commune's register becomes the household's own.
                let carried = consent == .yes && fields.head == nil ? try store.carryRegisterName(household: household.code) : nil
                if let carried { household = carried }
                console.emit(household) { l in
                    Messages.householdEdited(household, l) + (carried.map { "\n" + Messages.registerNameCarried($0, l) } ?? "")
                }
            }
        }
    }
}
