import Foundation

// The message catalogue: the levels of 2026 (commune and province, no district): what a machine is, and forwarding
// from a commune's gathering machine to the province's.

extension DeviceIdentity {
    /// What kind of machine, in a few words.
    public func roleName(_ l: Language) -> String {
        let code = commune?.code ?? ""
        switch role {
        case .laptop: return l.pick("máy của tổ, xã \(code)", "a team's laptop, commune \(code)")
        case .communeGathering: return l.pick("máy tổng hợp của xã \(code)", "the gathering machine of commune \(code)")
        case .provinceGathering:
            return province.map { l.pick("máy tổng hợp của tỉnh \($0)", "the gathering machine of province \($0)") }
                ?? l.pick("máy tổng hợp của mọi tỉnh", "a gathering machine for every province")
        }
    }

    public func describe(_ l: Language) -> String {
        let unit = commune.flatMap { AdminUnits.shared.commune($0)?.line(l) } ?? commune?.description ?? ""
        switch role {
        case .laptop:
            return l.pick("máy của tổ \"\(label)\", ", "team laptop \"\(label)\", ") + unit
        case .communeGathering:
            return l.pick("máy tổng hợp của xã \"\(label)\", ", "commune gathering machine \"\(label)\", ") + unit
        case .provinceGathering:
            let text = l.pick("máy tổng hợp của tỉnh \"\(label)\"", "province gathering machine \"\(label)\"")
            if let province, let name = AdminUnits.shared.province(province, scheme: .y2025)?.name {
                return text + l.pick(", chỉ nhận các xã của \(name)", ", accepting only the communes of \(name)")
            }
            return text + l.pick(", nhận tệp của mọi tỉnh", ", accepting every province")
        }
    }

    /// What to do once the machine is set up.
    func nextAfterInit(_ l: Language) -> String {
        switch role {
        case .laptop:
            return l.pick("Tiếp theo, thêm thôn/tổ dân phố của tổ: tungnha village add \"Thôn 1\"", "Next, add the team's village: tungnha village add \"Thôn 1\"")
        case .communeGathering:
            let code = commune?.code ?? "MÃ_XÃ"
            return l.pick(
                "Máy này không ghi hộ: các tổ ghi trên máy của tổ (tungnha init --commune \(code) --device-name \"Laptop tổ 1\") rồi gửi tệp về đây.\nTiếp theo, gộp các tệp nhận được: tungnha merge THƯ_MỤC_TỆP; rồi chuyển chúng lên máy tổng hợp của tỉnh: tungnha forward",
                "This machine records no households: the teams record on their laptops (tungnha init --commune \(code) --device-name \"Laptop tổ 1\") and send their files here.\nNext, merge the files you receive: tungnha merge FOLDER; then pass them on to the province's gathering machine: tungnha forward")
        case .provinceGathering:
            return l.pick(
                "Máy này không ghi hộ. Tiếp theo, gộp các tệp nhận được, từ máy của tổ hoặc từ máy tổng hợp của các xã: tungnha merge THƯ_MỤC_TỆP",
                "This machine records no households. Next, merge the files you receive, from team laptops or from the communes' gathering machines: tungnha merge FOLDER")
        }
    }
}

