import Synchronization

/// The language of everything the tool says: Vietnamese unless asked otherwise.
public enum Language: String, Sendable, CaseIterable, Codable {
    case vi
    case en

    /// `--lang` wins; otherwise English only when `LANG` (or `LC_ALL`) starts with `en`.
    public static func resolve(flag: String?, environment: [String: String]) -> Language? {
        if let flag {
            return Language(rawValue: flag.lowercased())
        }
        let locale = environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LANG"] ?? ""
        return locale.lowercased().hasPrefix("en") ? .en : .vi
    }

    private static let selected = Mutex(Language.vi)

    /// The language errors describe themselves in (`LocalizedError` takes no argument).
    public static var current: Language {
        get { selected.withLock { $0 } }
        set { selected.withLock { $0 = newValue } }
    }

    /// Picks the text of this language.
    @inlinable
    public func pick(_ vietnamese: @autoclosure () -> String, _ english: @autoclosure () -> String) -> String {
        self == .vi ? vietnamese() : english()
    }
}

/// Something the tool can say in either language.
public protocol Localized {
    func text(_ language: Language) -> String
}

/// A domain error whose words live in the catalogue.
public protocol TungnhaError: Localized, Error {}

extension TungnhaError {
    public var errorDescription: String? { text(Language.current) }
}

/// The name of an enum case, for machine-readable output: `digitRun(field: .note)` → "digitRun".
public func caseName(_ value: Any) -> String {
    let mirror = Mirror(reflecting: value)
    if let label = mirror.children.first?.label { return label }
    return String(describing: value)
}
