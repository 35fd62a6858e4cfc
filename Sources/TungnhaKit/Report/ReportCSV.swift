import Foundation

/// The report as CSV for a spreadsheet in the language's locale (`CSVDialect`): the date the figures are for
/// in the first column, numbers as numbers, percentages as plain numbers in columns marked (%), codes as text.
public enum ReportCSV {
    public static func render(_ report: CoverageReport, _ l: Language) -> Data {
        var rows = report.sheetRows(ReportColumn.full, l)
        let asOf = LocalDate(report.asOf).map(SheetCell.date) ?? .text(report.asOf)
        for index in rows.indices { rows[index].insert(index == 0 ? .heading(Messages.figuresAsOf(l)) : asOf, at: 0) }
        return CSVDialect.of(l).render(rows)
    }
}