extension ForwardError {
    public func text(_ l: Language) -> String {
        switch self {
        case .notCommuneGathering(let role):
            if role == .provinceGathering {
                return l.pick(
                    "Máy này là máy tổng hợp của tỉnh, cấp trên cùng: không có nơi nào để chuyển tiếp. Lập báo cáo: tungnha report",
                    "This is a province's gathering machine, the top level: there is nowhere to forward to. Report with: tungnha report")
            }
            return l.pick(
                "Lệnh này chạy trên máy tổng hợp của xã, để chuyển lên tỉnh các tệp nó đã nhận. Máy của tổ gửi ghi nhận của mình bằng: tungnha export. Nếu máy này lẽ ra là máy tổng hợp của xã, tạo kho cho nó: tungnha init --gathering-machine --commune MÃ_XÃ --device-name \"TÊN MÁY\" --db ĐƯỜNG_DẪN_MỚI",
                "This runs on a commune's gathering machine, to pass the files it received on to the province. A team's laptop sends its own events with: tungnha export. If this machine was meant to be the commune's gathering machine, make it a store: tungnha init --gathering-machine --commune CODE --device-name \"DEVICE NAME\" --db NEW_PATH")
        case .nothingNew(let last):
            let again = last.map { l.pick(" Nếu thư mục của lần chuyển \($0) bị thất lạc: tungnha forward --again \($0)", " If the folder of forward \($0) was lost: tungnha forward --again \($0)") } ?? ""
            return l.pick(
                "Không có gì mới để chuyển lên tỉnh: mọi tệp đã nhận và mọi ghi nhận của máy này đã được chuyển. Không ghi tệp nào. Gộp các tệp mới nhận trước: tungnha merge THƯ_MỤC_TỆP.",
                "Nothing new to forward: every file received and every event of this machine has been forwarded. No file was written. Merge newly received files first: tungnha merge FOLDER.") + again
        case .noSuchRun(let number, let last):
            let known = last.map { l.pick(" (lần gần nhất: \($0))", " (latest: \($0))") } ?? l.pick(" (máy chưa chuyển lần nào)", " (none yet)")
            return l.pick("Máy này chưa có lần chuyển \(number)\(known). Xem: tungnha sync status", "This machine has no forward \(number)\(known). See: tungnha sync status")
        case .changedWhileMerging(let file):
            return l.pick(
                "Tệp \(file) đã thay đổi trong lúc đang gộp, nên máy không giữ được đúng bản đã đọc để chuyển lên tỉnh. Tệp này và các tệp gộp cùng đợt với nó chưa được áp dụng. Chờ tệp chép xong rồi gộp lại (tệp đã áp dụng sẽ được bỏ qua): tungnha merge \(file)",
                "The file \(file) changed while it was being merged, so the machine could not keep the very bytes it read for the province. It and the files merged with it were not applied. Wait until the file is fully copied, then merge again (files already applied are skipped): tungnha merge \(file)")
        case .keptFileDamaged(let name):
            return l.pick(
                "Bản giữ trong kho của tệp \(name) không còn khớp mã kiểm tra SHA-256, nên không được chuyển; lần chuyển này không được ghi nhận. Khôi phục kho từ bản sao lưu (tungnha restore TỆP), hoặc nhờ máy đã gửi tệp đó gửi lại (tungnha export --again SỐ_LÔ) rồi gộp vào máy tổng hợp của tỉnh.",
                "The copy of \(name) kept in the store no longer matches its SHA-256 checksum, so it was not forwarded; this forward was not recorded. Restore the store from a backup (tungnha restore FILE), or ask the machine that sent the file to write it again (tungnha export --again NUMBER) and merge it at the province's gathering machine.")
        }
    }
}

