import GRDB

/// The checks of what a volunteer types, one answer at a time: guided entry asks them as it goes, the command
/// line before it starts, and `recordVisit` applies the same ones, so all three say the same.
public enum EntryChecks {
    /// Free text of `field`, cleaned as it will be stored; nil when empty.
    public static func text(_ raw: String, _ field: InputField) throws -> String? {
        guard !raw.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return try Store.text(raw, field)
    }

    public static func phone(_ raw: String) throws -> String? { try Store.phone(raw) }

    /// When a visit happened, as typed: a real date with its hour, not in the future.
    public static func visitTime(_ raw: String, now: Moment) throws -> Moment {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        if LocalDate(trimmed) != nil { throw EntryError.dateWithoutTime(text: trimmed) }
        guard let moment = Moment(userInput: trimmed) else { throw RecordError.invalidDateTime(text: raw) }
        // The same five minutes of clock drift `recordVisit` allows.
        guard moment.millis <= now.millis + 5 * 60_000 else { throw RecordError.futureTime(given: moment.display, now: now.display) }
        return moment
    }

    /// The day to come back: a real day, today or later.
    public static func followUp(_ raw: String, today: LocalDate) throws -> LocalDate {
        guard let date = LocalDate(raw.trimmingCharacters(in: .whitespaces)) else { throw RecordError.invalidDate(text: raw) }
        return try followUp(date, today: today)
    }

    public static func followUp(_ date: LocalDate, today: LocalDate) throws -> LocalDate {
        guard date >= today else { throw EntryError.followUpInPast(date: date, today: today) }
        return date
    }
}

extension Store {
    /// Now, by this store's clock (`TUNGNHA_NOW` in tests).
    public var currentMoment: Moment { now }

    public func checkedBirthYear(_ year: Int) throws -> Int {
        try checkBirthYear(year)
        return year
    }

    /// The volunteer name the laptop remembers from the last visit, if any.
    public func rememberedVolunteer() throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'volunteer.name'") }
    }

    /// The village as recorded, found by its folded name; refuses with the close names when there is none.
    public func village(named name: String) throws -> String {
        let villages = try villages().map(\.name)
        if let match = villages.first(where: { Folding.fold($0) == Folding.fold(name) }) { return match }
        throw LookupError.villageNotFound(name: name, known: villages)
    }

    /// Households of `village` whose head has the same folded name: likely the same house registered again.
    public func householdsLike(head: String, village: String) throws -> [HouseholdSummary] {
        let key = Folding.fold(head)
        guard !key.isEmpty else { return [] }
        let villageKey = Folding.fold(village)
        return try searchHouseholds(head, limit: 200).filter {
            Folding.fold($0.village) == villageKey && $0.headName.map(Folding.fold) == key
        }
    }
}
