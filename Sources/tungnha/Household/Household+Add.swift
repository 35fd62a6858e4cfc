import ArgumentParser
import TungnhaKit

extension Household {
    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText.householdAdd.text(Language.current)) }

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp(HelpText.villageOption.text(Language.current), valueName: "name"))
        var village: String?

        @OptionGroup var fields: HouseholdFields

        @Flag(name: .customLong("no-names"), help: ArgumentHelp(HelpText.noNames.text(Language.current)))
        var noNames = false

        @Flag(help: ArgumentHelp(HelpText.yesDuplicate.text(Language.current)))
        var yes = false

        func run() throws {
            try Console.run(global) { console in
                let store = try console.openStore()
                let input: HouseholdInput
                if let village {
                    input = HouseholdInput(
                        village: village, headName: fields.head, noNames: noNames, address: fields.address, phone: fields.phone,
                        declaredMembers: fields.declaredMembers, note: fields.note)
                    if !yes, let head = fields.head, !noNames, try !confirmNotDuplicate(store, console, head: head, village: village) { return }
                } else {
                    guard Terminal.isInteractive(json: global.json) else { throw EntryError.needsTerminal(command: "household add") }
                    guard let answer = try Terminal.guided(console, { try GuidedEntry.household(store, $0) }) else { return }
                    input = answer
                }
                let household = try store.registerHousehold(input)
                console.emit(household) { l in Messages.householdAdded(household, l) }
                if village == nil { try Member.Add.addMembers(store, console, household: household.code) }
            }
        }

        /// A household with the same head in the same village is likely registered twice: a terminal asks, a script
        /// must say `--yes`. False when the volunteer answers no.
        func confirmNotDuplicate(_ store: Store, _ console: Console, head: String, village: String) throws -> Bool {
            let existing = try store.householdsLike(head: head, village: village)
            guard !existing.isEmpty else { return true }
            guard Terminal.isInteractive(json: global.json) else { throw EntryError.possibleDuplicate(existing: existing) }
            let answer = try Terminal.guided(console) { prompter -> Bool? in
                let warning = EntryError.possibleDuplicate(existing: existing).text(console.language).split(separator: "\n")
                prompter.tell(warning.prefix(existing.count + 1).joined(separator: "\n"))
                return try prompter.yesNo(GuidedText.duplicate.text(console.language)) ? true : nil
            }
            return answer ?? false
        }
    }
}
