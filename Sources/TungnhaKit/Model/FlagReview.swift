/// An officer's review of an audit flag (`tungnha review`): the flag is computed by the audit, never stored; the
/// review is an event, so that it travels with the batches like any record. It changes no household and no figure.
public struct FlagReview: Sendable, Equatable {
    /// The flag's code, as the audit prints it: 10 characters of the household-code alphabet, made from what the
    /// flag is about, so that the same flag keeps its code as records arrive.
    public var flag: String
    public var note: String
    /// How many records the flag rested on when it was reviewed: the audit says when more came after.
    public var events: Int

    public init(flag: String, note: String, events: Int) {
        self.flag = flag
        self.note = note
        self.events = events
    }
}
