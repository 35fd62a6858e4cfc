import Foundation

/// Where a merge spends its time, printed to stderr when `TUNGNHA_TRACE` is set (for bench/ only).
enum Trace {
    nonisolated(unsafe) static var totals: [String: Double] = [:]
    nonisolated(unsafe) static var counts: [String: Int] = [:]
    static let enabled = ProcessInfo.processInfo.environment["TUNGNHA_TRACE"] != nil

    @inline(__always)
    static func time<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        guard enabled else { return try body() }
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            totals[name, default: 0] += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            counts[name, default: 0] += 1
        }
        return try body()
    }

    static func report() {
        guard enabled else { return }
        let lines = totals.sorted { $0.value > $1.value }.map { "\($0.key): \(Int($0.value)) ms, \(counts[$0.key] ?? 0) times" }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
