// The message catalogue: backups, restores, copied stores, and two machines under one device id.

public enum CopyHelp: Sendable {
    case backup, backupFile, restore, restoreFile, restoreReplace, reissue, whereMoved

    public func text(_ l: Language) -> String {
        switch self {
        case .backup:
            return l.pick(
                "Sao lưu kho vào một tệp (an toàn cả khi một lệnh khác đang chạy). Khôi phục bằng tungnha restore.",
                "Back the store up into one file (safe while another command runs). Restore it with tungnha restore.")
        case .backupFile: return l.pick("Tệp sao lưu sẽ tạo, ví dụ /media/usb/tungnha-2026-11-20.sqlite.", "The backup file to write, such as /media/usb/tungnha-2026-11-20.sqlite.")
        case .restore:
            return l.pick(
                "Khôi phục kho từ tệp sao lưu (máy hỏng, máy mới). Kho khôi phục dùng mã máy mới, tiếp nối mã cũ.",
                "Restore the store from a backup (a broken or new laptop). The restored store takes a new device id, continuing the old.")
        case .restoreFile: return l.pick("Tệp sao lưu do tungnha backup tạo.", "A backup written by tungnha backup.")
        case .restoreReplace:
            return l.pick(
                "Thay kho đang có ở chỗ này; kho đó được để riêng bên cạnh (.before-restore-…), không bị xoá.",
                "Replace the store that is there; it is put aside beside it (.before-restore-…), never deleted.")
        case .reissue:
            return l.pick(
                "Trên máy của tổ: khi máy tổng hợp báo hai máy ghi chung một mã máy, lấy mã mới và gửi lại các ghi nhận máy tổng hợp chưa có.",
                "On a laptop: when the gathering machine reports two machines under one device id, take a new id and re-send what it lacks.")
        case .whereMoved:
            return l.pick(
                "Kho đã được chuyển (không phải chép) sang chỗ này và bản cũ không còn dùng: giữ mã máy.",
                "The store was moved here (not copied) and the old file is no longer used: keep its device id.")
        }
    }
}

extension CopyError {
    public func text(_ l: Language) -> String {
        switch self {
        case .isBackup(let path):
            return l.pick(
                "\(path) là một tệp sao lưu, không dùng trực tiếp được (để hai máy không ghi chung một mã máy). Khôi phục nó thành kho: tungnha restore \(path)",
                "\(path) is a backup and is not used as it is (so that two machines never write under one device id). Restore it into a store: tungnha restore \(path)")
        case .notMoved(let path):
            return l.pick(
                "Kho \(path) vẫn ở đúng chỗ của nó; không có gì thay đổi. Xem: tungnha where",
                "The store \(path) is where it was; nothing was changed. See: tungnha where")
        case .backupExists(let path):
            return l.pick(
                "Đã có tệp \(path); không ghi đè. Chọn tên khác, ví dụ thêm ngày: tungnha backup tungnha-NGÀY.sqlite",
                "\(path) exists already and is not overwritten. Choose another name, such as one with the date: tungnha backup tungnha-DATE.sqlite")
        case .backupOfItself(let path):
            return l.pick("Không sao lưu kho vào chính nó (\(path)). Chọn một tệp khác, tốt nhất trên USB.", "A store cannot be backed up into itself (\(path)). Choose another file, best on a USB stick.")
        case .restoreOver(let path):
            return l.pick(
                "Đã có kho ở \(path); không ghi đè. Khôi phục vào chỗ khác bằng --db ĐƯỜNG_DẪN, hoặc thêm --replace (kho đang có được để riêng bên cạnh, không bị xoá).",
                "There is a store at \(path) already; it is not overwritten. Restore elsewhere with --db PATH, or add --replace (the store there is put aside beside it, never deleted).")
        case .notAStoreFile(let path):
            return l.pick(
                "\(path) không phải tệp sao lưu hay kho của tungnha. Kiểm tra tên tệp (tệp do tungnha backup tạo).",
                "\(path) is not a tungnha backup or store. Check the file name (a file written by tungnha backup).")
        case .nothingToReissue:
            return l.pick(
                "Không có ghi nhận nào của máy này bị máy tổng hợp giữ riêng. Nếu máy tổng hợp báo hai máy ghi chung mã máy, xin máy tổng hợp tệp của xã (tungnha export --commune MÃ_XÃ), chạy tungnha merge TỆP rồi chạy lại lệnh này.",
                "No record of this laptop is kept aside by the gathering machine. If the gathering machine reports two machines under one device id, get the commune's file from it (tungnha export --commune CODE), run tungnha merge FILE, then run this again.")
        case .reissueOnLaptopOnly:
            return l.pick(
                "Lệnh này chạy trên máy của tổ đã ghi các ghi nhận bị giữ riêng, không trên máy tổng hợp. Xem máy nào: tungnha sync status",
                "This runs on the laptop whose records were kept aside, not on the gathering machine. See which: tungnha sync status")
        }
    }
}

