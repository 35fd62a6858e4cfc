import ArgumentParser
import TungnhaKit

// Option values are typed words from the catalogue: `--sex nữ`, `--outcome gặp`, `--outcome met`, with or without
// diacritics. Help shows the words of the user's language; completion offers both languages'.

extension TypedChoice {
    static var shownValues: [String] { allCases.map { $0.word(Language.current) } }
    static var completion: CompletionKind { .list(allWords) }
}

extension YesNo: ExpressibleByArgument {
    public init?(argument: String) { self.init(word: argument) }
    public static var allValueStrings: [String] { shownValues }
    public static var defaultCompletionKind: CompletionKind { completion }
}

extension Sex: ExpressibleByArgument {
    public init?(argument: String) { self.init(word: argument) }
    public static var allValueStrings: [String] { shownValues }
    public static var defaultCompletionKind: CompletionKind { completion }
}

extension MemberStatus: ExpressibleByArgument {
    public init?(argument: String) { self.init(word: argument) }
    public static var allValueStrings: [String] { shownValues }
    public static var defaultCompletionKind: CompletionKind { completion }
}

extension VisitOutcome: ExpressibleByArgument {
    public init?(argument: String) { self.init(word: argument) }
    public static var allValueStrings: [String] { shownValues }
    public static var defaultCompletionKind: CompletionKind { completion }
}

extension Help: ExpressibleByArgument {
    public init?(argument: String) { self.init(word: argument) }
    public static var allValueStrings: [String] { shownValues }
    public static var defaultCompletionKind: CompletionKind { completion }
}

extension Scheme: ExpressibleByArgument {
    public init?(argument: String) { self.init(word: argument) }
    public static var allValueStrings: [String] { shownValues }
    public static var defaultCompletionKind: CompletionKind { completion }
    public var defaultValueDescription: String { word(Language.current) }
}

extension ReportLevel: ExpressibleByArgument {
    public init?(argument: String) { self.init(word: argument) }
    public static var allValueStrings: [String] { shownValues }
    public static var defaultCompletionKind: CompletionKind { completion }
    public var defaultValueDescription: String { word(Language.current) }
}

/// A day, typed as 2026-11-27 or 27/11/2026: the parser refuses anything else before the command runs.
extension LocalDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument.trimmingCharacters(in: .whitespaces)) }
}

/// `--member CODE:vneid=2,login=yes,dvctt=yes`: the parser refuses a value that does not read.
extension Observation: ExpressibleByArgument {
    public init?(argument: String) {
        guard let observation = try? Observation.parse(argument) else { return nil }
        self = observation
    }
}
