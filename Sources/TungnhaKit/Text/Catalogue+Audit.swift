import Foundation

// The message catalogue: the audit's flags (their kinds, severities and reasons in plain words) and its refusals.

extension AuditFlag.Severity: Localized {
    public func text(_ l: Language) -> String {
        switch self {
        case .high: return l.pick("cao", "high")
        case .medium: return l.pick("vừa", "medium")
        case .low: return l.pick("thấp", "low")
        }
    }
}

extension AuditFlag.Kind: Localized {
    public func text(_ l: Language) -> String {
        switch self {
        case .speed: return l.pick("Quá nhiều hộ trong thời gian ngắn", "Too many households too fast")
        case .travel: return l.pick("Hai thôn cách nhau quá ít phút", "Villages too few minutes apart")
        case .night: return l.pick("Đến hộ ban đêm", "Visits at night")
        case .lateEntry: return l.pick("Nhập vào máy muộn", "Entered late")
        case .clock: return l.pick("Đồng hồ của máy sai", "Device clock wrong")
        case .flipFlop: return l.pick("Lúc có lúc không", "Back and forth")
        case .copiedPattern: return l.pick("Câu trả lời giống hệt nhau", "Identical answers")
        case .coveredNoAdult: return l.pick("Hộ đạt không có người đủ tuổi", "Covered without anyone old enough")
        case .repeatedPerson: return l.pick("Một người ở nhiều hộ", "One person in several households")
        case .ableShare: return l.pick("Tỷ lệ biết sử dụng cao bất thường", "Able share far above the rest")
        case .coverageJump: return l.pick("Hộ đạt tăng vọt trước ngày báo cáo", "Coverage jump before a reporting day")
        case .backcheckDisagrees: return l.pick("Kiểm tra lại không khớp", "Back-check disagrees")
        case .backcheckAgreement: return l.pick("Kiểm tra lại ít khi khớp", "Back-checks seldom agree")
        }
    }
}

