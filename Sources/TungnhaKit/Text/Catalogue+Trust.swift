import Foundation

// The message catalogue: refusals of files that are not what they claim (signature, enrollment, seal, bounds), and
// what a merge says of files it left alone.

extension BatchRefusal {
    func trustText(_ l: Language) -> String {
        let resend = l.pick(
            " Xin máy gửi xuất lại lô này (tungnha export --again SỐ_LÔ) rồi gửi lại.",
            " Ask the sending laptop to write the batch again (tungnha export --again NUMBER) and resend it.")
        let discard = l.pick(" Không dùng tệp này; báo cán bộ phụ trách.", " Do not use this file; tell the officer in charge.")
        let clock = l.pick(
            " Nhờ người dùng máy gửi chỉnh lại ngày giờ của máy; các ghi nhận ghi lúc đồng hồ sai cần ghi lại, rồi xuất lô mới.",
            " Ask the sending laptop's user to set its date and time right; what was recorded while the clock was wrong must be recorded again, then a new batch written.")
        switch self {
        case .unsigned:
            return l.pick(
                "Tệp không có chữ ký của máy đã ghi nó, nên không biết ai đã làm ra tệp. Mọi lô tungnha xuất đều được ký: nhờ máy gửi cập nhật tungnha và xuất lại (tungnha export --again SỐ_LÔ).",
                "The file carries no signature of the machine that wrote it, so nobody can tell who made it. Every batch tungnha writes is signed: ask the sending machine to update tungnha and write it again (tungnha export --again NUMBER).")
        case .badSignature(let signer):
            return l.pick(
                "Chữ ký không khớp với nội dung tệp: tệp đã bị sửa sau khi ký, hoặc không do máy \(signer.prefix(8)) ký.",
                "The signature does not match the file: it was changed after it was signed, or machine \(signer.prefix(8)) did not sign it.") + resend
        case .unknownDevice(let signer, let label):
            return l.pick(
                "Tệp do một máy chưa được ghi danh ở đây ký (\"\(label)\", mã máy \(signer.prefix(8))). Nếu đó đúng là máy của tổ: trên máy đó chạy tungnha enroll show --out TỆP, mang tệp về, ở đây chạy tungnha enroll add TỆP, rồi gộp lại tệp này.",
                "The file is signed by a machine not enrolled here (\"\(label)\", device \(signer.prefix(8))). If it is one of the teams' laptops: on it run tungnha enroll show --out FILE, bring the file here, run tungnha enroll add FILE, then merge this file again.")
        case .keyChanged(let signer, let label):
            return l.pick(
                "Tệp được ký bằng một khoá khác với khoá đã ghi danh của \"\(label)\" (mã máy \(signer.prefix(8))): có thể là tệp giả.",
                "The file is signed with another key than the one \"\(label)\" (device \(signer.prefix(8))) was enrolled with: it may be forged.") + discard
        case .revoked(_, let label, let keepUpTo):
            return l.pick(
                "\"\(label)\" đã bị thu hồi: tệp nó ký sau đó không được nhận (chỉ nhận lại những lô cũ đến ghi nhận số \(keepUpTo ?? 0)). Nếu tìm lại được máy, hãy khôi phục nó từ bản sao lưu (tungnha restore) và ghi danh như một máy mới.",
                "\"\(label)\" was revoked: files it signs are no longer accepted (only its earlier batches, up to event \(keepUpTo ?? 0)). If the laptop is found again, restore it from a backup (tungnha restore) and enroll it as a new machine.")
        case .signedByOther(let signer, let device):
            return l.pick(
                "Đây là lô của máy \(device.prefix(8)) nhưng do máy \(signer.prefix(8)) ký, mà máy ký không phải bản khôi phục của máy kia.",
                "This is a batch of device \(device.prefix(8)) signed by device \(signer.prefix(8)), which does not continue it.") + discard
        case .relayFromLaptop(let signer):
            return l.pick(
                "Tệp gửi lại cho xã (relay) phải do máy tổng hợp ký; tệp này do máy \(signer.prefix(8)) ký.",
                "A batch sent back to a commune (relay) must be signed by a gathering machine; this one is signed by \(signer.prefix(8)).") + discard
        case .enrolledForOtherCommune(let found, let enrolled):
            return l.pick(
                "Máy ký tệp được ghi danh cho xã \(enrolled.code) (\(enrolled.scheme.text(l))), nhưng tệp ghi là của xã \(found.code) (\(found.scheme.text(l))). Nếu máy đã chuyển sang xã khác, hãy khởi tạo lại máy cho xã đó và ghi danh lại.",
                "The machine that signed the file is enrolled for commune \(enrolled.code) (\(enrolled.scheme.text(l))), but the file is for commune \(found.code) (\(found.scheme.text(l))). If the laptop moved to another commune, set it up again for that commune and enroll it again.")
        case .sealedForOthers(let recipients):
            return l.pick(
                "Tệp đã được niêm phong cho \(recipients) máy khác, không có máy này, nên không mở được. Gửi tệp đến đúng máy; hoặc ghi danh máy này ở máy gửi (tungnha enroll add TỆP trên máy đó) rồi nhờ máy đó xuất lô mới.",
                "The file is sealed to \(recipients) other machines, not this one, so it cannot be opened. Send it to the right machine; or enroll this machine on the sending one (tungnha enroll add FILE there) and ask it for a new batch.")
        case .badSeal(let detail):
            return l.pick("Tệp niêm phong bị hỏng hoặc bị sửa (\(detail)), không mở được.", "The sealed file is damaged or was changed (\(detail)) and cannot be opened.") + resend
        case .seqGap(let missing, let first, let last):
            return l.pick(
                "Phần đầu tệp ghi các số thứ tự \(first)–\(last), nhưng thiếu ghi nhận số \(missing): tệp không đầy đủ.",
                "The header announces sequence numbers \(first)–\(last), but event \(missing) is missing: the file is incomplete.") + resend
        case .seqTwice(let line, let seq):
            return l.pick("Dòng \(line): số thứ tự \(seq) có hai lần trong tệp.", "Line \(line): sequence number \(seq) appears twice in the file.") + resend
        case .afterWritten(let line, let at, let writtenAt):
            return l.pick(
                "Dòng \(line): ghi nhận lúc \(at.display), muộn hơn lúc tệp được ghi (\(writtenAt.display)) quá \(BatchLimits.afterWritten / 60_000) phút: đồng hồ của máy gửi đã sai.",
                "Line \(line): an event at \(at.display), more than \(BatchLimits.afterWritten / 60_000) minutes after the file was written (\(writtenAt.display)): the sending machine's clock was wrong.") + clock
        case .inFuture(let at, let now):
            return l.pick(
                "Tệp có thời điểm \(at.display), muộn hơn bây giờ (\(now.display)) quá \(BatchLimits.afterMerge / 3_600_000) giờ: đồng hồ của máy gửi đang sai.",
                "The file holds the time \(at.display), more than \(BatchLimits.afterMerge / 3_600_000) hours after now (\(now.display)): the sending machine's clock is wrong.") + clock
        case .ownEventsUnknown(let seq, let held):
            return l.pick(
                "Tệp mang ghi nhận số \(seq) nhân danh chính máy này, mà máy này chỉ có đến số \(held): đó không phải ghi nhận của máy này.",
                "The file holds event \(seq) in this machine's own name, and this machine has events up to \(held) only: they are not its own.") + discard
        case .householdElsewhere(let line, let household, let commune):
            return l.pick(
                "Dòng \(line): hộ \(household.prefix(ShortCode.shownLength)) thuộc xã \(commune.code) (\(commune.scheme.text(l))), không thuộc xã của tệp. Một lô chỉ ghi cho hộ của xã mình.",
                "Line \(line): household \(household.prefix(ShortCode.shownLength)) belongs to commune \(commune.code) (\(commune.scheme.text(l))), not the file's. A batch records only households of its own commune.") + discard
        case .targetElsewhere(let line, let target, let commune):
            return l.pick(
                "Dòng \(line): ghi nhận \(EventRef.short(target)) mà dòng này huỷ hoặc sửa thuộc xã \(commune.code), không thuộc xã của tệp.",
                "Line \(line): event \(EventRef.short(target)), which this line voids or corrects, belongs to commune \(commune.code), not the file's.") + discard
        case .namesWithoutConsent(let line, let household):
            return l.pick(
                "Dòng \(line): tệp ghi tên người của hộ \(household.prefix(ShortCode.shownLength)), mà hộ chưa đồng ý ghi tên. Trên máy gửi, hỏi lại hộ (tungnha visit MÃ_HỘ --consent có) hoặc bỏ tên đi, rồi xuất lô mới.",
                "Line \(line): the file names people of household \(household.prefix(ShortCode.shownLength)), which has not agreed to names. On the sending laptop, ask the household again (tungnha visit CODE --consent yes) or remove the names, then write a new batch.")
        default:
            return ""
        }
    }
}

