// The message catalogue: where the data of this machine lives (`tungnha where`).


/// Where the data of this machine lives, and how that was chosen.
public struct DataLocation: Sendable, Codable, Equatable {
    public enum Source: String, Sendable, Codable { case flag, environment, xdg, home }

    public var store: String
    public var source: Source
    public var storeExists: Bool
    public var exports: String
    public var quarantine: String
    /// Whether the store is the file it was bound to (nil when there is no store).
    public var binding: BindingStatus? = nil
    /// On a commune's gathering machine: where `tungnha forward` writes.
    public var forwards: String? = nil

    public init(store: String, source: Source, storeExists: Bool, exports: String, quarantine: String) {
        self.store = store
        self.source = source
        self.storeExists = storeExists
        self.exports = exports
        self.quarantine = quarantine
    }

    /// Follows `Store.location`: `--db`, else `TUNGNHA_DB`, else `$XDG_DATA_HOME`, else the home folder.
    public static func source(flag: String?, environment: [String: String]) -> Source {
        if let flag, !flag.isEmpty { return .flag }
        if let path = environment["TUNGNHA_DB"], !path.isEmpty { return .environment }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return .xdg }
        return .home
    }
}

extension Messages {
    public static func dataLocation(_ location: DataLocation, _ l: Language) -> String {
        let how: String
        switch location.source {
        case .flag: how = l.pick("chọn bằng --db", "chosen with --db")
        case .environment: how = l.pick("chọn bằng biến môi trường TUNGNHA_DB", "chosen by the environment variable TUNGNHA_DB")
        case .xdg: how = l.pick("mặc định, trong $XDG_DATA_HOME", "the default, under $XDG_DATA_HOME")
        case .home: how = l.pick("mặc định, trong thư mục ẩn .local của thư mục nhà", "the default, in the hidden folder .local of the home folder")
        }
        let state = location.storeExists
            ? location.binding.flatMap { bindingLine($0, l) }.map { "\n" + $0 } ?? ""
            : l.pick("\n  (chưa có: tạo bằng tungnha init)", "\n  (not there yet: create it with tungnha init)")
        var lines = [
            l.pick("Kho dữ liệu (một tệp SQLite; sao lưu: tungnha backup TỆP): ", "Store (one SQLite file; back it up with tungnha backup FILE): "),
            "  " + location.store + "  (" + how + ")" + state,
            l.pick("Tệp đồng bộ xuất ra (tungnha export, mặc định trong thư mục đang đứng):", "Batch files written by tungnha export (by default in the current folder):"),
            "  " + location.exports,
            l.pick("Tệp bị từ chối khi gộp (quarantine, cạnh kho):", "Files refused by a merge (quarantine, beside the store):"),
            "  " + location.quarantine,
        ]
        if let forwards = location.forwards {
            lines.append(l.pick(
                "Tệp chuyển lên tỉnh (tungnha forward, mặc định trong thư mục đang đứng):", "Files forwarded to the province (tungnha forward, by default in the current folder):"))
            lines.append("  " + forwards)
        }
        lines.append(l.pick("Dùng kho khác: thêm --db ĐƯỜNG_DẪN, hoặc đặt TUNGNHA_DB.", "Another store: add --db PATH, or set TUNGNHA_DB."))
        return lines.joined(separator: "\n")
    }
}
