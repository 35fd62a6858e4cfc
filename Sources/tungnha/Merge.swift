import ArgumentParser
import Foundation
import TungnhaKit

struct Merge: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText.merge.text(Language.current)) }

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp(HelpText.mergePaths.text(Language.current), valueName: "path"))
    var paths: [String]

    /// A mistyped path is a typo, not a damaged batch: refuse it before the library would quarantine anything.
    func validate() throws {
        for path in paths where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError(EntryError.fileMissing(path: path).text(Language.current))
        }
    }

    func run() throws {
        try Console.run(global) { console in
            let store = try console.openStore(missing: .initGathering)
            let l = console.language
            // Files and their sizes up front: the time left goes by bytes read, the fairest measure of work.
            let files = store.batchFiles(paths)
            let sizes = files.map { (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) ?? 0 }
            let totalBytes = sizes.reduce(0, +)
            let progress = Progress(console, Messages.mergeProgressLabel(l))
            defer { progress.finish() }
            var (done, bytes, events) = (0, 0, 0)
            let outcome = try store.merge(paths, language: l) { file in
                if done < sizes.count { bytes += sizes[done] }
                done += 1
                events += file.events
                let (filesDone, eventsSoFar) = (done, events)
                progress.update(done: bytes, total: totalBytes) { estimate in
                    Messages.progressLine(Messages.mergeProgressLabel(l), files: (filesDone, files.count), items: (eventsSoFar, nil), estimate: estimate, l)
                }
                if !console.options.json { progress.above { print(TerminalText.safe(Messages.mergeProgress(file, l))) } }
            }
            progress.finish()
            console.emit(outcome) { l in Messages.mergeSummary(outcome, l) }
            // Two machines under one device id: nothing is lost, but someone must act.
            if let alarm = Messages.forkAlarm(outcome, role: try store.identity().role, l) {
                Console.stderr(alarm)
                throw ExitCode(3)
            }
            // Some files were refused: the others were applied, but the caller must know.
            if outcome.refused > 0 { throw ExitCode(2) }
        }
    }
}
