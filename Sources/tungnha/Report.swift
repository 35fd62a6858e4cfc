import ArgumentParser
import Foundation
import TungnhaKit

struct Report: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText.report.text(Language.current)) }

    enum Format: String, ExpressibleByArgument { case table, csv, json, html }

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("by"), help: ArgumentHelp(HelpText.reportBy.text(Language.current), valueName: ReportLevel.choices(Language.current)))
    var level: ReportLevel = .commune

    @Option(help: ArgumentHelp(HelpText.reportProvince.text(Language.current), valueName: "code"))
    var province: String?

    @Option(help: ArgumentHelp(HelpText.reportCommune.text(Language.current), valueName: "code"))
    var commune: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp(HelpText.reportAsOf.text(Language.current), valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp(HelpText.reportFormat.text(Language.current), valueName: "table|csv|json|html"))
    var format: Format = .table

    @Option(help: ArgumentHelp(HelpText.reportOut.text(Language.current), valueName: "file"))
    var out: String?

    func run() throws {
        try Console.run(global) { console in
            let store = try console.openStore(missing: .initDistrict)
            var date: LocalDate?
            if let asOf {
                guard let parsed = LocalDate(asOf) else { throw RecordError.invalidDate(text: asOf) }
                date = parsed
            }
            let request = ReportRequest(level: level, province: province, commune: commune, asOf: date)
            let report = try store.report(request)
            let language = console.language
            let format = global.json ? .json : self.format
            let data: Data
            switch format {
            case .table:
                let colour = out == nil && isatty(STDOUT_FILENO) != 0
                data = Data((Messages.reportTable(report, colour: colour, language) + "\n").utf8)
            case .csv:
                data = ReportCSV.render(report, language)
            case .json:
                data = Data((Console.json(report) + "\n").utf8)
            case .html:
                let trend = try store.weeklyTrend(request)
                data = Data(ReportHTML.render(report, trend: trend, generatedAt: Moment(store.environment.now()), language).utf8)
            }
            if let out {
                try data.write(to: URL(fileURLWithPath: out), options: .atomic)
                if !global.json { print(Messages.reportWritten(out, language)) }
            } else {
                FileHandle.standardOutput.write(data)
            }
        }
    }
}

