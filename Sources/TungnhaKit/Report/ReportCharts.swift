/// The report's charts, drawn as inline SVG: no script, no network.
enum ReportCharts {
    static func escape(_ text: String) -> String { OfficialDocument.escape(text) }

    static func number(_ value: Double) -> String { String(format: "%.1f", value) }

    /// One horizontal bar per line: covered households as a share of those expected (else registered),
    /// with the target drawn as a dashed line.
    static func barCharts(_ report: CoverageReport, _ l: Language) -> String {
        guard !report.rows.isEmpty else { return "<p>\(escape(Messages.htmlNoData(l)))</p>\n" }
        let rows = Array(report.rows.prefix(400))
        let withParent = report.level == .village && report.spansSeveralParents
        // A chart a page high at most: a printer cannot split one picture.
        return stride(from: 0, to: rows.count, by: rowsPerChart).map { barChart(Array(rows[$0..<min($0 + rowsPerChart, rows.count)]), report.level, withParent: withParent, l) }
            .joined()
    }

    static let rowsPerChart = 36

    static func barChart(_ rows: [ReportRow], _ level: ReportLevel, withParent: Bool, _ l: Language) -> String {
        let labelWidth = 230.0, barWidth = 420.0, rowHeight = 20.0, top = 24.0
        let height = top + rowHeight * Double(rows.count) + 30
        let width = labelWidth + barWidth + 90
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(escape(Messages.htmlChartTitle(level, l)))\">\n"
        svg += "<rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(height))\" fill=\"#ffffff\"/>\n"
        for tick in stride(from: 0, through: 100, by: 20) {
            let x = labelWidth + barWidth * Double(tick) / 100
            svg += "<line x1=\"\(number(x))\" y1=\"\(number(top - 6))\" x2=\"\(number(x))\" y2=\"\(number(height - 26))\" stroke=\"#e3e3e3\"/>"
            svg += "<text x=\"\(number(x))\" y=\"\(number(height - 12))\" font-size=\"10\" text-anchor=\"middle\" fill=\"#555\">\(tick)%</text>\n"
        }
        for (index, row) in rows.enumerated() {
            let y = top + rowHeight * Double(index)
            let shown = row.coverageOfExpected ?? row.coverageOfRegistered
            let share = min(1, shown?.fraction ?? 0)
            let reached = min(1, row.coverageOfRegistered?.fraction ?? 0)
            let met = row.target?.householdsMet ?? nil ?? false
            var name = withParent ? row.name + " · " + (row.parent ?? "") : row.name
            if name.count > 34 { name = String(name.prefix(33)) + "…" }
            svg += "<text x=\"\(number(labelWidth - 6))\" y=\"\(number(y + 14))\" font-size=\"11\" text-anchor=\"end\">\(escape(name))</text>"
            // Behind the bar, lighter: the share of the households registered so far that are covered.
            svg += "<rect x=\"\(number(labelWidth))\" y=\"\(number(y + 3))\" width=\"\(number(max(1, barWidth * reached)))\" height=\"\(number(rowHeight - 6))\" fill=\"#c9dcf0\"/>"
            svg += "<rect x=\"\(number(labelWidth))\" y=\"\(number(y + 6))\" width=\"\(number(max(1, barWidth * share)))\" height=\"\(number(rowHeight - 12))\" fill=\"\(met ? "#2e8b57" : "#3b73b9")\"/>"
            svg += "<text x=\"\(number(labelWidth + barWidth * max(share, reached) + 4))\" y=\"\(number(y + 14))\" font-size=\"10\" fill=\"#333\">\(escape(formatPercent(shown ?? Share(tenths: 0), l) + " · " + formatPercent(row.coverageOfRegistered ?? Share(tenths: 0), l)))</text>"
            if let target = row.target?.householdsPercent {
                let x = labelWidth + barWidth * min(1, target / 100)
                svg += "<line x1=\"\(number(x))\" y1=\"\(number(y + 1))\" x2=\"\(number(x))\" y2=\"\(number(y + rowHeight - 1))\" stroke=\"#c0392b\" stroke-width=\"2\" stroke-dasharray=\"4 2\"/>"
            }
            svg += "\n"
        }
        svg += "<text x=\"\(number(labelWidth))\" y=\"14\" font-size=\"11\" fill=\"#3b73b9\">\(escape(Messages.htmlBarLegend(l)))</text>"
        svg += "<text x=\"\(number(labelWidth + barWidth))\" y=\"14\" font-size=\"11\" text-anchor=\"end\" fill=\"#c0392b\">\(escape(Messages.htmlTargetLegend(l)))</text>\n"
        return svg + "</svg>\n"
    }

