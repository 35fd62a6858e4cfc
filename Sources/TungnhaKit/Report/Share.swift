/// A share shown as a percentage, under the one rounding rule of every format (table, CSV, JSON, xlsx, HTML):
/// the exact ratio of two counts, rounded once, half up, to a tenth of a percent. 18 249 of 100 000 is 18.2%;
/// 18 251 of 100 000 is 18.3%. Nothing rounds a rounded value again: every format prints `tenths`.
public struct Share: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Tenths of a percent: 182 is 18.2%.
    public let tenths: Int

    public init(tenths: Int) { self.tenths = tenths }

    /// `part` of `whole`; nil when there is no whole to measure against.
    public init?(_ part: Int, of whole: Int?) {
        guard let whole, whole > 0, part >= 0 else { return nil }
        // Integer arithmetic: round(1000 · part / whole), half up, with no binary fraction in between.
        tenths = (2000 * part + whole) / (2 * whole)
    }

    /// A percentage someone typed (a target such as 33.35%), rounded once by the same rule.
    public init(percent: Double) {
        tenths = Int((percent * 10).rounded(.toNearestOrAwayFromZero))
    }

    /// 0.182 for 18.2%: what JSON carries and what an xlsx percentage cell holds.
    public var fraction: Double { Double(tenths) / 1000 }

    /// "18.2" or "18,2" (no percent sign): a spreadsheet number in the given decimal mark.
    public func number(decimalMark: Character) -> String {
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return "\(sign)\(magnitude / 10)\(decimalMark)\(magnitude % 10)"
    }

    public var description: String { number(decimalMark: ".") + "%" }

    public static func < (lhs: Share, rhs: Share) -> Bool { lhs.tenths < rhs.tenths }

    public init(from decoder: Decoder) throws {
        let value = try decoder.singleValueContainer().decode(Double.self)
        tenths = Int((value * 1000).rounded(.toNearestOrAwayFromZero))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(fraction)
    }
}
