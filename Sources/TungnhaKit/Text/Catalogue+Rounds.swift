// The message catalogue: follow-up lists, on screen and on paper for the rounds door to door.

extension CoverageRule.Gap {
    /// What is missing, in a few words, under a "Còn thiếu" (missing) heading.
    public func short(_ l: Language) -> String {
        switch self {
        case .noMembers: return l.pick("ghi thành viên", "members recorded")
        case .noAccount: return l.pick("tài khoản VNeID", "VNeID account")
        case .notActivated: return l.pick("kích hoạt VNeID", "VNeID activation")
        case .cannotLogIn: return l.pick("tự đăng nhập", "logging in")
        case .noProcedure: return l.pick("tự làm DVCTT", "an online procedure")
        }
    }
}

extension Messages {
    /// "Phường Phủ Lý", or "Phường Quang Trung (mã cũ)" for a pre-2025 commune.
    public static func communeLabel(_ code: String, _ scheme: Scheme, _ l: Language) -> String {
        (AdminUnits.shared.commune(CommuneRef(code: code, scheme: scheme))?.name ?? code) + (scheme == .pre2025 ? l.pick(" (mã cũ)", " (old code)") : "")
    }

    /// The head where the household consented, else the name from this machine's register, else the address.
    public static func followupName(_ item: Followup, _ l: Language) -> String {
        item.headName ?? item.registerName.map { registerNameShown($0, l) } ?? l.pick("(không ghi tên)", "(no name)")
    }

    public static func followupPhone(_ item: Followup) -> String? { item.phone ?? item.registerPhone }

    public static func followupMissing(_ item: Followup, _ l: Language) -> String {
        item.visits == 0 ? l.pick("chưa đến lần nào", "never visited") : item.gaps.map { $0.short(l) }.joined(separator: ", ")
    }

    public static func followupDue(_ item: Followup, today: LocalDate, _ l: Language) -> String {
        guard let due = item.followUp.flatMap(LocalDate.init) else { return "" }
        if due < today { return due.vietnamese + l.pick(" (quá hạn)", " (overdue)") }
        return due.vietnamese + (due == today ? l.pick(" (đến hạn hôm nay)", " (due today)") : "")
    }

    public static func followups(_ list: FollowupList, today: LocalDate, _ l: Language) -> String {
        let all = list.revisit + list.neverVisited
        let several = Set(all.map { "\($0.scheme.rawValue)|\($0.commune)" }).count > 1
        func table(_ items: [Followup], visited: Bool) -> [String] {
            guard !items.isEmpty else { return ["  " + l.pick("không có", "none")] }
            var headers = [l.pick("Mã", "Code"), l.pick("Hộ", "Household"), l.pick("Địa chỉ", "Address"), l.pick("Thôn/Tổ dân phố", "Village")]
            if several { headers.append(l.pick("Xã/Phường", "Commune")) }
            if visited { headers += [l.pick("Còn thiếu", "Missing"), l.pick("Lần đến cuối", "Last visit"), l.pick("Hẹn lại", "Follow-up")] }
            var table = TextTable(headers: headers)
            table.rows = items.map { item in
                var cells = [item.shortCode, followupName(item, l), item.address ?? "", item.village]
                if several { cells.append(communeLabel(item.commune, item.scheme, l)) }
                if visited {
                    cells += [
                        followupMissing(item, l), item.lastVisit.flatMap { Moment(rfc3339: $0)?.vietnamDate.vietnamese } ?? "",
                        followupDue(item, today: today, l),
                    ]
                }
                return cells
            }
            return table.render().split(separator: "\n").map { "  " + $0 }
        }
        var lines = [l.pick("Cần đến lại (\(list.revisit.count) hộ chưa đạt):", "To visit again (\(list.revisit.count) households not covered):")]
        lines += table(list.revisit, visited: true)
        lines.append("")
        lines.append(l.pick("Chưa đến (\(list.neverVisited.count) hộ):", "Never visited (\(list.neverVisited.count) households):"))
        lines += table(list.neverVisited, visited: false)
        lines.append("")
        lines.append(l.pick(
            "In danh sách mang đi từng nhà: tungnha followups --format html --out danh-sach.html",
            "Print a list to take door to door: tungnha followups --format html --out list.html"))
        lines.append(l.pick("Ghi lại khi đến: tungnha visit MÃ --outcome met --member MÃ_TV:vneid=2,login=yes,dvctt=yes", "Record each visit: tungnha visit CODE --outcome met --member MEMBER:vneid=2,login=yes,dvctt=yes"))
        return lines.joined(separator: "\n")
    }