    /// Covered and registered households at the end of each week.
    static func trendChart(_ trend: [TrendPoint], _ l: Language) -> String {
        guard trend.count > 1, let highest = trend.map({ max($0.registered, $0.covered) }).max(), highest > 0 else {
            return "<p>\(escape(Messages.htmlNoData(l)))</p>\n"
        }
        let left = 60.0, top = 20.0, plotWidth = 600.0, plotHeight = 220.0
        let width = left + plotWidth + 30, height = top + plotHeight + 50
        func x(_ index: Int) -> Double { left + plotWidth * Double(index) / Double(trend.count - 1) }
        func y(_ value: Int) -> Double { top + plotHeight * (1 - Double(value) / Double(highest)) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(escape(Messages.htmlTrendTitle(l)))\">\n"
        svg += "<rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(height))\" fill=\"#ffffff\"/>\n"
        for step in 0...4 {
            let value = highest * step / 4
            svg += "<line x1=\"\(number(left))\" y1=\"\(number(y(value)))\" x2=\"\(number(left + plotWidth))\" y2=\"\(number(y(value)))\" stroke=\"#e3e3e3\"/>"
            svg += "<text x=\"\(number(left - 6))\" y=\"\(number(y(value) + 4))\" font-size=\"10\" text-anchor=\"end\" fill=\"#555\">\(escape(formatNumber(value, l)))</text>\n"
        }
        for (index, point) in trend.enumerated() {
            let label = LocalDate(point.weekEnding).map { String($0.vietnamese.prefix(5)) } ?? point.weekEnding
            svg += "<text x=\"\(number(x(index)))\" y=\"\(number(top + plotHeight + 16))\" font-size=\"10\" text-anchor=\"middle\" fill=\"#555\">\(escape(label))</text>\n"
        }
        let registered = trend.indices.map { "\(number(x($0))),\(number(y(trend[$0].registered)))" }.joined(separator: " ")
        let covered = trend.indices.map { "\(number(x($0))),\(number(y(trend[$0].covered)))" }.joined(separator: " ")
        svg += "<polyline points=\"\(registered)\" fill=\"none\" stroke=\"#9aa5b1\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>\n"
        svg += "<polyline points=\"\(covered)\" fill=\"none\" stroke=\"#2e8b57\" stroke-width=\"3\"/>\n"
        for index in trend.indices {
            svg += "<circle cx=\"\(number(x(index)))\" cy=\"\(number(y(trend[index].covered)))\" r=\"3\" fill=\"#2e8b57\"/>"
        }
        let legendY = top + plotHeight + 36
        svg += "\n<line x1=\"\(number(left))\" y1=\"\(number(legendY))\" x2=\"\(number(left + 24))\" y2=\"\(number(legendY))\" stroke=\"#2e8b57\" stroke-width=\"3\"/>"
        svg += "<text x=\"\(number(left + 30))\" y=\"\(number(legendY + 4))\" font-size=\"11\">\(escape(Messages.htmlCoveredLegend(l)))</text>"
        svg += "<line x1=\"\(number(left + 260))\" y1=\"\(number(legendY))\" x2=\"\(number(left + 284))\" y2=\"\(number(legendY))\" stroke=\"#9aa5b1\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>"
        svg += "<text x=\"\(number(left + 290))\" y=\"\(number(legendY + 4))\" font-size=\"11\">\(escape(Messages.htmlRegisteredLegend(l)))</text>\n"
        return svg + "</svg>\n"
    }
}
