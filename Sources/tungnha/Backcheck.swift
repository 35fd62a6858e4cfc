import ArgumentParser
import Foundation
import TungnhaKit

struct Backcheck: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: AuditHelp.backcheck.text(Language.current), subcommands: [Draw.self])
    }

    struct Draw: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: AuditHelp.draw.text(Language.current)) }

        enum Format: String, ExpressibleByArgument { case table, csv, json }

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp(AuditHelp.seed.text(Language.current), valueName: "number"))
        var seed: UInt64?

        @Option(help: ArgumentHelp(AuditHelp.rate.text(Language.current), valueName: "percent"))
        var rate: String?

        @Option(help: ArgumentHelp(AuditHelp.commune.text(Language.current), valueName: "code"))
        var commune: String?

        @Option(help: ArgumentHelp(AuditHelp.rules.text(Language.current), valueName: "file"))
        var rules: String?

        @Option(help: ArgumentHelp(AuditHelp.drawFormat.text(Language.current), valueName: "table|csv|json"))
        var format: Format = .table

        @Option(help: ArgumentHelp(AuditHelp.out.text(Language.current), valueName: "file"))
        var out: String?

        /// "10%", "10" or "10,5%": a share of 1 to 100 percent.
        var share: Double? {
            guard let rate else { return nil }
            let text = rate.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: "").replacingOccurrences(of: ",", with: ".")
            guard let percent = Double(text), (1...100).contains(percent) else { return nil }
            return percent / 100
        }

        func validate() throws {
            if rate != nil, share == nil { throw ValidationError(AuditError.rateOutOfRange(text: rate!).text(Language.current)) }
            if seed == 0 { throw ValidationError(Messages.seedNotPositive(Language.current)) }
        }

        func run() throws {
            try Console.run(global) { console in
                let store = try console.openStore(missing: .initGathering)
                var rules = try self.rules.map(AuditRules.read(file:)) ?? AuditRules()
                if let share { rules.backcheckRate = share }
                var system = SystemRandomNumberGenerator()
                let draw = try store.drawBackchecks(seed: seed ?? UInt64.random(in: 1...999_999, using: &system), rules: rules, commune: commune)
                let l = console.language
                let data: Data
                switch global.json ? .json : format {
                case .table: data = Data((Messages.backcheckDraw(draw, l) + "\n").utf8)
                case .json: data = Data((Console.json(draw) + "\n").utf8)
                case .csv: data = Messages.backcheckCSV(draw, l)
                }
                try console.write(data, to: out) { Messages.reportWritten($0, l) }
            }
        }
    }
}
