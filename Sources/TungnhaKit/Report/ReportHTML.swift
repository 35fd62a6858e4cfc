/// The report as one self-contained HTML file in the form of a Vietnamese administrative document, printable
/// on A4: the unit and national motto, title, place and date; the table an official reads; notes; the
/// preparer's and the head's signatures; then appendices with every figure (landscape) and the charts.
/// No network, no JavaScript; page numbers come from CSS.
public enum ReportHTML {
    public static func render(
        _ report: CoverageReport, trend: [TrendPoint], generatedAt: Moment, unit: OfficialUnit? = nil, storeProvince: String? = nil,
        audit: AuditReport? = nil, _ l: Language
    ) -> String {
        let escape = OfficialDocument.escape
        let unit = unit ?? OfficialUnit.of(report, storeProvince: storeProvince, l)
        var html = """
            <!DOCTYPE html>
            <html lang="\(l.rawValue)">
            <head>
            <meta charset="utf-8">
            <title>\(escape(Messages.htmlTitle(l)))</title>
            <style>
            \(OfficialDocument.styleSheet(l))
            </style>
            </head>
            <body>

            """
        html += OfficialDocument.heading(unit, issued: generatedAt.vietnamDate, l)
        html += "<h1>\(escape(Messages.reportDocumentKind(l)))</h1>\n"
        html += "<div class=\"subtitle\">\(escape(Messages.reportSubject(l)))</div>\n"
        html += "<div class=\"asof\">\(escape(Messages.reportScope(report, l)))</div>\n"
        html += figures(report, columns: ReportColumn.official(for: report), numbered: true, l)
        html += "<ul class=\"notes\">\n"
        for note in [Messages.coverageBaseNote(l)] + Messages.reportNotes(report, l) { html += "<li>\(escape(note))</li>\n" }
        html += "</ul>\n"
        html += OfficialDocument.signatures(l)
        html += "<section class=\"appendix wide\">\n<h2>\(escape(Messages.appendixFigures(l)))</h2>\n"
        html += figures(report, columns: ReportColumn.appendix(for: report), numbered: true, l)
        html += "</section>\n<section class=\"appendix\">\n<h2>\(escape(Messages.appendixCharts(l)))</h2>\n"
        html += "<h2>\(escape(Messages.htmlChartTitle(report.level, l)))</h2>\n" + ReportCharts.barCharts(report, l)
        html += "<h2>\(escape(Messages.htmlTrendTitle(l)))</h2>\n" + ReportCharts.trendChart(trend, l)
        html += "</section>\n"
        if let audit { html += AuditHTML.section(audit, l) }
        html += "</body>\n</html>\n"
        return html
    }

    /// A table of the report's lines and total, in these columns, with a running number first.
    static func figures(_ report: CoverageReport, columns: [ReportColumn], numbered: Bool, _ l: Language) -> String {
        let lines = report.rows + [report.total]
        var header = columns.map { Messages.reportHeader($0, report.level, l) }
        var rows = lines.map { row in columns.map { $0.cell(row, l) } }
        if numbered {
            header.insert(Messages.rowNumber(l), at: 0)
            for index in rows.indices { rows[index].insert(index < report.rows.count ? .code(String(index + 1)) : .empty, at: 0) }
        }
        let offset = numbered ? 1 : 0
        // Room for the names; the figures share the rest.
        let widths = (numbered ? [0.5] : []) + columns.map { column -> Double in
            switch column {
            case .name, .parent: return 2.2
            case .householdTarget, .dvcttTarget, .expectedSource: return 1.3
            case .lastActivity: return 1.7
            default: return 1
            }
        }
        return OfficialDocument.table(header: header, widths: widths, rows: rows, totalRows: 1, met: { line, column in
            column >= offset ? columns[column - offset].met(lines[line]) : nil
        }, l)
    }
}
