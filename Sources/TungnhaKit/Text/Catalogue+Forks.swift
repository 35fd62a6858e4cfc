import Foundation

// The message catalogue: two machines under one device id, found by a merge, shown by sync status, mended by reissue.

extension Messages {
    /// A clash line of a merge, for a fork.
    static func forkClash(_ clash: FileOutcome.Clash, _ l: Language) -> String {
        let other = clash.otherFile.map { l.pick("từ tệp ", "from ") + ($0 as NSString).lastPathComponent } ?? l.pick("ghi trên máy này", "recorded on this machine")
        return l.pick(
            "! dòng \(clash.line): số thứ tự \(clash.seq ?? 0) của máy \(device(clash.forkOf ?? "")) đã có một ghi nhận khác (\(other)): giữ riêng, chưa áp dụng.",
            "! line \(clash.line): sequence number \(clash.seq ?? 0) of device \(device(clash.forkOf ?? "")) already holds another event (\(other)): kept aside, not applied.")
    }

    /// Said loudly after a merge that found forks: what happened and what to do, on a gathering machine or on a laptop.
    public static func forkAlarm(_ outcome: MergeOutcome, role: DeviceIdentity.Role, _ l: Language) -> String? {
        var lines: [String] = []
        for file in outcome.files {
            var byDevice: [String: [Int64]] = [:]
            for clash in file.clashes { if let device = clash.forkOf, let seq = clash.seq { byDevice[device, default: []].append(seq) } }
            let name = (file.file as NSString).lastPathComponent
            for (id, seqs) in byDevice.sorted(by: { $0.key < $1.key }) {
                let who = (file.device == id ? file.deviceLabel.map { "\"\($0)\" " } : nil) ?? ""
                if role != .laptop {
                    lines.append(l.pick(
                        "!!! HAI MÁY ĐANG GHI CHUNG MỘT MÃ MÁY: máy \(who)(\(device(id))). Tệp \(name) có \(seqs.count) ghi nhận mang số thứ tự \(seqs.sorted().ranges) mà máy tổng hợp đã nhận với nội dung khác. Các ghi nhận này được giữ riêng, chưa tính vào báo cáo; không mất gì. Có lẽ kho của máy đó đã bị chép hoặc khôi phục sang máy khác.\nCách xử lý: (1) xuất tệp của xã cho máy đó: tungnha export --commune \(file.commune ?? "MÃ_XÃ"); (2) trên máy đã ghi tệp \(name): tungnha merge TỆP_ĐÓ, rồi tungnha sync reissue (máy lấy mã mới và gửi lại các ghi nhận đó, giữ nguyên mã hộ); (3) gộp lô mới máy đó gửi về. Theo dõi: tungnha sync status",
                        "!!! TWO MACHINES ARE WRITING UNDER ONE DEVICE ID: device \(who)(\(device(id))). The file \(name) has \(seqs.count) events numbered \(seqs.sorted().ranges) that this machine already holds with other content. They are kept aside and not counted yet; nothing is lost. The device's store was probably copied or restored onto another machine.\nWhat to do: (1) write the commune's file for that laptop: tungnha export --commune \(file.commune ?? "CODE"); (2) on the laptop that wrote \(name): tungnha merge THAT_FILE, then tungnha sync reissue (it takes a new id and re-sends those events, household codes unchanged); (3) merge the new batch it sends. Follow it with: tungnha sync status"))
                } else {
                    lines.append(l.pick(
                        "!!! Máy tổng hợp đang giữ ghi nhận khác dưới số thứ tự \(seqs.sorted().ranges) của mã máy \(device(id)) mà máy này dùng: một máy khác đã ghi chung mã máy với máy này (kho bị chép). Các ghi nhận đó của máy này chưa đến máy tổng hợp. Chạy ngay: tungnha sync reissue (máy lấy mã mới và gửi lại chúng, giữ nguyên mã hộ), rồi tungnha export và gửi tệp về máy tổng hợp.",
                        "!!! The gathering machine holds other events under numbers \(seqs.sorted().ranges) of device id \(device(id)), which this laptop uses: another machine wrote under this laptop's id (a copied store). This laptop's events with those numbers have not reached the gathering machine. Run now: tungnha sync reissue (it takes a new id and re-sends them, household codes unchanged), then tungnha export and send the file to the gathering machine."))
                }
            }
        }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    /// Lines of `sync status` about forks, devices that continue others, and batches of earlier ids waiting.
    static func copyLines(_ status: SyncStatus, _ l: Language) -> (attention: [String], notes: [String]) {
        var attention: [String] = []
        var notes: [String] = []
        for fork in status.forks {
            let who = (fork.label.map { "\($0) " } ?? "") + "(\(device(fork.device)))"
            let file = fork.file.map { ($0 as NSString).lastPathComponent } ?? l.pick("một tệp", "a file")
            if fork.reissued == fork.seqs.count, let by = fork.reissuedBy {
                notes.append(l.pick(
                    "Đã xử lý: \(who), số thứ tự \(fork.seqs.ranges) — các ghi nhận giữ riêng từ \(file) đã về lại dưới mã máy mới \(device(by)).",
                    "Settled: \(who), numbers \(fork.seqs.ranges) — the events kept aside from \(file) arrived again under the new device id \(device(by))."))
            } else if status.role == .laptop {
                attention.append(l.pick(
                    "Máy tổng hợp giữ ghi nhận khác dưới số thứ tự \(fork.seqs.ranges) của mã máy \(device(fork.device)) (hai máy ghi chung một mã máy). Chạy: tungnha sync reissue, rồi tungnha export.",
                    "The gathering machine holds other events under numbers \(fork.seqs.ranges) of device id \(device(fork.device)) (two machines under one id). Run: tungnha sync reissue, then tungnha export."))
            } else {
                attention.append(l.pick(
                    "HAI MÁY GHI CHUNG MỘT MÃ MÁY: \(who), số thứ tự \(fork.seqs.ranges). Các ghi nhận từ \(file) được giữ riêng, chưa tính. Trên máy đã ghi tệp đó: tungnha merge (tệp của xã từ máy tổng hợp) rồi tungnha sync reissue.",
                    "TWO MACHINES UNDER ONE DEVICE ID: \(who), numbers \(fork.seqs.ranges). The events from \(file) are kept aside, not counted. On the laptop that wrote that file: tungnha merge (the commune's file from this machine), then tungnha sync reissue."))
            }
        }
        for succession in status.successions {
            let who = (succession.label.map { "\($0) " } ?? "") + "(\(device(succession.device)))"
            let day = Moment(rfc3339: succession.at)?.vietnamDate.vietnamese ?? succession.at
            notes.append(l.pick(
                "\(who) tiếp nối mã máy \(device(succession.source)) từ \(day) (\(succession.how.text(l))).",
                "\(who) continues device id \(device(succession.source)) since \(day) (\(succession.how.text(l)))."))
        }
        if status.handoverWaiting > 0 {
            attention.append(l.pick(
                "Còn \(formatNumber(status.handoverWaiting, l)) ghi nhận của mã máy cũ của máy này chờ gửi: tungnha export",
                "\(formatNumber(status.handoverWaiting, l)) events of this machine's earlier device id wait to be sent: tungnha export"))
        }
        return (attention, notes)
    }

    /// Clashes that are not forks: the same id with other content.
    static func plainClashes(_ status: SyncStatus) -> Int { status.clashes - status.forks.reduce(0) { $0 + $1.seqs.count } }

    public static func reissued(_ result: ReissueResult, _ l: Language) -> String {
        var lines: [String] = []
        if let change = result.identity {
            lines.append(l.pick(
                "Máy này đã lấy mã máy mới \(device(change.device)), tiếp nối mã cũ \(device(change.previous)), vì một máy khác cũng ghi dưới mã cũ.",
                "This laptop took the new device id \(device(change.device)), continuing \(device(change.previous)), as another machine also writes under the old one."))
        }
        let from = result.moved.map(\.fromSeq).sorted().ranges
        let to = result.moved.map(\.seq).sorted().ranges
        let households = Set(result.moved.compactMap(\.household)).count
        lines.append(l.pick(
            "Đã chuyển \(result.moved.count) ghi nhận của máy này mà máy tổng hợp chưa có sang mã \(device(result.device)) (số thứ tự \(from) → \(to)), giữ nguyên nội dung và mã hộ (\(households) hộ).",
            "Moved \(result.moved.count) events of this laptop that the gathering machine lacks to device id \(device(result.device)) (numbers \(from) → \(to)), content and household codes unchanged (\(households) households)."))
        if result.applied > 0 {
            lines.append(l.pick(
                "\(result.applied) ghi nhận của máy tổng hợp ở các số thứ tự đó nay được áp dụng trên máy này.",
                "\(result.applied) events of the gathering machine under those numbers now apply on this laptop."))
        }
        lines.append(l.pick("Tiếp theo: tungnha export rồi gửi tệp về máy tổng hợp.", "Next: tungnha export, and send the file to the gathering machine."))
        return lines.joined(separator: "\n")
    }
}
