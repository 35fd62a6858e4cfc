import ArgumentParser
import TungnhaKit

struct Export: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText.export.text(Language.current)) }

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp(HelpText.exportOut.text(Language.current), valueName: "folder"))
    var out = "exports"

    @Option(help: ArgumentHelp(HelpText.exportAgain.text(Language.current), valueName: "n"))
    var again: Int?

    @Option(help: ArgumentHelp(HelpText.exportCommune.text(Language.current), valueName: "code"))
    var commune: String?

    @Option(help: ArgumentHelp(HelpText.scheme.text(Language.current), valueName: Scheme.choices(Language.current)))
    var scheme: Scheme = .y2025

    func run() throws {
        try Console.run(global) { console in
            let store = try console.openStore()
            let progress = Progress(console, Messages.exportProgressLabel(console.language))
            defer { progress.finish() }
            // Events of an earlier device id of this store go first, as that id's batch; a commune's gathering
            // machine sends its own with `forward`, to the province, not with the file for its laptops.
            let laptop = try store.identity().role == .laptop
            let handovers = again == nil && laptop ? try store.exportHandovers(to: out) : []
            var result: ExportResult
            do {
                result = try again.map { try store.exportAgain($0, to: out) } ?? store.export(to: out, commune: commune, scheme: scheme)
            } catch ExportError.nothingNew where !handovers.isEmpty {
                progress.finish()
                console.emit(handovers) { l in Messages.handoverBatches(handovers, l) }
                return
            }
            result.handovers = handovers.isEmpty ? nil : handovers
            progress.finish()
            console.emit(result) { l in Messages.exported(result, l) }
        }
    }
}
