// The message catalogue: voids, undoing them, and what each record of a household set.

public enum CorrectionHelp: Sendable {
    case unvoid, unvoidRecord, wholeHousehold

    public func text(_ l: Language) -> String {
        switch self {
        case .unvoid:
            return l.pick(
                "Bỏ một việc huỷ nhầm: ghi nhận lại được tính (việc bỏ huỷ cũng được đồng bộ).",
                "Undo a void made by mistake: the record counts again (the undoing syncs too).")
        case .unvoidRecord:
            return l.pick(
                "Mã ghi nhận đã bị huỷ, hoặc mã của chính việc huỷ (ít nhất 4 ký tự đầu; xem household history).",
                "The id of the voided record, or of the void itself (at least its first 4 characters; see household history).")
        case .wholeHousehold:
            return l.pick(
                "Đồng ý huỷ cả hộ khi ghi nhận là việc ghi hộ (cần khi không chạy trong cửa sổ dòng lệnh).",
                "Agree to void the whole household when the record is its registration (needed when not asked on a terminal).")
        }
    }
}

extension CorrectionError {
    public func text(_ l: Language) -> String {
        switch self {
        case .wholeHousehold(let record, let loss):
            return Messages.householdLoss(record: record, loss, l) + "\n" + l.pick(
                "Chưa huỷ gì. Nếu đúng là muốn huỷ cả hộ: tungnha void \(record) --whole-household. Nếu chỉ cần sửa thông tin hộ: tungnha household edit \(loss.shortCode)",
                "Nothing was voided. To void the whole household: tungnha void \(record) --whole-household. To change its details instead: tungnha household edit \(loss.shortCode)")
        case .notVoided(let record, let type):
            return l.pick(
                "Ghi nhận \(record) (\(type.text(l))) đang được tính, không có việc huỷ nào để bỏ. Xem các ghi nhận: tungnha household history MÃ_HỘ",
                "Record \(record) (\(type.text(l))) counts; there is no void of it to undo. See the records: tungnha household history CODE")
        case .cannotUnvoid(let type):
            return l.pick(
                "Không bỏ huỷ được loại ghi nhận này (\(type.text(l))). Để sửa lại, ghi một lượt sửa mới: tungnha visit MÃ_HỘ --corrects MÃ_GHI_NHẬN …",
                "This kind of record (\(type.text(l))) cannot be undone this way. Record a new correction instead: tungnha visit CODE --corrects RECORD …")
        }
    }
}

extension Messages {
    /// What voiding a registration takes away.
    public static func householdLoss(record: String, _ loss: HouseholdLoss, _ l: Language) -> String {
        let who = [loss.headName, loss.address, loss.village].compactMap { $0 }.joined(separator: ", ")
        if let root = loss.mergedInto {
            return l.pick(
                "Ghi nhận \(record) là việc ghi hộ \(loss.shortCode) (\(who)), bản ghi trùng đã gộp vào hộ \(root.prefix(ShortCode.shownLength)). Huỷ nó thì bản ghi trùng này biến mất; thành viên và lượt đến hộ của nó vẫn tính cho hộ \(root.prefix(ShortCode.shownLength)).",
                "Record \(record) registers household \(loss.shortCode) (\(who)), a duplicate merged into \(root.prefix(ShortCode.shownLength)). Voiding it removes this duplicate; its members and visits still count for \(root.prefix(ShortCode.shownLength)).")
        }
        var text = l.pick(
            "Ghi nhận \(record) là việc ghi hộ \(loss.shortCode) (\(who)). Huỷ nó là huỷ cả hộ: hộ, \(loss.members) thành viên và \(loss.visits) lượt đến hộ của hộ biến mất khỏi mọi danh sách và báo cáo",
            "Record \(record) registers household \(loss.shortCode) (\(who)). Voiding it voids the whole household: the household, its \(loss.members) members and \(loss.visits) visits disappear from every list and report")
        if loss.mergedHouseholds > 0 {
            text += l.pick(", cùng \(loss.mergedHouseholds) bản ghi trùng đã gộp vào hộ", ", with the \(loss.mergedHouseholds) duplicates merged into it")
        }
        text += loss.covered
            ? l.pick("; hộ đang đạt, nên số hộ đạt giảm 1.", "; it is covered, so the covered households go down by one.")
            : l.pick("; hộ chưa đạt, số hộ đạt không đổi.", "; it is not covered, so the covered households stay as they are.")
        return text
    }

