import ArgumentParser
import Foundation
import TungnhaKit

struct Report: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText.report.text(Language.current)) }

    enum Format: String, ExpressibleByArgument { case table, csv, json, html, xlsx }

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("by"), help: ArgumentHelp(HelpText.reportBy.text(Language.current), valueName: ReportLevel.choices(Language.current)))
    var level: ReportLevel = .commune

    @Option(help: ArgumentHelp(HelpText.reportProvince.text(Language.current), valueName: "code"))
    var province: String?

    @Option(help: ArgumentHelp(HelpText.reportCommune.text(Language.current), valueName: "code"))
    var commune: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp(HelpText.reportAsOf.text(Language.current), valueName: "date"))
    var asOf: LocalDate?

    @Option(help: ArgumentHelp(HelpText.reportFormat.text(Language.current), valueName: "table|xlsx|csv|json|html"))
    var format: Format = .table

    @Option(help: ArgumentHelp(HelpText.reportOut.text(Language.current), valueName: "file"))
    var out: String?

    @Option(help: ArgumentHelp(HelpText.reportUnit.text(Language.current), valueName: "text"))
    var unit: String?

    @Option(help: ArgumentHelp(HelpText.reportPlace.text(Language.current), valueName: "text"))
    var place: String?

    @Flag(help: ArgumentHelp(HelpText.reportAudit.text(Language.current)))
    var audit = false

    func validate() throws {
        if audit, format != .html || global.json { throw ValidationError(Messages.auditNeedsHTML(pastDate: false, Language.current)) }
        if audit, asOf != nil { throw ValidationError(Messages.auditNeedsHTML(pastDate: true, Language.current)) }
        // A workbook is bytes, not text: it goes to a file, or through a pipe.
        if format == .xlsx, !global.json, out == nil, isatty(STDOUT_FILENO) != 0 {
            throw ValidationError(Messages.xlsxNeedsOut(Language.current))
        }
    }

    /// The terminal table, in colour when it goes to a terminal.
    func table(_ report: CoverageReport, _ language: Language) -> String {
        guard out == nil, isatty(STDOUT_FILENO) != 0 else { return Messages.reportTable(report, language) }
        return Messages.reportTable(report, decorate: Console.colour, language)
    }

    func run() throws {
        try Console.run(global) { console in
            let store = try console.openStore(missing: .initGathering)
            let date = asOf
            let language = console.language
            let progress = Progress(console, Messages.reportProgressLabel(language))
            defer { progress.finish() }
            let request = ReportRequest(level: level, province: province, commune: commune, asOf: date)
            let report = try store.report(request)
            let now = Moment(store.environment.now())
            let storeProvince = try store.identity().province
            let official = OfficialUnit.of(report, storeProvince: storeProvince, language)
            let named = unit.map { OfficialUnit(name: $0, place: place ?? official?.place ?? "") }
                ?? official.map { OfficialUnit(name: $0.name, place: place ?? $0.place) }
                ?? place.map { OfficialUnit(name: "", place: $0) }
            let data: Data
            switch global.json ? .json : format {
            case .table:
                data = Data((table(report, language) + "\n").utf8)
            case .csv:
                data = ReportCSV.render(report, language)
            case .json:
                data = Data((Console.json(report) + "\n").utf8)
            case .html:
                let trend = try store.weeklyTrend(request)
                // The audit reads every visit, so it goes with the report only when asked.
                let audit = self.audit ? try store.audit(commune: commune) : nil
                data = Data(ReportHTML.render(report, trend: trend, generatedAt: now, unit: named, audit: audit, language).utf8)
            case .xlsx:
                let provinces = Set(report.rows.compactMap { row in
                    row.code.flatMap { AdminUnits.shared.commune(CommuneRef(code: $0, scheme: .y2025))?.province } }).count
                let levels = ReportXLSX.levels(for: level, provinces: provinces)
                let reports = try store.reports(request, levels: levels).filter { !$0.rows.isEmpty || $0.level == level }
                data = try ReportXLSX.render(reports, unit: named, generatedAt: now, language)
            }
            progress.finish()
            try console.write(data, to: out, safe: format == .table && !global.json) { Messages.reportWritten($0, language) }
        }
    }
}