    // MARK: On paper

    public static func roundsTitle(_ l: Language) -> String { l.pick("DANH SÁCH HỘ CẦN ĐẾN", "HOUSEHOLDS TO VISIT") }
    public static func roundsSubtitle(village: String, commune: String, _ l: Language) -> String {
        l.pick("\(village) · \(commune)", "\(village) · \(commune)")
    }
    public static func roundsPrinted(_ date: LocalDate, count: Int, _ l: Language) -> String {
        l.pick("In ngày \(date.vietnamese) · \(count) hộ chưa đạt hoặc chưa đến", "Printed \(date.vietnamese) · \(count) households not covered or not visited")
    }
    public static func roundsWhoAndWhen(_ l: Language) -> String {
        l.pick("Người đi: ……………………………………  Ngày đi: ……/……/…………", "Visited by: ……………………………………  Date: ……/……/…………")
    }
    public static func roundsHeaders(_ l: Language) -> [String] {
        [
            l.pick("STT", "No."), l.pick("Mã hộ", "Code"), l.pick("Chủ hộ", "Head"), l.pick("Địa chỉ", "Address"), l.pick("Điện thoại", "Phone"),
            l.pick("Còn thiếu", "Missing"), l.pick("Lần đến cuối", "Last visit"), l.pick("Hẹn lại", "Follow-up"), l.pick("Đã đến", "Done"),
            l.pick("Ghi chú", "Notes"),
        ]
    }
    public static func roundsFooter(_ l: Language) -> String {
        l.pick(
            "Về nhà ghi lại từng hộ đã đến: tungnha visit MÃ_HỘ --outcome met|absent|refused|moved --member MÃ_TV:vneid=2,login=yes,dvctt=yes. Tên và số điện thoại chỉ in khi hộ đồng ý ghi tên, hoặc theo sổ hộ của xã trên máy này (đánh dấu \"sổ hộ\").",
            "Back at the laptop, record each household visited: tungnha visit CODE --outcome met|absent|refused|moved --member MEMBER:vneid=2,login=yes,dvctt=yes. Names and phones are printed only with the household's consent, or from the commune's register on this machine (marked \"register\").")
    }
    public static func roundsEmpty(_ l: Language) -> String {
        l.pick("Không còn hộ nào cần đến: mọi hộ đã ghi đều đã đạt.", "No household to visit: every household recorded is covered.")
    }

    public static func followupsCSVHeaders(_ l: Language) -> [String] {
        [
            l.pick("Xã/Phường", "Commune"), l.pick("Mã xã", "Commune code"), l.pick("Thôn/Tổ dân phố", "Village"), l.pick("Mã hộ", "Household code"),
            l.pick("Chủ hộ", "Head"), l.pick("Địa chỉ", "Address"), l.pick("Điện thoại", "Phone"), l.pick("Còn thiếu", "Missing"),
            l.pick("Số lượt đã đến", "Visits"), l.pick("Lần đến cuối", "Last visit"), l.pick("Hẹn lại", "Follow-up"), l.pick("Đã đến", "Done"),
            l.pick("Ghi chú", "Notes"),
        ]
    }
    public static func followupsWritten(_ path: String, _ l: Language) -> String { l.pick("Đã ghi danh sách vào \(path).", "Wrote the list to \(path).") }
}
