/// A table for the terminal, aligned by display width: a Vietnamese letter with its marks is one column.
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }
    /// A cell that says something went well or not: how it is shown (a colour on a terminal) is the caller's.
    public enum Emphasis: Sendable { case good, bad }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []
    /// Rows drawn after a rule, such as a total.
    public var footer: [[String]] = []
    /// Emphasised cells, by row (rows, then footer rows) and column.
    public var emphasis: [Int: [Int: Emphasis]] = [:]

    public init(headers: [String], alignments: [Alignment]? = nil) {
        self.headers = headers
        self.alignments = alignments ?? headers.map { _ in .left }
    }

    public static func width(_ text: String) -> Int { text.count }

    /// The table as text; `decorate` wraps each emphasised cell once it is padded, so alignment is kept. Cells are made
    /// safe for a terminal first (`TerminalText`): a table is for the screen, and its colours come after.
    public func render(decorate: ((String, Emphasis) -> String)? = nil) -> String {
        let all = ([self.headers] + self.rows + self.footer).map { $0.map(TerminalText.safe) }
        let headers = all[0], rows = Array(all[1..<(1 + self.rows.count)]), footer = Array(all[(1 + self.rows.count)...])
        var widths = [Int](repeating: 0, count: headers.count)
        for row in all {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], Self.width(cell))
            }
        }
        func line(_ row: [String], index: Int?) -> String {
            var cells: [String] = []
            for column in 0..<widths.count {
                let cell = column < row.count ? row[column] : ""
                let padding = String(repeating: " ", count: widths[column] - Self.width(cell))
                var padded = alignments[column] == .right ? padding + cell : cell + padding
                if let decorate, let index, let mark = emphasis[index]?[column] { padded = decorate(padded, mark) }
                cells.append(padded)
            }
            var text = cells.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        var lines = [line(headers, index: nil), rule]
        lines += rows.enumerated().map { line($0.element, index: $0.offset) }
        if !footer.isEmpty {
            lines.append(rule)
            lines += footer.enumerated().map { line($0.element, index: rows.count + $0.offset) }
        }
        return lines.joined(separator: "\n")
    }
}