extension DeviceCopy.How: Localized {
    public func text(_ l: Language) -> String {
        switch self {
        case .restore: return l.pick("khôi phục từ bản sao lưu", "restored from a backup")
        case .copy: return l.pick("kho được chép bằng tay", "a store copied by hand")
        case .fork: return l.pick("sau khi hai máy ghi chung một mã máy", "after two machines wrote under one id")
        }
    }
}

extension Messages {
    static func device(_ id: String) -> String { String(id.prefix(8)) }

    /// Said before a command runs on a store found to be a copy.
    public static func copyFound(_ change: IdentityChange, _ l: Language) -> String {
        let was = change.was.map { l.pick(" (trước ở \($0)", " (it was at \($0)") + (change.otherMachine ? l.pick(", trên máy khác)", ", on another machine)") : ")") } ?? ""
        return l.pick(
            "Chú ý: kho dữ liệu này là một bản chép\(was). Để hai máy không ghi chung một mã máy, từ nay kho này ghi với mã máy mới \(device(change.device)), tiếp nối mã cũ \(device(change.previous)); máy tổng hợp sẽ biết khi nhận lô tới. Không mất ghi nhận nào",
            "Note: this store is a copy\(was). So that two machines never write under one device id, it now writes as device \(device(change.device)), continuing \(device(change.previous)); the gathering machine learns this with the next batch. Nothing is lost")
            + handedOver(change, l) + "\n" + l.pick(
                "Nếu kho chỉ được chuyển chỗ và bản cũ không còn dùng, lần sau hãy chạy tungnha where --moved ngay sau khi chuyển. Tiếp theo: làm việc như thường, rồi tungnha export.",
                "If a store is only moved and the old file no longer used, run tungnha where --moved right after moving it next time. Next: work as usual, then tungnha export.")
    }

    static func handedOver(_ change: IdentityChange, _ l: Language) -> String {
        change.handedOver == 0
            ? "."
            : l.pick(
                ": \(change.handedOver) ghi nhận của mã cũ chưa gửi sẽ đi kèm lần xuất tới.",
                ": the \(change.handedOver) events of the old id not yet sent go with the next export.")
    }

    public static func backedUp(_ result: BackupResult, _ l: Language) -> String {
        let at = Moment(rfc3339: result.at)?.display ?? result.at
        return l.pick(
            "Đã sao lưu kho \(result.store) vào \(result.file): \(formatNumber(result.events, l)) ghi nhận, \(formatNumber(result.households, l)) hộ, lúc \(at).\nCất tệp này ở nơi khác (USB, máy khác). Khi máy hỏng hoặc đổi máy: tungnha restore \(result.file)",
            "Backed up the store \(result.store) into \(result.file): \(formatNumber(result.events, l)) events, \(formatNumber(result.households, l)) households, at \(at).\nKeep the file somewhere else (a USB stick, another machine). On a broken or new laptop: tungnha restore \(result.file)")
    }

