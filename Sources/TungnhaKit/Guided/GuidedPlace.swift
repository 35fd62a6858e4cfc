/// Step by step, the questions a volunteer answers instead of typing flags. Each returns what to record, after a
/// summary and a yes; nil when the answer at the end is no. Nothing is written here: the caller records.
public enum GuidedEntry {
    /// The village: by its number in the list or its name (folded, so diacritics are optional).
    static func village(_ store: Store, _ prompter: Prompter) throws -> String {
        let l = prompter.language
        let villages = try store.villages().map(\.name)
        guard !villages.isEmpty else { throw EntryError.noVillages }
        if villages.count == 1 { return villages[0] }
        prompter.tell(GuidedText.villages.text(l))
        for (index, name) in villages.enumerated() { prompter.tell("  \(index + 1). \(name)") }
        // A name typed with a typo gets the close villages, as on the command line.
        return try prompter.choose(GuidedText.villagePick.text(l), villages) { typed in try store.village(named: typed) }
    }

    /// A household of `village`, found by part of its head's name, address or code, then picked by number.
    static func household(_ store: Store, _ prompter: Prompter, village: String) throws -> HouseholdSummary {
        let l = prompter.language
        let villageKey = Folding.fold(village)
        while true {
            let matches = try prompter.ask(GuidedText.householdFind.text(l)) { typed -> [HouseholdSummary] in
                let found = try store.searchHouseholds(typed, limit: 200).filter { Folding.fold($0.village) == villageKey }
                guard !typed.isEmpty, !found.isEmpty else { throw EntryError.noMatch(text: typed) }
                return Array(found.prefix(20))
            }
            prompter.tell(GuidedText.householdFound(count: matches.count).text(l))
            for (index, household) in matches.enumerated() { prompter.tell("  \(index + 1). " + line(household, l)) }
            let picked: HouseholdSummary? = try prompter.choose(GuidedText.householdPick.text(l), matches.map(Optional.some), empty: .some(nil))
            if let picked { return picked }
        }
    }

    /// "VQJZP7  Nguyễn Văn An, Số 12, ngõ 5"
    static func line(_ household: HouseholdSummary, _ l: Language) -> String {
        household.shortCode + "  " + [Messages.householdName(household, l), household.address].compactMap { $0 }
            .filter { !$0.isEmpty }.removingDuplicates().joined(separator: ", ")
    }

    /// The village and household to work on: the code given on the command line, or asked for.
    static func pickHousehold(_ store: Store, _ prompter: Prompter, code: String?) throws -> HouseholdSummary {
        if let code { return try store.household(code).household }
        return try household(store, prompter, village: try village(store, prompter))
    }

    static func summary(_ prompter: Prompter, _ heading: GuidedText, _ lines: [String]) throws -> Bool {
        let l = prompter.language
        prompter.tell(GuidedText.willRecord.text(l))
        prompter.tell(heading.text(l))
        for line in lines { prompter.tell(line) }
        return try prompter.yesNo(GuidedText.confirm.text(l))
    }
}

extension Array where Element: Equatable {
    func removingDuplicates() -> [Element] {
        var kept: [Element] = []
        for element in self where !kept.contains(element) { kept.append(element) }
        return kept
    }
}