extension Messages {
    public static func forwarded(_ result: ForwardResult, _ l: Language) -> String {
        let events = formatNumber(result.files.reduce(0) { $0 + $1.events }, l)
        var lines = [
            result.again
                ? l.pick(
                    "Đã ghi lại lần chuyển \(result.run), giống hệt lần trước, vào \(result.folder): \(result.files.count) tệp đã nhận (\(events) ghi nhận).",
                    "Wrote forward \(result.run) again, identical to the first time, to \(result.folder): \(result.files.count) files received (\(events) events).")
                : l.pick(
                    "Đã chuyển lần \(result.run) vào \(result.folder): \(result.files.count) tệp đã nhận, giữ nguyên từng byte (\(events) ghi nhận).",
                    "Forward \(result.run), to \(result.folder): \(result.files.count) files received, byte for byte as they arrived (\(events) events)."),
        ]
        for file in result.files {
            lines.append("  " + (file.file as NSString).lastPathComponent + " (\(file.deviceLabel), " + l.pick("lô \(file.batch))", "batch \(file.batch))"))
        }
        if let own = result.own {
            lines.append(l.pick(
                "Và lô \(own.batch) của chính máy này: \(formatNumber(own.events, l)) ghi nhận (gộp hộ trùng, xác nhận chỗ sửa khác nhau, huỷ…), vào \((own.file as NSString).lastPathComponent).",
                "And this machine's own batch \(own.batch): \(formatNumber(own.events, l)) events (duplicates merged, conflicts settled, voids…), to \((own.file as NSString).lastPathComponent)."))
        }
        if !result.handovers.isEmpty { lines.append(handoverBatches(result.handovers, l)) }
        if let batch = result.ownNotRewritten {
            lines.append(l.pick(
                "Lô \(batch) của máy này trong lần chuyển đó được ghi dưới mã máy cũ của kho nên không ghi lại được. Nếu tệp đó cũng bị thất lạc, báo cán bộ kỹ thuật.",
                "This machine's batch \(batch) of that forward was written under the store's earlier device id and cannot be written again. If that file was lost too, tell your technical officer."))
        }
        lines.append(l.pick(
            "Gửi cả thư mục \(result.folder) cho máy tổng hợp của tỉnh (USB, Zalo hoặc email); máy đó chạy: tungnha merge \(result.folder)",
            "Send the whole folder \(result.folder) to the province's gathering machine (USB stick, Zalo or email); it runs: tungnha merge \(result.folder)"))
        if !result.again {
            lines.append(l.pick(
                "Nếu thư mục bị thất lạc: tungnha forward --again \(result.run)", "If the folder is lost: tungnha forward --again \(result.run)"))
        }
        return lines.joined(separator: "\n")
    }

    /// The lines of `sync status` on a commune's gathering machine about forwarding to the province.
    static func forwardingLines(_ forwarding: ForwardingStatus, ownEvents: Int, _ l: Language) -> [String] {
        var lines: [String] = []
        if let run = forwarding.lastRun, let at = forwarding.lastRunAt {
            let when = Moment(rfc3339: at)?.display ?? at
            lines.append(l.pick(
                "Lần chuyển lên tỉnh gần nhất: lần \(run), lúc \(when), vào \(forwarding.lastRunFolder ?? "").",
                "Last forward to the province: forward \(run), at \(when), to \(forwarding.lastRunFolder ?? "")."))
        } else {
            lines.append(l.pick("Máy này chưa chuyển lên tỉnh lần nào.", "This machine has not forwarded anything to the province yet."))
        }
        var waiting: [String] = []
        if forwarding.waitingFiles > 0 {
            waiting.append(l.pick(
                "\(forwarding.waitingFiles) tệp đã nhận (\(formatNumber(forwarding.waitingEvents, l)) ghi nhận)",
                "\(forwarding.waitingFiles) files received (\(formatNumber(forwarding.waitingEvents, l)) events)"))
        }
        if ownEvents > 0 { waiting.append(l.pick("\(formatNumber(ownEvents, l)) ghi nhận của máy này", "\(formatNumber(ownEvents, l)) events of this machine")) }
        if waiting.isEmpty, forwarding.lastRun == nil { return lines }
        if !waiting.isEmpty {
            lines.append(l.pick(
                "Chưa chuyển lên tỉnh: \(waiting.joined(separator: " và ")). Chuyển: tungnha forward",
                "Not yet forwarded: \(waiting.joined(separator: " and ")). Forward them: tungnha forward"))
        } else {
            lines.append(l.pick("Mọi tệp đã nhận và mọi ghi nhận của máy này đã được chuyển lên tỉnh.", "Every file received and every event of this machine has been forwarded."))
        }
        return lines
    }
}