    public static func restored(_ result: RestoreResult, _ l: Language) -> String {
        let at = result.backedUpAt.map { Moment(rfc3339: $0)?.display ?? $0 }.map { l.pick(" (sao lưu lúc \($0))", " (backed up at \($0))") } ?? ""
        var lines = [l.pick(
            "Đã khôi phục kho \(result.store) từ \(result.from)\(at): \(formatNumber(result.events, l)) ghi nhận, \(formatNumber(result.households, l)) hộ.",
            "Restored the store \(result.store) from \(result.from)\(at): \(formatNumber(result.events, l)) events, \(formatNumber(result.households, l)) households.")]
        if let replaced = result.replaced {
            lines.append(l.pick("Kho có sẵn ở chỗ này được để riêng: \(replaced)", "The store that was there is put aside: \(replaced)"))
        }
        let change = result.identity
        lines.append(l.pick(
            "Kho khôi phục ghi với mã máy mới \(device(change.device)), tiếp nối mã cũ \(device(change.previous)), để không trùng số thứ tự với những gì máy cũ đã gửi; máy tổng hợp sẽ biết khi nhận lô tới",
            "The restored store writes as device \(device(change.device)), continuing \(device(change.previous)), so that it never reuses a number the old machine sent; the gathering machine learns this with the next batch")
            + handedOver(change, l))
        lines.append(l.pick(
            "Những gì ghi sau lúc sao lưu mà đã gửi về máy tổng hợp vẫn còn ở đó; muốn thấy lại ở máy này: xin máy tổng hợp tệp của xã (tungnha export --commune MÃ_XÃ) rồi tungnha merge TỆP.\nTiếp theo: tungnha export rồi gửi tệp về máy tổng hợp.",
            "What was recorded after the backup and already sent is safe at the gathering machine; to see it here again, get the commune's file from it (tungnha export --commune CODE) and run tungnha merge FILE.\nNext: tungnha export, and send the file to the gathering machine."))
        return lines.joined(separator: "\n")
    }

    /// The batches of earlier device ids written with an export.
    public static func handoverBatches(_ batches: [ExportResult], _ l: Language) -> String {
        batches.map { batch in
            l.pick(
                "Cũng đã xuất lô \(batch.batch) của mã máy cũ \(device(batch.device ?? "")): \(formatNumber(batch.events, l)) ghi nhận chưa gửi (số thứ tự \(batch.firstSeq ?? 0)–\(batch.lastSeq ?? 0)) vào \(batch.file). Gửi cả tệp này về máy tổng hợp.",
                "Also wrote batch \(batch.batch) of the earlier device id \(device(batch.device ?? "")): \(formatNumber(batch.events, l)) events not yet sent (sequence \(batch.firstSeq ?? 0)–\(batch.lastSeq ?? 0)) to \(batch.file). Send this file to the gathering machine too.")
        }.joined(separator: "\n")
    }

    public static func moveAccepted(was: String, path: String, _ l: Language) -> String {
        l.pick(
            "Đã ghi nhận: kho được chuyển từ \(was) sang \(path) và vẫn giữ mã máy. Đừng dùng bản ở chỗ cũ nữa: nếu hai bản cùng được dùng, máy tổng hợp sẽ báo hai máy ghi chung một mã máy. Tiếp theo: làm việc như thường.",
            "Noted: the store moved from \(was) to \(path) and keeps its device id. Do not use the old file any more: if both are used, the gathering machine will report two machines under one device id. Next: work as usual.")
    }

    /// What `where` says of a store that is not the file it was bound to.
    public static func bindingLine(_ status: BindingStatus, _ l: Language) -> String? {
        switch status {
        case .bound: return nil
        case .backup(let at):
            return l.pick(
                "  (đây là tệp sao lưu lúc \(Moment(rfc3339: at)?.display ?? at): khôi phục bằng tungnha restore TỆP)",
                "  (this is a backup taken at \(Moment(rfc3339: at)?.display ?? at): restore it with tungnha restore FILE)")
        case .elsewhere(let was, let otherMachine):
            let machine = otherMachine ? l.pick(" trên máy khác", " on another machine") : ""
            return l.pick(
                "  (kho này trước ở \(was)\(machine). Lệnh tới sẽ cho nó mã máy mới, vì có thể đây là bản chép. Nếu kho chỉ được chuyển và bản cũ không còn dùng: tungnha where --moved)",
                "  (this store was at \(was)\(machine). The next command gives it a new device id, as it may be a copy. If it was only moved and the old file is no longer used: tungnha where --moved)")
        }
    }
}
