// The message catalogue: export, merge and sync status.

extension EventFormatError.Problem: Localized {
    public func text(_ l: Language) -> String {
        switch self {
        case .missing: return l.pick("bị thiếu", "is missing")
        case .wrongType(let expected): return l.pick("sai kiểu (cần \(expected))", "has the wrong type (expected \(expected))")
        case .invalid(let expected): return l.pick("không hợp lệ (cần \(expected))", "is not valid (expected \(expected))")
        case .unknownField: return l.pick("không có trong định dạng", "is not part of the format")
        case .digitRun:
            return l.pick("chứa dãy từ 9 chữ số (giống số CCCD hoặc mã OTP), tungnha không nhận", "holds a run of 9 or more digits (like an ID number or one-time code), which tungnha does not accept")
        case .tooLong(let limit): return l.pick("dài quá \(limit) ký tự", "is longer than \(limit) characters")
        case .secretNumber:
            return l.pick(
                "có một con số ngay cạnh từ chỉ mật khẩu, mã OTP hoặc số căn cước, tungnha không nhận",
                "holds a number next to a word naming a password, one-time code or ID number, which tungnha does not accept")
        }
    }
}

extension BatchRefusal {
    public func text(_ l: Language) -> String {
        let resend = l.pick(
            " Xin máy gửi xuất lại lô này (tungnha export --again SỐ_LÔ) rồi gửi lại.",
            " Ask the sending laptop to write the batch again (tungnha export --again NUMBER) and resend it.")
        switch self {
        case .unreadable(let detail):
            return l.pick("Không đọc được tệp: \(detail). Kiểm tra tệp còn nguyên và đọc được.", "Cannot read the file: \(detail). Check that it is there and readable.")
        case .empty: return l.pick("Tệp rỗng.", "The file is empty.") + resend
        case .notJSON(let line, let column):
            return l.pick("Dòng \(line), cột \(column) không phải JSON hợp lệ: tệp bị hỏng hoặc bị sửa.", "Line \(line), column \(column) is not valid JSON: the file is damaged or was edited.") + resend
        case .notABatch:
            return l.pick(
                "Đây không phải tệp đồng bộ của tungnha (dòng đầu không có \"format\": \"tungnha-batch\").",
                "This is not a tungnha batch file (its first line lacks \"format\": \"tungnha-batch\").")
        case .unknownVersion(let found):
            return l.pick(
                "Tệp được ghi theo định dạng phiên bản \(found); bản tungnha này chỉ đọc được phiên bản \(BatchHeader.version). Hãy cập nhật tungnha trên máy này.",
                "The file uses format version \(found); this tungnha reads version \(BatchHeader.version) only. Update tungnha on this machine.")
        case .badHeader(let field, let problem):
            return l.pick("Dòng 1 (phần đầu tệp): trường \"\(field)\" \(problem.text(l)).", "Line 1 (the header): field \"\(field)\" \(problem.text(l)).")
        case .badEvent(let line, let field, let problem):
            return l.pick("Dòng \(line): trường \"\(field)\" \(problem.text(l)).", "Line \(line): field \"\(field)\" \(problem.text(l)).")
        case .badEnd(let line):
            return l.pick("Dòng \(line) lẽ ra là dòng kết thúc của tệp nhưng không đúng mẫu.", "Line \(line) should be the file's end line but does not follow the format.") + resend
        case .cutShort(let lines):
            return l.pick(
                "Tệp bị cắt ngắn: sau \(lines) dòng không thấy dòng kết thúc, có lẽ việc gửi tệp bị gián đoạn.",
                "The file is cut short: no end line after \(lines) lines; the transfer was probably interrupted.") + resend
        case .linesAfterEnd(let line):
            return l.pick("Còn dữ liệu ở dòng \(line), sau dòng kết thúc: tệp bị ghép hoặc bị sửa.", "There is data on line \(line), after the end line: the file was joined to another or edited.") + resend
        case .checksumMismatch:
            return l.pick("Mã kiểm tra SHA-256 không khớp: tệp đã bị thay đổi sau khi xuất.", "The SHA-256 checksum does not match: the file was changed after it was written.") + resend
        case .countMismatch(let header, let footer, let actual):
            return l.pick(
                "Số ghi nhận không khớp: phần đầu tệp ghi \(header), dòng kết thúc ghi \(footer), trong tệp có \(actual).",
                "The event counts disagree: the header says \(header), the end line \(footer), and the file holds \(actual).") + resend
        case .otherCommune(let line, let found, let header):
            return l.pick(
                "Dòng \(line): ghi nhận của xã \(found.code) (\(found.scheme.text(l))), nhưng tệp ghi là của xã \(header.code) (\(header.scheme.text(l))).",
                "Line \(line): an event of commune \(found.code) (\(found.scheme.text(l))) in a file for commune \(header.code) (\(header.scheme.text(l))).")
        case .otherDevice(let line):
            return l.pick("Dòng \(line): ghi nhận của một máy khác với máy ghi ở phần đầu tệp.", "Line \(line): an event of another device than the header names.")
        case .seqOutOfRange(let line, let seq, let first, let last):
            let range = "\(first.map(String.init) ?? "—")–\(last.map(String.init) ?? "—")"
            return l.pick(
                "Dòng \(line): số thứ tự \(seq) nằm ngoài khoảng \(range) mà phần đầu tệp ghi.",
                "Line \(line): sequence number \(seq) is outside the range \(range) the header announces.")
        case .notThisLaptop(let found, let laptop):
            return l.pick(
                "Tệp này là của xã \(found.code), còn máy này làm việc cho xã \(laptop.code). Chuyển tệp cho máy của đúng xã, hoặc về máy tổng hợp.",
                "This file is for commune \(found.code), and this laptop works for commune \(laptop.code). Give it to that commune's laptop or to a gathering machine.")
        case .notThisProvince(let found, let province):
            let name = AdminUnits.shared.province(province, scheme: .y2025)?.name ?? province
            return l.pick(
                "Tệp này là của xã \(found.code) (\(found.scheme.text(l))), không thuộc \(name), tỉnh mà máy tổng hợp này nhận. Gửi tệp cho máy tổng hợp của tỉnh có xã đó (tìm: tungnha units show \(found.code)).",
                "This file is for commune \(found.code) (\(found.scheme.text(l))), which is not in \(name), the province this gathering machine accepts. Send it to the gathering machine of that commune's province (find it: tungnha units show \(found.code)).")
        case .notThisCommune(let found, let commune):
            let name = AdminUnits.shared.commune(commune)?.name ?? commune.code
            return l.pick(
                "Tệp này là của xã \(found.code) (\(found.scheme.text(l))), không phải của \(commune.code) \(name), xã mà máy tổng hợp này phục vụ. Gửi tệp cho máy tổng hợp của xã đó, hoặc thẳng lên máy tổng hợp của tỉnh.",
                "This file is for commune \(found.code) (\(found.scheme.text(l))), not for \(commune.code) \(name), the commune this gathering machine serves. Send it to that commune's gathering machine, or straight to the province's.")
        case .unsigned, .badSignature, .unknownDevice, .keyChanged, .revoked, .signedByOther, .relayFromLaptop, .enrolledForOtherCommune,
            .sealedForOthers, .badSeal, .seqGap, .seqTwice, .afterWritten, .inFuture, .ownEventsUnknown, .householdElsewhere, .targetElsewhere,
            .namesWithoutConsent:
            return trustText(l)
        }
    }
}