    public static func voidQuestion(_ l: Language) -> String {
        l.pick("Huỷ cả hộ? Có thể bỏ huỷ sau bằng tungnha unvoid. (c/k):", "Void the whole household? It can be undone later with tungnha unvoid. (y/n):")
    }

    public static func voided(_ event: EventView, _ l: Language) -> String {
        let record = EventRef.short(event.id)
        var text = l.pick(
            "Đã huỷ ghi nhận \(record) (\(event.type.text(l))). Việc huỷ cũng là một ghi nhận và sẽ được gửi về máy tổng hợp như mọi ghi nhận khác.",
            "Voided record \(record) (\(event.type.text(l))). The void is itself a record and goes to the gathering machine like any other.")
        if event.type == .householdRegistered, let code = event.household {
            let short = String(code.prefix(ShortCode.shownLength))
            text += "\n" + l.pick(
                "Hộ \(short) không còn trong danh sách và báo cáo; các ghi nhận của hộ vẫn được giữ: tungnha household history \(short)",
                "Household \(short) is gone from lists and reports; its records are kept: tungnha household history \(short)")
        }
        return text + "\n" + l.pick("Nếu huỷ nhầm: tungnha unvoid \(record)", "If this was a mistake: tungnha unvoid \(record)")
    }

    public static func unvoided(_ result: UnvoidResult, _ l: Language) -> String {
        let record = EventRef.short(result.record.id)
        var text = l.pick(
            "Đã bỏ việc huỷ ghi nhận \(record) (\(result.record.type.text(l))): ghi nhận lại được tính. Việc bỏ huỷ cũng được gửi về máy tổng hợp như mọi ghi nhận khác.",
            "Undid the void of record \(record) (\(result.record.type.text(l))): it counts again. The undoing goes to the gathering machine like any other record.")
        if let household = result.household {
            text += "\n" + l.pick(
                "Hộ \(household.shortCode) đã trở lại: \(household.members) thành viên, \(household.visits) lượt đến hộ. Xem: tungnha household show \(household.shortCode)",
                "Household \(household.shortCode) is back: \(household.members) members, \(household.visits) visits. See: tungnha household show \(household.shortCode)")
        } else if let code = result.record.household {
            let short = String(code.prefix(ShortCode.shownLength))
            text += "\n" + l.pick("Xem: tungnha household history \(short)", "See: tungnha household history \(short)")
        }
        return text
    }

    // MARK: History

    public static func history(_ events: [EventView], _ l: Language) -> String {
        var lines: [String] = []
        for event in events {
            let undoes = event.type == .eventVoided && event.details?.contains { $0.field == "targetType" && $0.value == EventKind.eventVoided.rawValue } == true
            var head = EventRef.short(event.id) + "  " + (Moment(rfc3339: event.at)?.display ?? event.at) + "  "
                + (undoes ? l.pick("bỏ huỷ ghi nhận", "void undone") : event.type.text(l))
            if let member = event.member { head += "  " + l.pick("thành viên ", "member ") + member.prefix(ShortCode.shownLength) }
            if event.voided {
                head += event.type == .eventVoided ? l.pick("  [việc huỷ này đã được bỏ]", "  [this void was undone]") : l.pick("  [đã huỷ]", "  [voided]")
            }
            lines.append(head)
            let details = (event.details ?? []).compactMap { detailText($0, in: event, l) }
            if !details.isEmpty { lines.append("    " + details.joined(separator: " · ")) }
        }
        lines.append("")
        lines.append(l.pick(
            "Huỷ một ghi nhận nhầm: tungnha void MÃ_GHI_NHẬN --reason \"LÝ DO\" · bỏ một việc huỷ nhầm: tungnha unvoid MÃ_GHI_NHẬN",
            "Void a record made by mistake: tungnha void RECORD --reason \"REASON\" · undo a void made by mistake: tungnha unvoid RECORD"))
        return lines.joined(separator: "\n")
    }

