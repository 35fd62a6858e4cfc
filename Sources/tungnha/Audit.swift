import ArgumentParser
import Foundation
import TungnhaKit

struct AuditCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "audit", abstract: AuditHelp.audit.text(Language.current)) }

    enum Format: String, ExpressibleByArgument { case table, csv, json }

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp(AuditHelp.rules.text(Language.current), valueName: "file"))
    var rules: String?

    @Option(help: ArgumentHelp(AuditHelp.commune.text(Language.current), valueName: "code"))
    var commune: String?

    @Option(help: ArgumentHelp(AuditHelp.format.text(Language.current), valueName: "table|csv|json"))
    var format: Format = .table

    @Option(help: ArgumentHelp(AuditHelp.out.text(Language.current), valueName: "file"))
    var out: String?

    @Flag(help: ArgumentHelp(AuditHelp.all.text(Language.current)))
    var all = false

    func run() throws {
        try Console.run(global) { console in
            let store = try console.openStore(missing: .initGathering)
            let l = console.language
            let rules = try self.rules.map(AuditRules.read(file:)) ?? AuditRules()
            let progress = Progress(console, Messages.auditProgressLabel(l))
            let report = try store.audit(rules: rules, commune: commune)
            progress.finish()
            let data: Data
            switch global.json ? .json : format {
            case .table: data = Data((Messages.auditText(report, limit: all || out != nil ? nil : 30, l) + "\n").utf8)
            case .json: data = Data((Console.json(report.worded(l)) + "\n").utf8)
            case .csv: data = Messages.auditCSV(report, l)
            }
            try console.write(data, to: out) { Messages.reportWritten($0, l) }
        }
    }
}

struct ReviewCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "review", abstract: AuditHelp.review.text(Language.current)) }

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp(AuditHelp.reviewFlag.text(Language.current), valueName: "flag"))
    var flag: String

    @Option(help: ArgumentHelp(AuditHelp.reviewNote.text(Language.current), valueName: "text"))
    var note: String

    @Option(help: ArgumentHelp(AuditHelp.rules.text(Language.current), valueName: "file"))
    var rules: String?

    func run() throws {
        try Console.run(global) { console in
            let store = try console.openStore(missing: .initGathering)
            let rules = try self.rules.map(AuditRules.read(file:)) ?? AuditRules()
            let reviewed = try store.review(flag: flag, note: note, rules: rules)
            console.emit(reviewed.worded(rules, console.language)) { l in Messages.reviewRecorded(reviewed, l) }
        }
    }
}
