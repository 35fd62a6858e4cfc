import Foundation

// The message catalogue: sync status, conflicts and duplicates.

extension Messages {
    public static func syncStatus(_ status: SyncStatus, _ l: Language) -> String {
        var lines: [String] = []
        if status.role == .laptop {
            if let last = status.lastExport {
                lines.append(l.pick(
                    "Lô xuất gần nhất: lô \(last.batch), lúc \(Moment(rfc3339: last.writtenAt)?.display ?? last.writtenAt), \(formatNumber(last.events, l)) ghi nhận (\(last.file)).",
                    "Last export: batch \(last.batch), at \(Moment(rfc3339: last.writtenAt)?.display ?? last.writtenAt), \(formatNumber(last.events, l)) events (\(last.file))."))
            } else {
                lines.append(l.pick("Máy này chưa xuất lô nào.", "This laptop has not exported anything yet."))
            }
            if status.notExported > 0 {
                lines.append(l.pick(
                    "Chưa xuất: \(formatNumber(status.notExported, l)) ghi nhận. Xuất và gửi về máy tổng hợp: tungnha export",
                    "Not yet exported: \(formatNumber(status.notExported, l)) events. Export and send them: tungnha export"))
            } else {
                lines.append(l.pick("Mọi ghi nhận đã được xuất.", "Every event has been exported."))
            }
        }
        if let forwarding = status.forwarding { lines += forwardingLines(forwarding, ownEvents: status.notExported, l) }
        if status.devices.isEmpty {
            if status.role != .laptop {
                lines.append(l.pick("Chưa nhận được tệp nào. Gộp tệp: tungnha merge THƯ_MỤC_TỆP", "No batch received yet. Merge files: tungnha merge FOLDER"))
            }
        } else {
            lines.append("")
            lines.append(l.pick("Các máy đã gửi tệp về:", "Devices whose batches arrived:"))
            var table = TextTable(
                headers: [
                    l.pick("Máy", "Device"), l.pick("Xã/Phường", "Commune"), l.pick("Lô đã nhận", "Batches"), l.pick("Lô bị thiếu", "Missing"),
                    l.pick("Lô gần nhất ghi lúc", "Last batch written"), l.pick("Ghi nhận", "Events"), l.pick("Giờ đáng ngờ", "Odd times"),
                ], alignments: [.left, .left, .right, .left, .left, .right, .right])
            table.rows = status.devices.map { device in
                [
                    device.label, device.commune, String(device.batches.count + device.relayBatches),
                    device.missing.map(Int64.init).ranges, Moment(rfc3339: device.lastBatchWrittenAt)?.display ?? "",
                    formatNumber(device.events, l), device.suspiciousTimes == 0 ? "" : String(device.suspiciousTimes),
                ]
            }
            lines += table.render().split(separator: "\n").map(String.init)
        }
        var attention: [String] = []
        for device in status.devices {
            for number in device.missing.prefix(5) {
                attention.append(l.pick(
                    "Lô \(number) của \(device.label) chưa về. Nhờ máy đó gửi lại: tungnha export --again \(number)",
                    "Batch \(number) of \(device.label) has not arrived. Ask that laptop to resend it: tungnha export --again \(number)"))
            }
            if device.missing.count > 5 {
                attention.append(l.pick(
                    "Còn \(device.missing.count - 5) lô nữa của \(device.label) chưa về: \(device.missing.dropFirst(5).map(Int64.init).ranges). Hỏi người dùng máy đó.",
                    "\(device.missing.count - 5) more batches of \(device.label) have not arrived: \(device.missing.dropFirst(5).map(Int64.init).ranges). Ask that laptop's user."))
            }
            if device.suspiciousTimes > 0 {
                attention.append(l.pick(
                    "\(device.label): \(device.suspiciousTimes) ghi nhận có giờ như của một đồng hồ sai (trước 2024, hoặc sau lúc ghi lô), ví dụ \(device.suspiciousExamples.joined(separator: ", ")). Kiểm tra đồng hồ của máy đó; các ghi nhận vẫn được giữ nhưng thứ tự của chúng có thể sai.",
                    "\(device.label): \(device.suspiciousTimes) events have times a wrong clock would give (before 2024, or after the batch was written), e.g. \(device.suspiciousExamples.joined(separator: ", ")). Check that laptop's clock; the events are kept but their order may be wrong."))
            }
        }
        let copies = copyLines(status, l)
        attention += copies.attention
        if plainClashes(status) > 0 {
            attention.append(l.pick(
                "\(plainClashes(status)) ghi nhận trùng mã với ghi nhận đã có nhưng khác nội dung, không được áp dụng (có thể hai máy dùng chung một bản sao kho). Báo cán bộ kỹ thuật.",
                "\(plainClashes(status)) events had the id of a known one but other content and were not applied (perhaps two laptops share a copied store). Tell your technical officer."))
        }
        if !attention.isEmpty {
            lines.append("")
            lines.append(l.pick("Cần chú ý:", "Needs attention:"))
            lines += attention.map { "  " + $0 }
        }
        if !copies.notes.isEmpty {
            lines.append("")
            lines.append(l.pick("Về mã máy:", "About device ids:"))
            lines += copies.notes.map { "  " + $0 }
        }
        return lines.joined(separator: "\n")
    }

