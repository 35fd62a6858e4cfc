import Foundation

/// The report as an .xlsx workbook, one sheet per level (communes, villages, volunteers…): the unit and the
/// date the figures are for above each table, every column (`ReportColumn.full`), the notes below.
public enum ReportXLSX {
    public static func render(_ reports: [CoverageReport], unit: OfficialUnit?, generatedAt: Moment, _ l: Language) throws -> Data {
        let sheets = reports.map { report -> Worksheet in
            let columns = ReportColumn.full
            var rows: [Worksheet.Row] = [
                Worksheet.Row(.title, [.text(Messages.htmlTitle(l))]),
                Worksheet.Row(.note, [.text(Messages.unitLabel(l)), .text(unit?.name ?? Messages.blankUnit(l))]),
                Worksheet.Row(.note, [.text(Messages.figuresAsOf(l)), LocalDate(report.asOf).map(SheetCell.date) ?? .text(report.asOf)]),
                Worksheet.Row(.note, [.text(Messages.madeAt(l)), .time(generatedAt)]),
                Worksheet.Row(.note, []),
            ]
            let table = report.sheetRows(columns, l)
            rows.append(Worksheet.Row(.header, table[0]))
            rows += table.dropFirst().dropLast().map { Worksheet.Row(.body, $0) }
            rows.append(Worksheet.Row(.total, table.last!))
            rows.append(Worksheet.Row(.note, []))
            for note in [Messages.coverageBaseNote(l)] + Messages.reportNotes(report, l) { rows.append(Worksheet.Row(.note, [.text(note)])) }
            let widths = columns.map { column -> Double in
                switch column {
                case .name, .parent: return 26
                case .expectedSource, .lastActivity: return 17
                default: return 12
                }
            }
            return Worksheet(name: Messages.sheetName(report.level, l), rows: rows, widths: widths)
        }
        return try XLSXWriter.write(sheets, modified: generatedAt.date)
    }

    /// The levels a workbook holds for a request: the one asked for, with the commune, village and volunteer
    /// sheets beside it (and the province sheet when the figures span several provinces), broadest first.
    public static func levels(for requested: ReportLevel, provinces: Int) -> [ReportLevel] {
        var levels: [ReportLevel] = provinces > 1 ? [.province] : []
        if requested == .district { levels.append(.district) }
        levels += [.commune, .village, .volunteer]
        if requested == .province, !levels.contains(.province) { levels.insert(.province, at: 0) }
        return levels
    }
}
