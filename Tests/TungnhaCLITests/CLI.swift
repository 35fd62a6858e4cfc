import Foundation

/// Runs the built `tungnha` binary, as a user would, in a folder of its own.
final class CLI {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let binary: String = {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [folder, folder.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("tungnha").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return folder.appendingPathComponent("tungnha").path
    }()

    let folder: String
    /// Every run gets the next seed, so codes differ between runs but not between test runs.
    var seed: UInt64 = 1
    var now = "2026-11-20T09:00:00+07:00"
    var environment: [String: String] = [:]

    init() {
        folder = NSTemporaryDirectory() + "tungnha-cli-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func path(_ name: String) -> String { folder + "/" + name }

    @discardableResult
    func run(_ arguments: [String], db: String? = "laptop.sqlite", input: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = arguments + (db.map { ["--db", path($0)] } ?? [])
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var variables = ["PATH": "/usr/bin:/bin", "HOME": folder, "LANG": "C.UTF-8", "TUNGNHA_NOW": now, "TUNGNHA_SEED": String(seed)]
        for (key, value) in environment { variables[key] = value }
        process.environment = variables
        seed += 1
        let out = Pipe(), err = Pipe()
        // Never the test runner's own terminal: a command that could ask questions must see input is not a TTY.
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = out
        process.standardError = err
        try process.run()
        stdin.fileHandleForWriting.write(Data((input ?? "").utf8))
        try stdin.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    @discardableResult
    func run(_ arguments: String..., db: String? = "laptop.sqlite") throws -> Output {
        try run(arguments, db: db)
    }

    /// Runs with `--json` and decodes the output.
    func json(_ arguments: String..., db: String? = "laptop.sqlite") throws -> Any {
        let output = try run(arguments + ["--json"], db: db)
        return try JSONSerialization.jsonObject(with: Data(output.stdout.utf8), options: [.fragmentsAllowed])
    }
}

extension CLI {
    /// Enrolls the machine of store `from` in store `into`, as an officer does: `enroll show --out` on one, `enroll add
    /// --fingerprint` with the code it showed on the other.
    /// `forwardsTo`: `into` is a commune's gathering machine, and `from` the province's machine it forwards to.
    func enroll(_ from: String, into: String, forwardsTo: Bool = false) throws {
        let file = path("enroll-\(from)-\(UUID().uuidString.prefix(6)).tungnha")
        let shown = try json("enroll", "show", "--out", file, db: from) as! [String: Any]
        let added = try run(["enroll", "add", file, "--fingerprint", shown["fingerprint"] as! String] + (forwardsTo ? ["--forwards-to"] : []), db: into)
        precondition(added.status == 0, added.stderr)
    }

    /// A laptop and a district machine enroll each other.
    func enrollEachOther(laptop: String, district: String) throws {
        try enroll(laptop, into: district)
        try enroll(district, into: laptop)
    }
}