    static func fieldName(_ entity: FieldConflict.Entity, _ field: String, _ l: Language) -> String {
        switch (entity, field) {
        case (.household, "village"): return l.pick("thôn/tổ dân phố", "village")
        case (.household, "headName"): return l.pick("tên chủ hộ", "head's name")
        case (.household, "address"): return l.pick("địa chỉ", "address")
        case (.household, "phone"): return l.pick("số điện thoại", "phone")
        case (.household, "declaredMembers"): return l.pick("số nhân khẩu", "members declared")
        case (.household, "note"): return l.pick("ghi chú", "note")
        case (.household, "consent"): return l.pick("đồng ý ghi tên", "consent to names")
        case (.member, "name"): return l.pick("tên", "name")
        case (.member, "birthYear"): return l.pick("năm sinh", "birth year")
        case (.member, "sex"): return l.pick("giới tính", "sex")
        case (.member, "relation"): return l.pick("quan hệ với chủ hộ", "relation")
        case (.member, "status"): return l.pick("tình trạng", "status")
        default: return field
        }
    }

    /// The command that sets `field` to `value`, settling the conflict.
    static func settleCommand(_ conflict: ConflictView, value: String?) -> String {
        let code = String(conflict.code.prefix(ShortCode.shownLength))
        let flag: String
        switch (conflict.entity, conflict.field) {
        case (.household, "headName"): flag = "--head"
        case (.household, "declaredMembers"): flag = "--members"
        case (.household, "consent"): flag = "--consent"
        case (.member, "birthYear"): flag = "--birth-year"
        case (_, let field): flag = "--" + field
        }
        var text = value ?? ""
        if conflict.field == "consent" { text = text == "true" ? "yes" : "no" }
        return "tungnha \(conflict.entity.rawValue) edit \(code) \(flag) \"\(text)\""
    }

    public static func conflicts(_ conflicts: [ConflictView], _ l: Language) -> String {
        guard !conflicts.isEmpty else {
            return l.pick("Không có chỗ nào hai máy ghi khác nhau.", "No field was changed differently on two devices.")
        }
        var lines = [l.pick(
            "\(conflicts.count) chỗ hai máy sửa cùng một thông tin thành hai giá trị khác nhau. Tạm thời dùng giá trị ghi sau cùng (theo giờ ghi); hãy xác nhận hoặc sửa:",
            "\(conflicts.count) field(s) were changed to different values on two devices. The latest (by time) is used for now; please confirm or correct:")]
        for (index, conflict) in conflicts.enumerated() {
            let what = conflict.entity == .household ? l.pick("Hộ", "Household") : l.pick("Thành viên", "Member")
            lines.append("")
            lines.append("\(index + 1). \(what) \(conflict.code.prefix(ShortCode.shownLength)), \(fieldName(conflict.entity, conflict.field, l)):")
            for candidate in conflict.candidates {
                let marker = candidate.value == conflict.chosen ? "→" : " "
                let who = candidate.deviceLabel ?? String(candidate.device.prefix(8))
                let when = Moment(rfc3339: candidate.at)?.display ?? candidate.at
                lines.append("   \(marker) \"\(candidate.value ?? "—")\"  (\(who), \(when))")
            }
            for candidate in conflict.candidates {
                let keep = candidate.value == conflict.chosen ? l.pick("Giữ", "Keep") : l.pick("Chọn", "Choose")
                lines.append("     \(keep) \"\(candidate.value ?? "—")\": \(settleCommand(conflict, value: candidate.value))")
            }
        }
        return lines.joined(separator: "\n")
    }

    public static func duplicates(_ pairs: [DuplicatePair], _ l: Language) -> String {
        guard !pairs.isEmpty else { return l.pick("Không thấy cặp hộ nào có vẻ trùng.", "No likely duplicate households.") }
        var lines = [l.pick(
            "\(pairs.count) cặp hộ có thể là cùng một nhà (cùng thôn, tên chủ hộ hoặc địa chỉ giống nhau), khả năng cao nhất trước:",
            "\(pairs.count) pairs of households that may be the same house (same village, head's name or address alike), likeliest first:")]
        // Pairs in several communes: each village with its commune, or two "Tổ dân phố 1" read as one.
        let several = Set(pairs.map { "\($0.keep.scheme.rawValue)|\($0.keep.commune)" }).count > 1
        for (index, pair) in pairs.enumerated() {
            lines.append("")
            lines.append("\(index + 1). " + l.pick("Độ giống: ", "Likeness: ") + String(Int((pair.score * 100).rounded())) + "%  · " + pair.keep.village
                + (several ? ", " + communeLabel(pair.keep.commune, pair.keep.scheme, l) : ""))
            for household in [pair.keep, pair.other] {
                lines.append("   \(household.shortCode)  \(householdName(household, l))\(household.address.map { ", " + $0 } ?? "")  · "
                    + l.pick("\(household.members) thành viên, \(household.visits) lượt đến", "\(household.members) members, \(household.visits) visits"))
            }
            lines.append("   " + l.pick("Nếu đúng là một nhà: ", "If it is one house: ") + "tungnha household merge \(pair.keep.shortCode) \(pair.other.shortCode)")
        }
        return lines.joined(separator: "\n")
    }
}
