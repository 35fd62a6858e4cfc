extension GuidedEntry {
    /// A new household: village, consent to names, head, address, phone; a likely duplicate is shown first.
    public static func household(_ store: Store, _ prompter: Prompter) throws -> HouseholdInput? {
        let l = prompter.language
        let village = try village(store, prompter)
        let consent = try prompter.yesNo(GuidedText.consent.text(l))
        var head: String?
        if consent {
            head = try prompter.ask(GuidedText.head.text(l)) { typed in
                guard let name = try EntryChecks.text(typed, .headName) else { throw RecordError.empty(field: .headName) }
                return name
            }
        }
        let address = try prompter.ask(GuidedText.address.text(l)) { try EntryChecks.text($0, .address) }
        let phone = try prompter.ask(GuidedText.phone.text(l)) { try EntryChecks.phone($0) }
        if let head {
            let existing = try store.householdsLike(head: head, village: village)
            if !existing.isEmpty {
                prompter.tell(EntryError.possibleDuplicate(existing: existing).text(l).split(separator: "\n").prefix(existing.count + 1).joined(separator: "\n"))
                guard try prompter.yesNo(GuidedText.duplicate.text(l)) else { return nil }
            }
        }
        var lines = [GuidedText.field(GuidedText.label("village", l), village)]
        lines.append(head.map { GuidedText.field(GuidedText.label("head", l), $0) } ?? "    " + GuidedText.label("noNames", l))
        if let address { lines.append(GuidedText.field(GuidedText.label("address", l), address)) }
        if let phone { lines.append(GuidedText.field(GuidedText.label("phone", l), phone)) }
        guard try summary(prompter, .recordHousehold, lines) else { return nil }
        return HouseholdInput(village: village, headName: head, noNames: !consent, address: address, phone: phone)
    }

    /// A new member of a household given by its code, or found by village and name.
    public static func member(_ store: Store, _ prompter: Prompter, household code: String?) throws -> (household: String, input: MemberInput)? {
        let l = prompter.language
        let household = try pickHousehold(store, prompter, code: code)
        let consent = try store.household(household.code).consent
        var name: String?
        if consent {
            name = try prompter.ask(GuidedText.memberName.text(l)) { try EntryChecks.text($0, .name) }
        }
        let birthYear = try prompter.ask(GuidedText.birthYear.text(l)) { typed in
            guard let year = Int(typed) else { throw RecordError.invalidBirthYear(year: 0, latest: store.currentMoment.vietnamDate.year) }
            return try store.checkedBirthYear(year)
        }
        let sex = try prompter.ask(GuidedText.sex.text(l)) { typed -> Sex? in
            if typed.isEmpty { return nil }
            guard let sex = Sex(word: typed) else { throw EntryError.unknownChoice(text: typed, choices: Sex.allCases.map { $0.word(l) }.joined(separator: ", ")) }
            return sex
        }
        let relation = try prompter.ask(GuidedText.relation.text(l)) { try EntryChecks.text($0, .relation) }
        var lines: [String] = []
        if let name { lines.append(GuidedText.field(GuidedText.label("name", l), name)) }
        lines.append(GuidedText.field(GuidedText.label("birthYear", l), String(birthYear)))
        if let sex { lines.append(GuidedText.field(GuidedText.label("sex", l), sex.text(l))) }
        if let relation { lines.append(GuidedText.field(GuidedText.label("relation", l), relation)) }
        guard try summary(prompter, .recordMember(line(household, l)), lines) else { return nil }
        return (household.code, MemberInput(name: name, birthYear: birthYear, sex: sex, relation: relation))
    }
}