extension Messages {
    public static func notRegular(_ kind: FileKind, _ l: Language) -> String {
        let what: String
        switch kind {
        case .pipe: what = l.pick("một ống dẫn (pipe)", "a pipe")
        case .socket: what = l.pick("một socket", "a socket")
        case .device: what = l.pick("một thiết bị", "a device")
        case .other: what = l.pick("không phải tệp thường", "not a regular file")
        }
        return l.pick(
            "đây là \(what), không phải tệp; bỏ qua (gộp chỉ mở tệp thường).", "this is \(what), not a file; left alone (a merge opens regular files only).")
    }

    static func quarantineFailed(_ detail: String, _ l: Language) -> String {
        l.pick(
            "Không chép được tệp vào thư mục quarantine/ (\(detail)). Hãy giữ tệp gốc để xem lại lý do.",
            "The file could not be copied to the quarantine/ folder (\(detail)). Keep the original file to look at the reason.")
    }

    static func earlierClashes(_ clashes: [FileOutcome.Clash], _ l: Language) -> String {
        guard !clashes.isEmpty else { return "" }
        return "\n  " + l.pick(
            "! Khi gộp lần trước, \(clashes.count) ghi nhận của tệp này trùng mã với ghi nhận đã có nhưng khác nội dung và được giữ riêng, chưa áp dụng. Xem: tungnha conflicts",
            "! When it was first merged, \(clashes.count) events of this file had the name of one already held but other content, and were kept aside, not applied. See: tungnha conflicts")
    }
}