extension ExportError {
    public func text(_ l: Language) -> String {
        switch self {
        case .nothingNew(let last):
            let again = last.map { l.pick(" Nếu tệp lô \($0) bị thất lạc: tungnha export --again \($0)", " If batch \($0) was lost: tungnha export --again \($0)") } ?? ""
            return l.pick("Không có gì mới để xuất: mọi ghi nhận đã nằm trong các lô trước. Không tạo tệp nào.", "Nothing new to export: every event is in an earlier batch. No file was written.") + again
        case .noSuchBatch(let number, let last):
            let known = last.map { l.pick(" (lô gần nhất: \($0))", " (latest: \($0))") } ?? l.pick(" (máy chưa xuất lô nào)", " (none written yet)")
            return l.pick("Máy này chưa xuất lô \(number)\(known). Xem: tungnha sync status", "This machine has not written batch \(number)\(known). See: tungnha sync status")
        case .communeOnGatheringOnly:
            return l.pick(
                "--commune chỉ dùng trên máy tổng hợp (để gửi lại cho các máy của một xã); máy của tổ xuất ghi nhận của chính nó: tungnha export",
                "--commune is for a gathering machine (to write a commune's file for its laptops); a laptop exports its own events: tungnha export")
        case .provinceNeedsCommune:
            return l.pick(
                "Trên máy tổng hợp của tỉnh, hãy cho biết xuất cho xã nào: tungnha export --commune MÃ_XÃ (tệp gửi lại cho các máy của xã đó).",
                "On a province's gathering machine, say which commune to write for: tungnha export --commune CODE (the file goes back to that commune's laptops).")
        case .cannotWrite(let folder, let detail):
            return l.pick(
                "Không ghi được tệp vào \(folder): \(detail). Chọn thư mục khác bằng --out THƯ_MỤC. Không có lô nào được ghi nhận là đã xuất.",
                "Cannot write to \(folder): \(detail). Choose another folder with --out FOLDER. No batch was recorded as exported.")
        case .rewriteDiffers(let number):
            return l.pick(
                "Không tạo lại được lô \(number) giống hệt lần trước, nên không ghi tệp. Hãy xuất lô mới: tungnha export",
                "Batch \(number) cannot be rewritten identically, so no file was written. Write a new batch instead: tungnha export")
        }
    }
}