extension Messages {
    /// Text from records (names, notes) made safe for a terminal: control and direction characters become "?".
    static func plain(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format: return "?"
            default: return scalar
            }
        }))
    }

    static func decimal(_ value: Double, _ l: Language, digits: Int = 1) -> String {
        let text = value == value.rounded() ? String(Int(value)) : String(format: "%.\(digits)f", value)
        return l == .vi ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    static func ability(_ name: String?, _ l: Language) -> String {
        switch name {
        case "vneid": return l.pick("tài khoản VNeID đã kích hoạt", "VNeID account activated")
        case "login": return l.pick("tự đăng nhập được", "logs in unaided")
        case "dvctt": return l.pick("đã tự làm thủ tục DVCTT", "completed an online procedure unaided")
        default: return name ?? ""
        }
    }

    /// An observation pattern (`AuditPattern.key`s joined by commas) in words.
    static func pattern(_ key: String, _ l: Language) -> String {
        let items = key.split(separator: ",").map { item -> String in
            let marks = Array(item)
            guard marks.count == 5 else { return String(item) }
            var parts: [String] = []
            let levels = [l.pick("chưa có", "none"), l.pick("chưa kích hoạt", "not activated"), l.pick("mức 1", "level 1"), l.pick("mức 2", "level 2")]
            if let index = Int(String(marks[0])), index < levels.count { parts.append("VNeID " + levels[index]) }
            let names = [l.pick("tự đăng nhập", "logs in"), l.pick("DVCTT", "online procedure"), l.pick("thanh toán", "paid online"), l.pick("điện thoại thông minh", "smartphone")]
            for (mark, name) in zip(marks.dropFirst(), names) where mark != "-" { parts.append(name + ": " + (mark == "1").yesNo(l)) }
            return parts.isEmpty ? l.pick("không xem gì", "nothing checked") : parts.joined(separator: ", ")
        }
        let distinct = items.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        if distinct.count == 1, items.count > 1 { return l.pick("\(items.count) người, mỗi người: ", "\(items.count) people, each: ") + distinct[0] }
        return items.joined(separator: "; ")
    }

    static func when(_ text: String?) -> String { text.flatMap { Moment(rfc3339: $0)?.display } ?? text ?? "" }

    /// Why a flag was raised, in plain words, with its figures and the rule it broke.
    public static func auditReason(_ flag: AuditFlag, rules: AuditRules, _ l: Language) -> String {
        let m = flag.measure
        let count = formatNumber(m.count, l)
        let total = m.total.map { formatNumber($0, l) } ?? ""
        let limit = decimal(m.limit, l)
        switch flag.kind {
        case .speed:
            return l.pick(
                "Ghi \(count) hộ \"gặp được\" trong vòng \(decimal(m.value ?? 0, l)) phút (\(when(m.from)) đến \(when(m.to))); một người khó hướng dẫn thật quá \(limit) hộ trong chừng ấy thời gian.",
                "Recorded \(count) households as met within \(decimal(m.value ?? 0, l)) minutes (\(when(m.from)) to \(when(m.to))); one person can hardly help more than \(limit) in that time.")
        case .travel:
            return l.pick(
                "\(count) lần hai lượt liền nhau ở hai thôn khác nhau cách nhau chưa đến \(limit) phút (ngắn nhất \(decimal(m.value ?? 0, l)) phút).",
                "\(count) times two visits in a row in different villages less than \(limit) minutes apart (shortest \(decimal(m.value ?? 0, l)) minutes).")
        case .night:
            return l.pick(
                "\(count) trong \(total) lượt đến hộ ghi vào ban đêm (từ \(rules.nightStartHour) giờ đến \(rules.nightEndHour) giờ sáng).",
                "\(count) of \(total) visits recorded at night (from \(rules.nightStartHour):00 to \(rules.nightEndHour):00).")
        case .lateEntry:
            return l.pick(
                "\(count) trong \(total) lượt được nhập vào máy hơn \(limit) giờ sau khi đến hộ (muộn nhất \(decimal((m.value ?? 0) / 24, l)) ngày).",
                "\(count) of \(total) visits were typed in more than \(limit) hours after they happened (the latest \(decimal((m.value ?? 0) / 24, l)) days after).")
        case .clock:
            return l.pick(
                "\(count) lượt có giờ không khớp: nhập sau khi lô chứa nó đã được ghi, hoặc đến hộ sau lúc nhập, quá \(limit) phút (lệch nhiều nhất \(decimal(m.value ?? 0, l)) phút). Kiểm tra ngày giờ của máy.",
                "\(count) visits whose times disagree: entered after the batch carrying them was written, or happening after they were entered, by more than \(limit) minutes (at most \(decimal(m.value ?? 0, l)) minutes). Check the device's date and time.")
        case .flipFlop:
            return l.pick(
                "Thành viên được ghi \"\(ability(m.label, l))\" lúc có lúc không: đổi \(count) lần qua \(total) lượt quan sát.",
                "The member is recorded as \"\(ability(m.label, l))\" back and forth: \(count) changes over \(total) observations.")
        case .copiedPattern:
            return l.pick(
                "\(count) hộ có câu trả lời giống hệt nhau (\(formatPercent(percent: (m.value ?? 0) * 100, l)) số lượt có quan sát của người này): \(pattern(m.label ?? "", l)).",
                "\(count) households with identical answers (\(formatPercent(percent: (m.value ?? 0) * 100, l)) of this person's visits that observed someone): \(pattern(m.label ?? "", l)).")
        case .coveredNoAdult:
            return l.pick(
                "Hộ được tính là hộ đạt nhưng không có thành viên nào từ \(limit) tuổi (người lớn nhất \(count) tuổi).",
                "The household counts as covered but has no member aged \(limit) or over (the oldest is \(count)).")
        case .repeatedPerson:
            return l.pick(
                "\(plain(m.label ?? "")), sinh năm \(Int(m.value ?? 0)), có mặt ở \(count) hộ của \(plain(flag.village ?? "thôn")) (danh sách hộ trùng chỉ ghép từng cặp hộ).",
                "\(plain(m.label ?? "")), born \(Int(m.value ?? 0)), appears in \(count) households of \(plain(flag.village ?? "the village")) (the duplicates list only pairs households).")
        case .ableShare:
            return l.pick(
                "\(formatPercent(percent: m.value ?? 0, l)) số thành viên người này quan sát biết sử dụng (\(count)/\(total)), so với \(formatPercent(percent: m.reference ?? 0, l)) ở những người khác của xã: cao hơn \(decimal((m.value ?? 0) - (m.reference ?? 0), l)) điểm.",
                "\(formatPercent(percent: m.value ?? 0, l)) of the members this person observed are able (\(count)/\(total)), against \(formatPercent(percent: m.reference ?? 0, l)) for the commune's others: \(decimal((m.value ?? 0) - (m.reference ?? 0), l)) points above.")
        case .coverageJump:
            let from = LocalDate(m.from ?? "")?.vietnamese ?? "", to = LocalDate(m.to ?? "")?.vietnamese ?? ""
            let who = m.label.map { l.pick("; nhiều nhất do \(plain($0)) ghi", "; most recorded by \(plain($0))") } ?? ""
            guard let factor = m.value else {
                return l.pick(
                    "\(count) hộ thành hộ đạt từ \(from) đến ngày báo cáo \(to), trong khi \(rules.jumpWeeksBefore) tuần trước đó không có hộ nào\(who).",
                    "\(count) households became covered from \(from) to the reporting day \(to), against none in the \(rules.jumpWeeksBefore) weeks before\(who).")
            }
            return l.pick(
                "\(count) hộ thành hộ đạt từ \(from) đến ngày báo cáo \(to): gấp \(decimal(factor, l)) lần mức thường (\(decimal(m.reference ?? 0, l)) hộ mỗi \(rules.jumpDays) ngày)\(who).",
                "\(count) households became covered from \(from) to the reporting day \(to): \(decimal(factor, l)) times the usual (\(decimal(m.reference ?? 0, l)) households per \(rules.jumpDays) days)\(who).")
        case .backcheckDisagrees:
            let member = String((flag.member ?? "").prefix(ShortCode.shownLength))
            return l.pick(
                "Lượt kiểm tra lại không thấy điều lượt đầu đã ghi: \(ability(m.label, l)) (thành viên \(member)); \(count) điểm không khớp trong \(total) điểm so được. Hộ vẫn tính theo lượt mới nhất.",
                "The back-check did not find what the first visit recorded: \(ability(m.label, l)) (member \(member)); \(count) of \(total) points compared disagree. The household counts by the latest visit.")
        case .backcheckAgreement:
            return l.pick(
                "Chỉ \(count) trong \(total) lượt kiểm tra lại khớp với lượt đến hộ của người này (\(formatPercent(percent: (m.value ?? 0) * 100, l)); cần ít nhất \(formatPercent(percent: m.limit * 100, l))).",
                "Only \(count) of \(total) back-checks agreed with this person's visits (\(formatPercent(percent: (m.value ?? 0) * 100, l)); at least \(formatPercent(percent: m.limit * 100, l)) expected).")
        }
    }

    /// Who or what a flag is about: the volunteer and their device, the device, the household.
    public static func auditSubject(_ flag: AuditFlag, _ l: Language) -> String {
        let device = flag.deviceLabel.map(plain) ?? flag.device.map(device)
        if let volunteer = flag.volunteer { return plain(volunteer) + (device.map { " (\($0))" } ?? "") }
        if let household = flag.household { return l.pick("hộ ", "household ") + household.prefix(ShortCode.shownLength) }
        if let device { return l.pick("máy ", "device ") + device }
        return AdminUnits.shared.commune(CommuneRef(code: flag.commune, scheme: flag.scheme))?.name ?? flag.commune
    }
}

