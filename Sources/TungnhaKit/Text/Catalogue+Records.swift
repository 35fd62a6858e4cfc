// The message catalogue: what the volunteer's commands print.

public enum Messages {
    public static func initialized(_ identity: DeviceIdentity, path: String, created: Bool, _ l: Language) -> String {
        let head = created
            ? l.pick("Đã thiết lập \(identity.describe(l)).", "Set up \(identity.describe(l)).")
            : l.pick(
                "Máy này đã được thiết lập từ trước: \(identity.describe(l)). Không có gì thay đổi.",
                "This machine was already set up: \(identity.describe(l)). Nothing was changed.")
        let next = identity.nextAfterInit(l)
        return head + "\n" + l.pick("Kho dữ liệu: ", "Store: ") + path + "\n" + next
    }

    public static func villageAdded(_ village: VillageView, _ l: Language) -> String {
        l.pick(
            "Đã thêm thôn/tổ dân phố \"\(village.name)\".\nTiếp theo, ghi hộ: tungnha household add --village \"\(village.name)\" --head \"TÊN CHỦ HỘ\" --address \"ĐỊA CHỈ\"",
            "Added the village \"\(village.name)\".\nNext, register a household: tungnha household add --village \"\(village.name)\" --head \"NAME\" --address \"ADDRESS\"")
    }

    public static func villageAssigned(_ village: VillageView, _ l: Language) -> String {
        let unit = village.newCommune.flatMap { AdminUnits.shared.commune(CommuneRef(code: $0, scheme: .y2025)) }
        return l.pick(
            "Từ nay các hộ của \"\(village.name)\" được tính cho \(unit?.line(l) ?? village.newCommune ?? "").",
            "The households of \"\(village.name)\" now count for \(unit?.line(l) ?? village.newCommune ?? "").")
    }

    public static func villages(_ villages: [VillageView], _ l: Language) -> String {
        guard !villages.isEmpty else {
            return l.pick("Chưa có thôn/tổ dân phố nào. Thêm: tungnha village add \"Thôn 1\"", "No village yet. Add one: tungnha village add \"Thôn 1\"")
        }
        var table = TextTable(
            headers: [l.pick("Thôn/Tổ dân phố", "Village"), l.pick("Hộ", "Households"), l.pick("Tính cho xã (2025)", "Counts for (2025)")],
            alignments: [.left, .right, .left])
        table.rows = villages.map { [$0.name, String($0.households), $0.newCommune ?? ""] }
        return table.render()
    }

    public static func householdName(_ summary: HouseholdSummary, _ l: Language) -> String {
        summary.headName ?? summary.registerName.map { registerNameShown($0, l) }
            ?? summary.address.map { l.pick("(không ghi tên) ", "(no name) ") + $0 } ?? l.pick("(không ghi tên)", "(no name)")
    }

    /// A name known only from the commune's register on this machine, marked so.
    public static func registerNameShown(_ name: String, _ l: Language) -> String { name + l.pick(" (sổ hộ)", " (register)") }

    public static func householdAdded(_ summary: HouseholdSummary, _ l: Language) -> String {
        l.pick(
            "Đã ghi hộ \(summary.shortCode): \(householdName(summary, l)), \(summary.village).\nTiếp theo, thêm thành viên: tungnha member add \(summary.shortCode) --name \"TÊN\" --birth-year NĂM_SINH",
            "Registered household \(summary.shortCode): \(householdName(summary, l)), \(summary.village).\nNext, add its members: tungnha member add \(summary.shortCode) --name \"NAME\" --birth-year YEAR")
            + (summary.headName == nil ? l.pick(" (không ghi tên: bỏ --name)", " (no names: leave out --name)") : "")
    }

    public static func householdEdited(_ summary: HouseholdSummary, _ l: Language) -> String {
        l.pick(
            "Đã sửa thông tin hộ \(summary.shortCode). Xem lại: tungnha household show \(summary.shortCode)",
            "Changed household \(summary.shortCode). See it: tungnha household show \(summary.shortCode)")
    }

    public static func householdsMerged(keep: HouseholdSummary, other: String, _ l: Language) -> String {
        l.pick(
            "Đã ghi nhận hộ \(other) là cùng một nhà với hộ \(keep.shortCode). Thành viên và các lượt đến hộ của \(other) từ nay được tính cho \(keep.shortCode); mọi báo cáo chỉ đếm nhà này một lần.\nXem: tungnha household show \(keep.shortCode)",
            "Recorded that \(other) is the same house as \(keep.shortCode). Its members and visits now count for \(keep.shortCode), and every report counts the house once.\nSee: tungnha household show \(keep.shortCode)")
    }

