import Foundation

/// The report as CSV: UTF-8 with a byte-order mark and CRLF lines, so that Excel and LibreOffice
/// open it with Vietnamese intact; plain Vietnamese column names in the first row.
public enum ReportCSV {
    public static func render(_ report: CoverageReport, _ l: Language) -> Data {
        var lines = [Messages.reportCSVHeader(report.level, l)]
        lines += report.rows.map { Messages.reportCSVRow($0, l) }
        lines.append(Messages.reportCSVRow(report.total, l))
        let text = lines.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        return Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// The report as one self-contained HTML file: no network, no JavaScript; the table, a bar chart of
/// coverage by unit against the target, and the weekly trend, drawn as inline SVG; prints on A4.
public enum ReportHTML {
    public static func render(_ report: CoverageReport, trend: [TrendPoint], generatedAt: Moment, _ l: Language) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="\(l.rawValue)">
            <head>
            <meta charset="utf-8">
            <title>\(escape(Messages.htmlTitle(l)))</title>
            <style>
            @page { size: A4; margin: 12mm; }
            body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; font-size: 10pt; color: #1b1b1b; margin: 16px; }
            h1 { font-size: 15pt; margin: 0 0 4px; }
            h2 { font-size: 12pt; margin: 18px 0 6px; }
            .meta { color: #555; margin-bottom: 10px; }
            .cards { display: flex; gap: 10px; flex-wrap: wrap; }
            .card { border: 1px solid #ccc; border-radius: 6px; padding: 6px 10px; min-width: 120px; }
            .card b { display: block; font-size: 14pt; }
            table { border-collapse: collapse; width: 100%; font-size: 7pt; table-layout: fixed; }
            th, td { border: 1px solid #bbb; padding: 2px 3px; overflow-wrap: break-word; }
            th:first-child, td:first-child { width: 12%; }
            th { background: #eef2f6; }
            td.n { text-align: right; white-space: nowrap; }
            tr.total td { font-weight: bold; background: #f6f6f6; }
            tr.split td:first-child { font-style: italic; }
            thead { display: table-header-group; }
            tr { page-break-inside: avoid; }
            .met { color: #1a7f37; } .unmet { color: #b42318; }
            svg { max-width: 100%; height: auto; }
            .notes li { margin-bottom: 3px; }
            </style>
            </head>
            <body>
            <h1>\(escape(Messages.htmlTitle(l)))</h1>
            <div class="meta">\(escape(Messages.reportTitle(report, l))) · \(escape(Messages.generatedAt(generatedAt, l)))</div>

            """
        let total = report.total
        html += "<div class=\"cards\">"
        for (label, value) in Messages.htmlCards(total, l) {
            html += "<div class=\"card\">\(escape(label))<b>\(escape(value))</b></div>"
        }
        html += "</div>\n"
        html += "<h2>\(escape(Messages.htmlChartTitle(report.level, l)))</h2>\n" + barChart(report, l)
        html += "<h2>\(escape(Messages.htmlTrendTitle(l)))</h2>\n" + trendChart(trend, l)
        html += "<h2>\(escape(Messages.htmlTableTitle(l)))</h2>\n<table>\n<thead><tr>"
        for header in Messages.reportCSVHeader(report.level, l) where !header.isEmpty {
            html += "<th>\(escape(header))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in report.rows + [total] {
            let classes = [row.key == "total" ? "total" : nil, row.split ? "split" : nil].compactMap { $0 }.joined(separator: " ")
            html += "<tr\(classes.isEmpty ? "" : " class=\"\(classes)\"")>"
            for (index, cell) in Messages.reportCSVRow(row, l).enumerated() {
                let numeric = index >= 4 && index != 5 && index != 19 && index != 21 && index != 24
                var text = escape(cell)
                if index == 21 || index == 24, !cell.isEmpty {
                    let met = (index == 21 ? row.target?.householdsMet : row.target?.adultsDvcttMet) ?? nil ?? false
                    text = "<span class=\"\(met ? "met" : "unmet")\">\(text)</span>"
                }
                html += numeric ? "<td class=\"n\">\(text)</td>" : "<td>\(text)</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n<h2>\(escape(Messages.htmlNotesTitle(l)))</h2>\n<ul class=\"notes\">\n"
        for note in Messages.reportNotes(report, l) { html += "<li>\(escape(note))</li>\n" }
        html += "</ul>\n</body>\n</html>\n"
        return html
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    static func number(_ value: Double) -> String { String(format: "%.1f", value) }

    /// One horizontal bar per line: covered households as a share of those expected (else registered),
    /// with the target drawn as a dashed line.
    static func barChart(_ report: CoverageReport, _ l: Language) -> String {
        let rows = Array(report.rows.prefix(200))
        guard !rows.isEmpty else { return "<p>\(escape(Messages.htmlNoData(l)))</p>\n" }
        let labelWidth = 230.0, barWidth = 420.0, rowHeight = 20.0, top = 24.0
        let height = top + rowHeight * Double(rows.count) + 30
        let width = labelWidth + barWidth + 90
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(escape(Messages.htmlChartTitle(report.level, l)))\">\n"
        svg += "<rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(height))\" fill=\"#ffffff\"/>\n"
        for tick in stride(from: 0, through: 100, by: 20) {
            let x = labelWidth + barWidth * Double(tick) / 100
            svg += "<line x1=\"\(number(x))\" y1=\"\(number(top - 6))\" x2=\"\(number(x))\" y2=\"\(number(height - 26))\" stroke=\"#e3e3e3\"/>"
            svg += "<text x=\"\(number(x))\" y=\"\(number(height - 12))\" font-size=\"10\" text-anchor=\"middle\" fill=\"#555\">\(tick)%</text>\n"
        }
        for (index, row) in rows.enumerated() {
            let y = top + rowHeight * Double(index)
            let share = min(1, row.coverageOfExpected ?? row.coverageOfRegistered ?? 0)
            let reached = min(1, row.coverageOfRegistered ?? 0)
            let met = row.target?.householdsMet ?? nil ?? false
            var name = row.name
            if name.count > 34 { name = String(name.prefix(33)) + "…" }
            svg += "<text x=\"\(number(labelWidth - 6))\" y=\"\(number(y + 14))\" font-size=\"11\" text-anchor=\"end\">\(escape(name))</text>"
            // Behind the bar, lighter: the share of the households registered so far that are covered.
            svg += "<rect x=\"\(number(labelWidth))\" y=\"\(number(y + 3))\" width=\"\(number(max(1, barWidth * reached)))\" height=\"\(number(rowHeight - 6))\" fill=\"#c9dcf0\"/>"
            svg += "<rect x=\"\(number(labelWidth))\" y=\"\(number(y + 6))\" width=\"\(number(max(1, barWidth * share)))\" height=\"\(number(rowHeight - 12))\" fill=\"\(met ? "#2e8b57" : "#3b73b9")\"/>"
            svg += "<text x=\"\(number(labelWidth + barWidth * max(share, reached) + 4))\" y=\"\(number(y + 14))\" font-size=\"10\" fill=\"#333\">\(escape(formatPercent(share, l) + " · " + formatPercent(reached, l)))</text>"
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