extension AuditError {
    public func text(_ l: Language) -> String {
        switch self {
        case .rulesUnreadable(let path):
            return l.pick(
                "Không đọc được tệp quy tắc \(path). Kiểm tra đường dẫn; tệp mẫu có mọi quy tắc với giá trị mặc định: docs/audit-rules.json",
                "Cannot read the rules file \(path). Check the path; a sample with every rule at its default is docs/audit-rules.json")
        case .rulesNotJSON(let path):
            return l.pick(
                "Tệp quy tắc \(path) không phải JSON dạng {\"tên quy tắc\": giá trị, …}. Xem tệp mẫu: docs/audit-rules.json",
                "The rules file \(path) is not JSON of the form {\"rule name\": value, …}. See the sample: docs/audit-rules.json")
        case .unknownRule(let path, let name, let known):
            let close = Suggestions.closest(to: name, among: known, limit: 2)
            return l.pick(
                "Tệp quy tắc \(path) có mục \"\(Messages.plain(name))\" không có trong danh sách quy tắc.\(close.isEmpty ? "" : " Có phải: \(close.joined(separator: ", "))?") Các quy tắc và giá trị mặc định: docs/audit-rules.json",
                "The rules file \(path) has an entry \"\(Messages.plain(name))\" that is not a rule.\(close.isEmpty ? "" : " Did you mean: \(close.joined(separator: ", "))?") The rules and their defaults: docs/audit-rules.json")
        case .ruleOutOfRange(let path, let name, let allowed):
            return l.pick(
                "Quy tắc \"\(name)\" trong \(path) phải là \(allowed). Sửa tệp rồi chạy lại.",
                "The rule \"\(name)\" in \(path) must be \(allowed). Correct the file and run again.")
        case .flagNotFound(let code):
            return l.pick(
                "Không có dấu hiệu nào mã \(Messages.plain(code)). Xem các dấu hiệu và mã của chúng: tungnha audit",
                "No flag has the code \(Messages.plain(code)). See the flags and their codes: tungnha audit")
        case .flagAmbiguous(let code, let candidates):
            return l.pick(
                "Mã \(Messages.plain(code)) khớp \(candidates.count) dấu hiệu: \(candidates.joined(separator: ", ")). Gõ thêm vài ký tự của mã.",
                "The code \(Messages.plain(code)) matches \(candidates.count) flags: \(candidates.joined(separator: ", ")). Type a few more characters of it.")
        case .flagCodeTooShort(let code):
            return l.pick(
                "\"\(Messages.plain(code))\" quá ngắn: gõ ít nhất 4 ký tự đầu của mã dấu hiệu (tungnha audit in mã ở đầu mỗi dấu hiệu).",
                "\"\(Messages.plain(code))\" is too short: type at least the first 4 characters of the flag's code (tungnha audit prints it first on each flag).")
        case .reviewOnGatheringOnly:
            return l.pick(
                "Cán bộ xem xét dấu hiệu trên máy tổng hợp của xã hoặc của tỉnh, không trên máy của tổ. Trên máy này, xem dấu hiệu của chính máy: tungnha audit",
                "Flags are reviewed by an officer on the gathering machine of the commune or province, not on a team's laptop. Here, see this laptop's own flags: tungnha audit")
        case .noteMissing:
            return l.pick(
                "Cần một ghi chú: đã kiểm tra gì và kết luận gì. Ví dụ: tungnha review 7K2Q --note \"Đã gọi lại 5 hộ: đúng có người đến\"",
                "A note is needed: what was checked and what was found. For example: tungnha review 7K2Q --note \"Called 5 households back: the visits happened\"")
        case .backcheckNotAVisit(let record):
            return l.pick(
                "\(Messages.plain(record)) không phải một lượt đến hộ của hộ này. Lượt cần kiểm tra lại có trong danh sách rút mẫu (tungnha backcheck draw) hoặc trong tungnha household history MÃ_HỘ.",
                "\(Messages.plain(record)) is not a visit of this household. The visit to check again is in the drawn list (tungnha backcheck draw) or in tungnha household history CODE.")
        case .backcheckOfBackcheck(let record):
            return l.pick(
                "\(Messages.plain(record)) đã là một lượt kiểm tra lại. Hãy kiểm tra lại lượt đến hộ ban đầu (xem: tungnha household history MÃ_HỘ).",
                "\(Messages.plain(record)) is itself a back-check. Check the original visit again (see: tungnha household history CODE).")
        case .rateOutOfRange(let text):
            return l.pick(
                "Tỷ lệ rút mẫu \"\(Messages.plain(text))\" không dùng được: ghi từ 1% đến 100%, ví dụ --rate 10%.",
                "The sample rate \"\(Messages.plain(text))\" cannot be used: give 1% to 100%, for example --rate 10%.")
        case .unknownCommune(let code):
            return l.pick(
                "Kho này không có hộ nào của xã \(Messages.plain(code)). Xem các xã trong kho: tungnha report",
                "This store has no household of commune \(Messages.plain(code)). See the communes it holds: tungnha report")
        }
    }
}
