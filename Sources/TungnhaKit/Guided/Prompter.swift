/// Where a guided dialogue reads its answers: the terminal in the executable, a list of lines in tests.
/// The library itself never touches the terminal.
public protocol AnswerSource: AnyObject {
    /// The next line typed, without its line ending; nil at the end of input (Ctrl-D).
    func nextLine() -> String?
}

/// Answers written down in advance, for tests and replays.
public final class ScriptedAnswers: AnswerSource {
    private var lines: [String]

    public init(_ lines: [String]) { self.lines = lines }

    public func nextLine() -> String? { lines.isEmpty ? nil : lines.removeFirst() }
}

/// The volunteer gave up (end of input): nothing is recorded.
public struct DialogueAbandoned: Error, Equatable {
    public init() {}
}

/// Asks one question at a time; an answer the library's checks refuse is explained at once and the question
/// asked again, so a dialogue never ends on a refusal.
public final class Prompter {
    public let language: Language
    let source: AnswerSource
    let say: (String) -> Void

    /// `say` writes text as it is (questions end without a line break, so the answer follows on the same line).
    public init(language: Language, source: AnswerSource, say: @escaping (String) -> Void) {
        self.language = language
        self.source = source
        self.say = say
    }

    public func tell(_ text: String) { say(text + "\n") }

    /// Asks until `read` accepts the trimmed answer.
    public func ask<T>(_ question: String, _ read: (String) throws -> T) throws -> T {
        while true {
            say(question + " ")
            guard let line = source.nextLine() else {
                say("\n")
                throw DialogueAbandoned()
            }
            do {
                return try read(line.trimmingCharacters(in: .whitespaces))
            } catch let error as any TungnhaError {
                tell("  ✗ " + error.text(language))
            }
        }
    }

    /// A yes or no; Enter gives `empty` when there is one.
    public func yesNo(_ question: String, empty: Bool? = nil) throws -> Bool {
        try ask(question) { answer in
            if answer.isEmpty, let empty { return empty }
            guard let choice = YesNo(word: answer) else { throw EntryError.unknownChoice(text: answer, choices: choicesText(YesNo.self)) }
            return choice.isYes
        }
    }

    /// A yes, a no, or Enter for "not checked".
    public func maybe(_ question: String) throws -> Bool? {
        try ask(question) { answer -> Bool? in
            if answer.isEmpty { return nil }
            guard let choice = YesNo(word: answer) else { throw EntryError.unknownChoice(text: answer, choices: choicesText(YesNo.self)) }
            return choice.isYes
        }
    }

    /// One of `items` by its number or, when `word` reads it, by a word (its refusal is shown); Enter gives `empty` when allowed.
    public func choose<T>(_ question: String, _ items: [T], empty: T? = nil, word: ((String) throws -> T?)? = nil) throws -> T {
        try ask(question) { answer in
            if answer.isEmpty, let empty { return empty }
            if let number = Int(answer) {
                guard (1...max(items.count, 1)).contains(number), number <= items.count else {
                    throw EntryError.numberOutOfRange(text: answer, count: items.count)
                }
                return items[number - 1]
            }
            if let word, let value = try word(answer) { return value }
            throw EntryError.notANumber(text: answer)
        }
    }

    /// Several of `items` by their numbers, separated by commas or spaces; Enter for none.
    public func chooseSeveral<T>(_ question: String, _ items: [T]) throws -> [T] {
        try ask(question) { answer in
            var chosen: [Int] = []
            for part in answer.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }) {
                let text = String(part)
                if let number = Int(text) {
                    guard (1...max(items.count, 1)).contains(number), number <= items.count else {
                        throw EntryError.numberOutOfRange(text: text, count: items.count)
                    }
                    if !chosen.contains(number - 1) { chosen.append(number - 1) }
                } else {
                    throw EntryError.notANumber(text: text)
                }
            }
            return chosen.map { items[$0] }
        }
    }

    func choicesText<C: TypedChoice>(_ type: C.Type) -> String {
        C.allCases.map { $0.word(language) }.joined(separator: ", ")
    }
}
