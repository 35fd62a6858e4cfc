/// A table for the terminal, aligned by display width: a Vietnamese letter with its marks is one column.
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []
    /// Rows drawn after a rule, such as a total.
    public var footer: [[String]] = []

    public init(headers: [String], alignments: [Alignment]? = nil) {
        self.headers = headers
        self.alignments = alignments ?? headers.map { _ in .left }
    }

    public static func width(_ text: String) -> Int { text.count }

    public func render() -> String {
        let all = [headers] + rows + footer
        var widths = [Int](repeating: 0, count: headers.count)
        for row in all {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], Self.width(cell))
            }
        }
        func line(_ row: [String]) -> String {
            var cells: [String] = []
            for column in 0..<widths.count {
                let cell = column < row.count ? row[column] : ""
                let padding = String(repeating: " ", count: widths[column] - Self.width(cell))
                cells.append(alignments[column] == .right ? padding + cell : cell + padding)
            }
            var text = cells.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        var lines = [line(headers), rule]
        lines += rows.map(line)
        if !footer.isEmpty {
            lines.append(rule)
            lines += footer.map(line)
        }
        return lines.joined(separator: "\n")
    }
}