extension Messages {
    public static func exported(_ result: ExportResult, _ l: Language) -> String {
        exportedFile(result, l) + "\n" + sealing(result, l)
    }

    static func exportedFile(_ result: ExportResult, _ l: Language) -> String {
        if result.again {
            return l.pick(
                "Đã xuất lại lô \(result.batch), giống hệt lần trước (\(formatNumber(result.events, l)) ghi nhận), vào \(result.file).",
                "Wrote batch \(result.batch) again, identical to the first time (\(formatNumber(result.events, l)) events), to \(result.file).")
        }
        if result.kind == .relay {
            return l.pick(
                "Đã xuất lô \(result.batch) cho xã \(result.commune): \(formatNumber(result.events, l)) ghi nhận, mọi điều máy này biết về xã này, vào \(result.file).\nGửi tệp cho các máy của xã; mỗi máy chạy: tungnha merge TỆP",
                "Wrote batch \(result.batch) for commune \(result.commune): \(formatNumber(result.events, l)) events, everything this machine knows there, to \(result.file).\nSend it to the commune's laptops; each runs: tungnha merge FILE")
        }
        let range = "\(result.firstSeq ?? 0)–\(result.lastSeq ?? 0)"
        let handovers = (result.handovers ?? []).isEmpty ? "" : "\n" + handoverBatches(result.handovers ?? [], l)
        return l.pick(
            "Đã xuất lô \(result.batch): \(formatNumber(result.events, l)) ghi nhận (số thứ tự \(range)) vào \(result.file).\nGửi tệp này về máy tổng hợp (của xã, hoặc của tỉnh nếu xã không có máy riêng) bằng USB, Zalo hoặc email; máy đó chạy: tungnha merge TỆP",
            "Wrote batch \(result.batch): \(formatNumber(result.events, l)) events (sequence \(range)) to \(result.file).\nSend it to the gathering machine (the commune's, or the province's if the commune has none) by USB stick, Zalo or email; it runs: tungnha merge FILE")
            + handovers
    }

    public static func quarantineNote(file: String, reason: BatchRefusal, at moment: Moment, _ l: Language) -> String {
        l.pick(
            "Tệp: \(file)\nBị từ chối lúc: \(moment.display)\nLý do: \(reason.text(l))\nKhông có gì trong tệp này được đưa vào kho.\n",
            "File: \(file)\nRefused at: \(moment.display)\nReason: \(reason.text(l))\nNothing of this file was applied.\n")
    }

