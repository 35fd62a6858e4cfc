// The message catalogue: the progress line a long command shows on a terminal.

extension Messages {
    public static func mergeProgressLabel(_ l: Language) -> String { l.pick("Đang gộp", "Merging") }
    public static func exportProgressLabel(_ l: Language) -> String { l.pick("Đang xuất lô", "Exporting") }
    public static func reportProgressLabel(_ l: Language) -> String { l.pick("Đang lập báo cáo", "Making the report") }
    public static func importProgressLabel(_ l: Language) -> String { l.pick("Đang ghi hộ từ sổ hộ", "Registering households from the list") }

    /// "Đang gộp · tệp 3/10 · 12.345 ghi nhận · 0:08 · còn khoảng 0:42".
    public static func progressLine(
        _ label: String, files: (done: Int, total: Int)? = nil, items: (count: Int, total: Int?)? = nil, itemWord: String? = nil,
        estimate: ProgressEstimate, _ l: Language
    ) -> String {
        var parts = [label]
        if let files { parts.append(l.pick("tệp \(files.done)/\(files.total)", "file \(files.done)/\(files.total)")) }
        if let items {
            let word = itemWord ?? l.pick("ghi nhận", "events")
            parts.append(formatNumber(items.count, l) + (items.total.map { "/" + formatNumber($0, l) } ?? "") + " " + word)
        }
        parts.append(ProgressEstimate.clock(estimate.seconds))
        if let remaining = estimate.remaining { parts.append(l.pick("còn khoảng ", "about ") + ProgressEstimate.clock(remaining) + l.pick("", " left")) }
        return parts.joined(separator: " · ")
    }

    public static func householdsWord(_ l: Language) -> String { l.pick("hộ", "households") }
}