    public static func memberAdded(_ member: MemberView, household: String, _ l: Language) -> String {
        let who = member.name ?? l.pick("(không ghi tên)", "(no name)")
        return l.pick(
            "Đã thêm thành viên \(member.shortCode): \(who), sinh năm \(member.birthYear).\nKhi đến hộ, ghi những gì thấy được: tungnha visit \(household) --outcome met --member \(member.shortCode):vneid=2,login=yes,dvctt=yes",
            "Added member \(member.shortCode): \(who), born \(member.birthYear).\nAt a visit, record what you see: tungnha visit \(household) --outcome met --member \(member.shortCode):vneid=2,login=yes,dvctt=yes")
    }

    public static func memberEdited(_ member: MemberView, _ l: Language) -> String {
        l.pick("Đã sửa thông tin thành viên \(member.shortCode).", "Changed member \(member.shortCode).")
    }

    public static func visitRecorded(_ visit: VisitView, household: HouseholdDetail, _ l: Language) -> String {
        let when = Moment(rfc3339: visit.at)?.display ?? visit.at
        var text = l.pick(
            "Đã ghi lượt đến hộ \(household.household.shortCode) lúc \(when) (\(visit.outcome.text(l))).",
            "Recorded the visit to \(household.household.shortCode) at \(when) (\(visit.outcome.text(l))).")
        text += "\n" + coverageLine(household, l)
        return text
    }

    /// "Hộ đã có người biết sử dụng" or what the closest member still lacks, with the next step.
    public static func coverageLine(_ detail: HouseholdDetail, _ l: Language) -> String {
        let code = detail.household.shortCode
        if detail.household.covered {
            let who = detail.members.first { $0.code == detail.closestMember }
            let name = who.map { ($0.name ?? l.pick("thành viên", "member")) + " (\($0.shortCode))" } ?? ""
            return l.pick("✓ Hộ đã có người biết sử dụng: \(name).", "✓ Covered: \(name) can use VNeID and online public services unaided.")
        }
        let gaps = detail.gaps.map { $0.text(l) }.joined(separator: "; ")
        guard let closest = detail.members.first(where: { $0.code == detail.closestMember }) else {
            return l.pick(
                "✗ Hộ chưa có người biết sử dụng: \(gaps). Thêm thành viên: tungnha member add \(code) --birth-year NĂM_SINH",
                "✗ Not covered: \(gaps). Add members: tungnha member add \(code) --birth-year YEAR")
        }
        let who = (closest.name ?? l.pick("thành viên", "member")) + " (\(closest.shortCode))"
        return l.pick(
            "✗ Hộ chưa có người biết sử dụng. Người gần đạt nhất: \(who), còn thiếu: \(gaps).",
            "✗ Not covered. Closest member: \(who), who still lacks: \(gaps).")
    }

    public static func householdTable(_ households: [HouseholdSummary], _ l: Language) -> String {
        guard !households.isEmpty else { return l.pick("Không có hộ nào.", "No households.") }
        // Households of several communes (a gathering machine): the commune beside each village.
        let several = Set(households.map { "\($0.scheme.rawValue)|\($0.commune)" }).count > 1
        var table = TextTable(
            headers: [l.pick("Mã", "Code"), l.pick("Chủ hộ / địa chỉ", "Head / address"), l.pick("Thôn/Tổ dân phố", "Village")]
                + (several ? [l.pick("Xã/Phường", "Commune")] : [])
                + [l.pick("Thành viên", "Members"), l.pick("Lượt đến", "Visits"), l.pick("Đạt", "Covered"), l.pick("Hẹn lại", "Follow-up")],
            alignments: [.left, .left, .left] + (several ? [.left] : []) + [.right, .right, .left, .left])
        table.rows = households.map { household in
            [household.shortCode, householdName(household, l), household.village]
                + (several ? [communeLabel(household.commune, household.scheme, l)] : [])
                + [
                    String(household.members), String(household.visits),
                    household.moved ? l.pick("chuyển đi", "moved") : (household.covered ? "✓" : "✗"),
                    household.followUp.flatMap(LocalDate.init)?.vietnamese ?? "",
                ]
        }
        return table.render() + "\n" + l.pick("\(households.count) hộ.", "\(households.count) households.")
    }

