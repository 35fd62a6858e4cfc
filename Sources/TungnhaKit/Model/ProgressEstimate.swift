/// How far a long command has come, for the line a terminal shows while it works.
public struct ProgressEstimate: Sendable, Equatable {
    /// Work done and in all, in any unit that grows evenly with time (bytes of files, households).
    public var done: Int
    public var total: Int?
    public var seconds: Double

    public init(done: Int, total: Int?, seconds: Double) {
        self.done = done
        self.total = total
        self.seconds = seconds
    }

    /// Seconds still needed at the pace so far; nil before there is a pace to go by, or with no total.
    public var remaining: Double? {
        guard let total, done > 0, seconds > 0, total >= done else { return nil }
        return seconds * Double(total - done) / Double(done)
    }

    /// "0:42", "12:05", "1:02:09".
    public static func clock(_ seconds: Double) -> String {
        let whole = max(0, Int(seconds.rounded(.up)))
        let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
        let tail = (rest < 10 ? "0" : "") + String(rest)
        if hours > 0 { return "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes):" + tail }
        return "\(minutes):" + tail
    }
}

extension Store {
    /// The batch files a merge of these paths reads, in its order: what a progress line counts.
    public func batchFiles(_ paths: [String]) -> [String] { collectFiles(paths).map(\.0) }
}