    public static func mergeProgress(_ file: FileOutcome, _ l: Language) -> String {
        let name = (file.file as NSString).lastPathComponent
        let source = [file.deviceLabel, file.batch.map { l.pick("lô \($0)", "batch \($0)") }].compactMap { $0 }.joined(separator: ", ")
        switch file.status {
        case .applied:
            var text = "✓ \(name) (\(source)): " + l.pick(
                "\(formatNumber(file.newEvents, l)) ghi nhận mới, \(formatNumber(file.knownEvents, l)) đã có",
                "\(formatNumber(file.newEvents, l)) new events, \(formatNumber(file.knownEvents, l)) already known")
            for clash in file.clashes {
                if clash.forkOf != nil {
                    text += "\n  " + forkClash(clash, l)
                    continue
                }
                let other = clash.otherFile.map { ($0 as NSString).lastPathComponent } ?? l.pick("ghi trên máy này", "recorded on this machine")
                text += "\n  " + l.pick(
                    "! dòng \(clash.line): ghi nhận \(EventRef.short(clash.event)) trùng mã với ghi nhận từ \(other) nhưng khác nội dung; không áp dụng, cần người kiểm tra.",
                    "! line \(clash.line): event \(EventRef.short(clash.event)) has the id of one from \(other) but other content; not applied, needs a person to check.")
            }
            return text
        case .alreadyMerged:
            return "= \(name) (\(source)): " + l.pick("đã gộp từ trước, mọi ghi nhận đều đã có", "merged before; every event is known")
                + earlierClashes(file.clashes, l)
        case .skipped:
            if let kind = file.notRegular { return "- \(name): " + notRegular(kind, l) }
            return "- \(name): " + l.pick("không phải tệp đồng bộ, bỏ qua", "not a batch file, left alone")
        case .refused:
            var text = "✗ \(name): " + l.pick("bị từ chối. ", "refused. ") + (file.message ?? "")
            if let quarantine = file.quarantine {
                text += "\n  " + l.pick("Đã chép vào ", "Copied to ") + quarantine
            } else if let failure = file.quarantineFailed {
                text += "\n  " + quarantineFailed(failure, l)
            }
            return text
        }
    }

    public static func mergeSummary(_ outcome: MergeOutcome, _ l: Language) -> String {
        guard !outcome.files.isEmpty else {
            return l.pick("Không tìm thấy tệp nào để gộp.", "No files found to merge.")
        }
        var lines = [
            l.pick(
                "Tệp áp dụng: \(outcome.applied) · đã gộp từ trước: \(outcome.alreadyMerged) · Tệp bị từ chối: \(outcome.refused)",
                "Files applied: \(outcome.applied) · merged before: \(outcome.alreadyMerged) · refused: \(outcome.refused)"),
            l.pick(
                "Ghi nhận mới: \(formatNumber(outcome.newEvents, l)) · đã có từ trước: \(formatNumber(outcome.knownEvents, l)) · trùng mã khác nội dung: \(outcome.clashes - outcome.forks)",
                "New events: \(formatNumber(outcome.newEvents, l)) · already known: \(formatNumber(outcome.knownEvents, l)) · same id, other content: \(outcome.clashes - outcome.forks)"),
        ]
        if outcome.forks > 0 {
            lines.append(l.pick(
                "Hai máy ghi chung một mã máy: \(outcome.forks) ghi nhận được giữ riêng, chưa áp dụng (xem cảnh báo).",
                "Two machines under one device id: \(outcome.forks) events kept aside, not applied (see the warning)."))
        }
        if outcome.refused > 0 {
            lines.append(l.pick(
                "Các tệp bị từ chối không được đưa vào kho; xem lý do ở trên và trong thư mục quarantine/.",
                "Refused files were not applied; see the reasons above and in the quarantine/ folder."))
        }
        lines.append(l.pick("Tiếp theo: tungnha sync status · tungnha duplicates · tungnha report", "Next: tungnha sync status · tungnha duplicates · tungnha report"))
        return lines.joined(separator: "\n")
    }
}

import Foundation