    public static func householdDetail(_ detail: HouseholdDetail, _ l: Language) -> String {
        let summary = detail.household
        var lines: [String] = []
        lines.append(l.pick("Hộ ", "Household ") + summary.shortCode + "  " + householdName(summary, l))
        let commune = AdminUnits.shared.commune(CommuneRef(code: summary.commune, scheme: summary.scheme))
        lines.append("  " + l.pick("Thôn/Tổ dân phố: ", "Village: ") + summary.village + " · " + l.pick("Xã/Phường: ", "Commune: ") + (commune?.name ?? summary.commune) + " (\(summary.commune))")
        if let address = summary.address { lines.append("  " + l.pick("Địa chỉ: ", "Address: ") + address) }
        if let phone = detail.phone { lines.append("  " + l.pick("Điện thoại: ", "Phone: ") + phone) }
        if let name = summary.registerName {
            lines.append("  " + l.pick(
                "Theo sổ hộ của xã (chỉ ở máy này, không gửi đi cho đến khi hộ đồng ý ghi tên): ", "From the commune's register (on this machine only, not sent until the household agrees to names): ")
                + name + (summary.registerPhone.map { ", " + $0 } ?? ""))
        }
        if let count = detail.declaredMembers { lines.append("  " + l.pick("Số nhân khẩu khai: ", "Members declared: ") + String(count)) }
        lines.append("  " + l.pick("Đồng ý ghi tên: ", "Agrees to names being kept: ") + detail.consent.yesNo(l))
        if let note = detail.note { lines.append("  " + l.pick("Ghi chú: ", "Note: ") + note) }
        lines.append("  " + l.pick("Ghi hộ lúc: ", "Registered: ") + (Moment(rfc3339: detail.registeredAt)?.display ?? detail.registeredAt))
        if !detail.mergedFrom.isEmpty {
            lines.append("  " + l.pick("Gộp từ các bản ghi trùng: ", "Merged duplicates: ") + detail.mergedFrom.joined(separator: ", "))
        }
        if summary.moved { lines.append(l.pick("Hộ đã chuyển đi (theo lượt đến hộ gần nhất); không tính vào báo cáo.", "The household has moved away (latest visit); reports leave it out.")) }
        lines.append("")
        lines.append(coverageLine(detail, l))
        lines.append("")
        lines.append(l.pick("Thành viên (\(detail.members.count)):", "Members (\(detail.members.count)):"))
        if detail.members.isEmpty {
            lines.append("  " + l.pick("chưa có", "none yet"))
        } else {
            var table = TextTable(headers: [
                l.pick("Mã", "Code"), l.pick("Tên", "Name"), l.pick("Năm sinh", "Born"), l.pick("Quan hệ", "Relation"), "VNeID",
                l.pick("Tự đăng nhập", "Logs in"), "DVCTT", l.pick("Thanh toán trực tuyến", "Paid online"), l.pick("Điện thoại thông minh", "Smartphone"),
                l.pick("Biết sử dụng", "Able"),
            ])
            table.rows = detail.members.map { member in
                var name = member.name ?? "—"
                if member.status != .present { name += " (\(member.status.text(l)))" }
                return [
                    member.shortCode, name, String(member.birthYear), member.relation ?? "", member.vneid?.text(l) ?? "—",
                    member.login.yesNo(l), member.dvctt.yesNo(l), member.paidOnline.yesNo(l), member.smartphone.yesNo(l),
                    member.able ? "✓" : "✗",
                ]
            }
            lines += table.render().split(separator: "\n").map { "  " + $0 }
        }
        lines.append("")
        lines.append(l.pick("Lượt đến hộ (\(detail.visits.count)):", "Visits (\(detail.visits.count)):"))
        for visit in detail.visits {
            var line = "  " + (Moment(rfc3339: visit.at)?.display ?? visit.at) + "  " + visit.volunteer + "  " + visit.outcome.text(l)
            if !visit.help.isEmpty { line += "  · " + visit.help.map { $0.text(l) }.joined(separator: ", ") }
            if let procedure = visit.procedure { line += " (\(procedure))" }
            if let date = visit.followUp.flatMap(LocalDate.init) { line += "  · " + l.pick("hẹn lại ", "follow up ") + date.vietnamese }
            if let note = visit.note { line += "  · " + note }
            lines.append(line)
        }
        if detail.visits.isEmpty { lines.append("  " + l.pick("chưa có", "none yet")) }
        if !detail.conflicts.isEmpty {
            lines.append("")
            lines.append(l.pick(
                "Có \(detail.conflicts.count) chỗ hai máy ghi khác nhau, cần người xác nhận: tungnha conflicts",
                "\(detail.conflicts.count) field(s) were changed differently on two devices and need confirming: tungnha conflicts"))
        }
        lines.append("")
        if summary.moved {
            lines.append(l.pick("Xem các ghi nhận: tungnha household history \(summary.shortCode)", "See its records: tungnha household history \(summary.shortCode)"))
        } else if !summary.covered {
            let member = detail.members.first { $0.code == detail.closestMember }?.shortCode ?? "MÃ"
            lines.append(l.pick(
                "Lần đến sau, ghi lại: tungnha visit \(summary.shortCode) --outcome met --member \(member):vneid=2,login=yes,dvctt=yes",
                "At the next visit, record: tungnha visit \(summary.shortCode) --outcome met --member \(member):vneid=2,login=yes,dvctt=yes"))
        }
        return lines.joined(separator: "\n")
    }
}
