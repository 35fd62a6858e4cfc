/// Likely mistakes caught while a volunteer types, before anything is recorded.
public enum EntryError: TungnhaError, Equatable {
    /// A visit time given as a day alone: the hour must be said, not guessed.
    case dateWithoutTime(text: String)
    case followUpInPast(date: LocalDate, today: LocalDate)
    case fileMissing(path: String)
    /// A household with this head is already recorded in this village.
    case possibleDuplicate(existing: [HouseholdSummary])
    case unknownChoice(text: String, choices: String)
    case noVillages
    case noMatch(text: String)
    case needsTerminal(command: String)
    case notANumber(text: String)
    case numberOutOfRange(text: String, count: Int)
}
