import Foundation
import Glibc

/// The built `tungnha` on a real pseudo-terminal, as a volunteer's terminal window runs it: stdin and stdout are
/// a TTY (so guided entry asks), typed lines are echoed, and Ctrl-C is the terminal's own interrupt character
/// (`setsid --ctty --wait` makes the terminal the process's controlling one, so the line discipline sends SIGINT,
/// and waits for it, so that its exit status is the one seen here).
final class PseudoTerminal {
    private let master: Int32
    private let process = Process()
    private var output: [UInt8] = []
    /// Characters of `screen` already matched by `waitFor`.
    private var seen = 0

    /// Everything the program wrote (with the terminal's echo of what was typed); the terminal's "\r\n" as "\n".
    var screen: String { String(decoding: output, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n") }

    init(_ arguments: [String], cli: CLI, db: String = "laptop.sqlite") throws {
        var master: Int32 = 0, slave: Int32 = 0
        guard openpty(&master, &slave, nil, nil, nil) == 0 else { throw POSIXError(.ENXIO) }
        self.master = master
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        process.arguments = ["--ctty", "--wait", CLI.binary] + arguments + ["--db", cli.path(db)]
        process.currentDirectoryURL = URL(fileURLWithPath: cli.folder)
        var variables = ["PATH": "/usr/bin:/bin", "HOME": cli.folder, "LANG": "C.UTF-8", "TUNGNHA_NOW": cli.now, "TUNGNHA_SEED": String(cli.seed)]
        for (key, value) in cli.environment { variables[key] = value }
        process.environment = variables
        cli.seed += 1
        let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardInput = terminal
        process.standardOutput = terminal
        process.standardError = terminal
        try process.run()
        close(slave)
    }

    deinit {
        if process.isRunning { process.terminate() }
        close(master)
    }

    /// Reads until `text` appears after what was already waited for; fails after a few seconds.
    func waitFor(_ text: String, timeout: TimeInterval = 10) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let screen = self.screen
            let start = screen.index(screen.startIndex, offsetBy: seen)
            if let range = screen.range(of: text, range: start..<screen.endIndex) {
                seen = screen.distance(from: screen.startIndex, to: range.upperBound)
                return
            }
            guard Date() < deadline, readSome() else { throw Timeout(expected: text, screen: screen) }
        }
    }

    /// Answers the question on the screen: the text and Enter.
    func type(_ line: String) {
        let bytes = Array((line + "\r").utf8)
        _ = bytes.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
    }

    /// Ctrl-C, as typed on the keyboard.
    func interrupt() {
        var character: UInt8 = 0x03
        _ = write(master, &character, 1)
    }

    /// Waits for the program to end (reading what it still writes); its exit status.
    func exitStatus() throws -> Int32 {
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { _ = readSome(wait: 100) }
        guard !process.isRunning else { throw Timeout(expected: "exit", screen: screen) }
        while readSome(wait: 50), process.isRunning == false, drained == false {}
        return process.terminationStatus
    }

    /// Whether the last read found nothing left to read.
    private var drained = false

    /// Reads what is there; false when nothing more can come (the program ended and all it wrote was read).
    private func readSome(wait milliseconds: Int32 = 200) -> Bool {
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, milliseconds) > 0 else {
            drained = true
            return process.isRunning
        }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        drained = count <= 0
        guard count > 0 else { return false }
        output += buffer[0..<count]
        return true
    }

    struct Timeout: Error, CustomStringConvertible {
        var expected: String
        var screen: String
        var description: String { "waited for \"\(expected)\"; the screen so far:\n\(screen)" }
    }
}
