extension GuidedEntry {
    /// A visit: household, time, volunteer, outcome, each member met, help given, procedure, follow-up.
    public static func visit(_ store: Store, _ prompter: Prompter, household code: String?) throws -> (household: String, input: VisitInput)? {
        let l = prompter.language
        let household = try pickHousehold(store, prompter, code: code)
        let now = store.currentMoment
        let at = try prompter.ask(GuidedText.time(now: now.display).text(l)) { typed -> Moment? in
            typed.isEmpty ? nil : try EntryChecks.visitTime(typed, now: now)
        }
        let remembered = try store.rememberedVolunteer()
        let volunteer = try prompter.ask(GuidedText.volunteer(remembered: remembered).text(l)) { typed -> String? in
            if typed.isEmpty, remembered != nil { return nil }
            guard let name = try EntryChecks.text(typed, .volunteer) else { throw RecordError.empty(field: .volunteer) }
            return name
        }
        let outcome = try prompter.choose(GuidedText.outcome.text(l), VisitOutcome.allCases) { VisitOutcome(word: $0) }
        var observations: [Observation] = []
        var met: [String] = []
        if outcome == .met {
            let members = try store.household(household.code).members.filter { $0.status == .present }
            if members.isEmpty {
                prompter.tell(GuidedText.noMembers.text(l))
            } else {
                prompter.tell(GuidedText.membersOf(household.shortCode).text(l))
                for (index, member) in members.enumerated() { prompter.tell("  \(index + 1). " + describe(member, l)) }
                for member in try prompter.chooseSeveral(GuidedText.membersMet.text(l), members) {
                    prompter.tell(GuidedText.memberHeader(describe(member, l)).text(l))
                    let vneid = try prompter.ask(GuidedText.vneid.text(l)) { typed -> VneidStatus? in
                        if typed.isEmpty { return nil }
                        guard let status = VneidStatus(word: typed) else { throw EntryError.unknownChoice(text: typed, choices: "0, ckh, 1, 2") }
                        return status
                    }
                    let observation = Observation(
                        member: member.code, vneid: vneid, login: try prompter.maybe(GuidedText.login.text(l)),
                        dvctt: try prompter.maybe(GuidedText.dvctt.text(l)), paidOnline: try prompter.maybe(GuidedText.paid.text(l)),
                        smartphone: try prompter.maybe(GuidedText.smartphone.text(l)))
                    observations.append(observation)
                    met.append(observed(observation, name: describe(member, l), l))
                }
            }
        }
        let help = outcome == .met ? try prompter.chooseSeveral(GuidedText.help.text(l), Help.allCases) : []
        let procedure = outcome == .met ? try prompter.ask(GuidedText.procedure.text(l)) { try EntryChecks.text($0, .procedure) } : nil
        let today = now.vietnamDate
        let followUp = try prompter.ask(GuidedText.followUp.text(l)) { typed -> LocalDate? in
            typed.isEmpty ? nil : try EntryChecks.followUp(typed, today: today)
        }
        var lines = [
            GuidedText.field(GuidedText.label("time", l), at?.display ?? GuidedText.label("now", l) + ", " + now.display),
            GuidedText.field(GuidedText.label("volunteer", l), volunteer ?? remembered ?? ""),
            GuidedText.field(GuidedText.label("outcome", l), outcome.text(l)),
        ]
        lines += met.map { "    " + $0 }
        if !help.isEmpty { lines.append(GuidedText.field(GuidedText.label("help", l), help.map { $0.text(l) }.joined(separator: ", "))) }
        if let procedure { lines.append(GuidedText.field(GuidedText.label("procedure", l), procedure)) }
        if let followUp { lines.append(GuidedText.field(GuidedText.label("followUp", l), followUp.vietnamese)) }
        guard try summary(prompter, .recordVisit(line(household, l)), lines) else { return nil }
        let input = VisitInput(
            at: at?.rfc3339, outcome: outcome, volunteer: volunteer, help: help, procedure: procedure,
            followUp: followUp, observations: observations)
        return (household.code, input)
    }

    /// "Nguyễn Văn An (1970, chủ hộ) 7XT7GP"
    static func describe(_ member: MemberView, _ l: Language) -> String {
        let name = member.name ?? GuidedText.label("member", l)
        let details = [String(member.birthYear), member.relation].compactMap { $0 }.joined(separator: ", ")
        return "\(name) (\(details)) \(member.shortCode)"
    }

    /// "Nguyễn Văn An (1970) 7XT7GP: VNeID mức 2, tự đăng nhập có, DVCTT có"
    static func observed(_ observation: Observation, name: String, _ l: Language) -> String {
        var parts: [String] = []
        if let vneid = observation.vneid { parts.append("VNeID " + vneid.text(l)) }
        for (key, value) in [("login", observation.login), ("dvctt", observation.dvctt), ("paid", observation.paidOnline), ("smartphone", observation.smartphone)] {
            if let value { parts.append(GuidedText.label(key, l) + " " + value.yesNo(l)) }
        }
        return name + ": " + (parts.isEmpty ? "—" : parts.joined(separator: ", "))
    }
}
