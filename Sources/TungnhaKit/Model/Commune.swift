/// Which list a commune code belongs to: the 2025 reform reused codes for different communes.
public enum Scheme: String, Sendable, Hashable, Codable, CaseIterable {
    case y2025 = "2025"
    case pre2025 = "pre2025"
}

/// A commune code, meaningful only with its scheme.
public struct CommuneRef: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var code: String
    public var scheme: Scheme

    public init(code: String, scheme: Scheme) {
        self.code = code
        self.scheme = scheme
    }

    public var description: String { "\(code) (\(scheme.rawValue))" }

    public static func < (lhs: CommuneRef, rhs: CommuneRef) -> Bool {
        (lhs.scheme.rawValue, lhs.code) < (rhs.scheme.rawValue, rhs.code)
    }

    /// Five digits, as the GSO writes commune codes.
    public static func isWellFormed(_ code: String) -> Bool {
        code.utf8.count == 5 && code.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }
}