    /// One thing a record set, in words; nil for what another detail already says.
    static func detailText(_ detail: RecordDetail, in event: EventView, _ l: Language) -> String? {
        if detail.field == "targetType" { return nil }
        let label = detailLabel(detail.field, member: event.member != nil || event.type == .memberAdded, l)
        if detail.withheld == true { return label + ": " + l.pick("(ẩn: hộ chưa đồng ý ghi tên)", "(withheld: no consent to names)") }
        guard let value = detail.value else { return label + ": " + l.pick("(xoá)", "(cleared)") }
        switch detail.field {
        case "target":
            let kind = event.details?.first { $0.field == "targetType" }?.value.flatMap(EventKind.init(rawValue:))
            if kind == .eventVoided { return l.pick("bỏ việc huỷ ", "undoes void ") + EventRef.short(value) }
            return label + " " + EventRef.short(value) + (kind.map { " (" + $0.text(l) + ")" } ?? "")
        case "backcheckOf":
            return l.pick("kiểm tra lại lượt ", "back-check of visit ") + EventRef.short(value)
        case "restores":
            return l.pick("ghi nhận \(EventRef.short(value)) lại được tính", "record \(EventRef.short(value)) counts again")
        case "observation":
            return l.pick("thành viên ", "member ") + (detail.member?.prefix(ShortCode.shownLength) ?? "") + ": " + observationText(value, l)
        default:
            return label + ": " + detailValue(detail.field, value, l)
        }
    }

    static func detailLabel(_ field: String, member: Bool, _ l: Language) -> String {
        switch field {
        case "volunteer": return l.pick("người đến hộ", "visited by")
        case "outcome": return l.pick("kết quả", "outcome")
        case "help": return l.pick("đã hỗ trợ", "help given")
        case "procedure": return l.pick("thủ tục", "procedure")
        case "followUp": return l.pick("hẹn lại", "follow up")
        case "into": return l.pick("gộp vào hộ", "merged into")
        case "target": return l.pick("nhắm tới ghi nhận", "acts on record")
        case "reason": return l.pick("lý do", "reason")
        case "newCommune": return l.pick("thuộc xã (2025)", "counts for (2025)")
        case "consent" where !member: return fieldName(.household, field, l)
        default:
            let household = fieldName(.household, field, l)
            return member || household == field ? fieldName(.member, field, l) : household
        }
    }

    static func detailValue(_ field: String, _ value: String, _ l: Language) -> String {
        switch field {
        case "consent": return (value == "true").yesNo(l)
        case "outcome": return VisitOutcome(rawValue: value)?.text(l) ?? value
        case "sex": return Sex(rawValue: value)?.text(l) ?? value
        case "status": return MemberStatus(rawValue: value)?.text(l) ?? value
        case "help": return value.split(separator: ",").map { Help(rawValue: String($0))?.text(l) ?? String($0) }.joined(separator: ", ")
        case "followUp": return LocalDate(value)?.vietnamese ?? value
        case "into": return String(value.prefix(ShortCode.shownLength))
        default: return value
        }
    }

    /// `vneid=level2,login=true` in words.
    static func observationText(_ value: String, _ l: Language) -> String {
        value.split(separator: ",").map { pair -> String in
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return String(pair) }
            let flag = (parts[1] == "true").yesNo(l)
            switch parts[0] {
            case "vneid": return "VNeID " + (VneidStatus(rawValue: parts[1])?.text(l) ?? parts[1])
            case "login": return l.pick("tự đăng nhập: ", "logs in: ") + flag
            case "dvctt": return l.pick("tự làm DVCTT: ", "online procedure: ") + flag
            case "paidOnline": return l.pick("thanh toán trực tuyến: ", "paid online: ") + flag
            case "smartphone": return l.pick("điện thoại thông minh: ", "smartphone: ") + flag
            default: return String(pair)
            }
        }.joined(separator: ", ")
    }
}
