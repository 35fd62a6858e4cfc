import Foundation
import Synchronization
import TungnhaKit

/// The line a long command keeps up to date on a terminal: on stderr, only when stderr is a terminal and
/// there is no --json, and only once the command has run for a second. Lines printed meanwhile go above it.
final class Progress: Sendable {
    private struct State {
        var line: @Sendable (ProgressEstimate) -> String = { _ in "" }
        var done = 0
        var total: Int?
        var shown = false
        var finished = false
        /// Set while a line of output is printed above: the clock must not draw in between.
        var paused = false
        var lastDraw = 0.0
    }

    private let enabled: Bool
    private let start = Date()
    private let state = Mutex(State())

    /// Starts with the label and the time spent, redrawn by a clock until `finish`, so that work reporting
    /// nothing as it goes (an export, a report, one large file) still shows it is alive.
    init(_ console: Console, _ label: String) {
        enabled = !console.options.json && isatty(STDERR_FILENO) != 0
        let language = console.language
        state.withLock { $0.line = { estimate in Messages.progressLine(label, estimate: estimate, language) } }
        guard enabled else { return }
        let thread = Thread { [self] in
            while !self.state.withLock({ $0.finished }) {
                Thread.sleep(forTimeInterval: 0.25)
                self.draw(force: false)
            }
        }
        thread.start()
    }

    /// Sets how the line reads from the work done so far (`done` of `total`).
    func update(done: Int, total: Int?, line: @escaping @Sendable (ProgressEstimate) -> String) {
        state.withLock { state in
            state.done = done
            state.total = total
            state.line = line
        }
        draw(force: false)
    }

    /// Households and the like: "label · 120/3.000 hộ · 0:04 · còn khoảng 1:36".
    func count(_ done: Int, of total: Int, label: String, word: String, _ l: Language) {
        update(done: done, total: total) { estimate in
            Messages.progressLine(label, items: (done, total), itemWord: word, estimate: estimate, l)
        }
    }

    /// Prints a line of output without tearing the progress line.
    func above(_ print: () -> Void) {
        let shown = state.withLock { state in
            state.paused = true
            return state.shown
        }
        if shown { clear() }
        print()
        fflush(nil)
        state.withLock { $0.paused = false }
        if shown { draw(force: true) }
    }

    func finish() {
        let shown = state.withLock { state in
            state.finished = true
            return state.shown
        }
        if shown { clear() }
    }

    private func clear() { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }

    private func draw(force: Bool) {
        guard enabled else { return }
        let seconds = Date().timeIntervalSince(start)
        let text: String? = state.withLock { state in
            guard !state.finished, !state.paused, seconds >= 1, force || seconds - state.lastDraw >= 0.2 else { return nil }
            state.lastDraw = seconds
            state.shown = true
            return state.line(ProgressEstimate(done: state.done, total: state.total, seconds: seconds))
        }
        guard let text else { return }
        // File names can carry escape sequences: nothing but printable text reaches the terminal.
        let safe = String(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) }.map(Character.init))
        FileHandle.standardError.write(Data(("\r" + safe + "\u{1B}[K").utf8))
    }
}