extension Messages {
    /// `conflicts`: the fields, then the events kept aside with both files.
    public static func conflicts(_ list: ConflictList, _ l: Language) -> String {
        var text = conflicts(list.fields, l)
        guard !list.idClashes.isEmpty else { return text }
        text += "\n\n" + l.pick(
            "\(list.idClashes.count) ghi nhận bị giữ riêng, chưa áp dụng: chúng mang tên (mã máy và số thứ tự) của một ghi nhận đã có nhưng khác nội dung.",
            "\(list.idClashes.count) events are kept aside, not applied: they carry the name (device and number) of an event already held, with other content.")
        for clash in list.idClashes {
            let kept = clash.file.map { ($0 as NSString).lastPathComponent } ?? "—"
            let held = clash.heldFrom.map { ($0 as NSString).lastPathComponent } ?? l.pick("ghi trên máy này", "recorded on this machine")
            let who = clash.label.map { " (\($0))" } ?? ""
            text += "\n  " + l.pick(
                "\(EventRef.short(clash.event))\(who): giữ riêng từ tệp \(kept); ghi nhận đang dùng đến từ \(held).",
                "\(EventRef.short(clash.event))\(who): kept aside from \(kept); the one in use came from \(held).")
        }
        text += "\n" + l.pick(
            "Thường là hai máy ghi chung một mã máy (một kho bị chép): trên máy đã gửi tệp bị giữ riêng, chạy tungnha sync reissue. Xem: tungnha sync status",
            "Usually two machines wrote under one device id (a copied store): on the machine that sent the kept-aside file, run tungnha sync reissue. See: tungnha sync status")
        return text
    }
}
