import Foundation

// The message catalogue: the back-check sample, as the terminal shows it and as CSV.

extension AuditFlag {
    /// The flag with its reason in words, for JSON.
    public func worded(_ rules: AuditRules, _ l: Language) -> AuditFlag {
        var copy = self
        copy.reason = Messages.auditReason(self, rules: rules, l)
        return copy
    }
}

extension Messages {
    public static func seedNotPositive(_ l: Language) -> String {
        l.pick("Hạt giống phải là số nguyên dương, ví dụ --seed 4821.", "The seed must be a positive whole number, such as --seed 4821.")
    }

    static func rateText(_ draw: BackcheckDraw, _ l: Language) -> String {
        formatPercent(percent: draw.rate * 100, l)
    }

    /// The sample: per volunteer, then the households to visit again, then how to record each re-visit.
    public static func backcheckDraw(_ draw: BackcheckDraw, _ l: Language) -> String {
        var lines: [String] = []
        let rate = rateText(draw, l)
        lines.append(l.pick(
            "Mẫu kiểm tra lại: \(formatNumber(draw.households.count, l)) hộ đạt của \(draw.volunteers.count) người đến hộ (\(rate) số hộ đạt của mỗi người, ít nhất \(draw.minimum)), hạt giống \(draw.seed). Rút lại đúng mẫu này: tungnha backcheck draw --seed \(draw.seed) --rate \(rate)",
            "Back-check sample: \(formatNumber(draw.households.count, l)) covered households of \(draw.volunteers.count) volunteers (\(rate) of each one's covered households, at least \(draw.minimum)), seed \(draw.seed). The same sample again: tungnha backcheck draw --seed \(draw.seed) --rate \(rate)"))
        guard !draw.households.isEmpty else {
            lines.append(l.pick(
                "Chưa có hộ đạt nào để kiểm tra lại. Gộp các lô của máy của tổ trước: tungnha merge THƯ_MỤC",
                "No covered household to check again yet. Merge the laptops' batches first: tungnha merge FOLDER"))
            return lines.joined(separator: "\n")
        }
        lines.append("")
        var volunteers = TextTable(
            headers: [l.pick("Người đến hộ", "Volunteer"), l.pick("Hộ đạt", "Covered"), l.pick("Rút", "Drawn")], alignments: [.left, .right, .right])
        for volunteer in draw.volunteers {
            volunteers.rows.append([
                plain(volunteer.volunteer) + " (" + plain(volunteer.deviceLabel ?? device(volunteer.device)) + ")", formatNumber(volunteer.covered, l),
                formatNumber(volunteer.drawn, l),
            ])
        }
        lines.append(volunteers.render())
        lines.append("")
        var households = TextTable(headers: backcheckHeaders(l).dropLast(3).map { $0 } + [l.pick("Đã kiểm tra lại", "Checked")])
        for household in draw.households {
            let cells = backcheckCells(household, l)
            households.rows.append(cells.prefix(cells.count - 3).map { $0.display(l) } + [household.checked.yesNo(l)])
        }
        lines.append(households.render())
        lines.append("")
        lines.append(l.pick(
            "Người giám sát đến lại từng hộ, hỏi lại những người biết sử dụng, rồi ghi trên máy của tổ: tungnha visit MÃ_HỘ --backcheck-of MÃ_LƯỢT --outcome gặp --by \"TÊN\" --member MÃ_TV:vneid=…,login=…,dvctt=… Sau khi gộp lô: tungnha audit so từng lượt kiểm tra lại với lượt đầu.",
            "The supervisor visits each household again, asks the members who are able, and records on a team laptop: tungnha visit CODE --backcheck-of VISIT --outcome met --by \"NAME\" --member MEMBER:vneid=…,login=…,dvctt=… Once the batch is merged, tungnha audit compares each back-check with the first visit."))
        return lines.joined(separator: "\n")
    }

    static func backcheckHeaders(_ l: Language) -> [String] {
        [
            l.pick("Thôn/Tổ dân phố", "Village"), l.pick("Hộ", "Household"), l.pick("Chủ hộ", "Head"), l.pick("Địa chỉ", "Address"),
            l.pick("Người đến hộ", "Volunteer"), l.pick("Lượt cần kiểm tra lại", "Visit to check"), l.pick("Ngày", "Day"),
            l.pick("Người biết sử dụng", "Able members"), l.pick("Mã xã", "Commune code"), l.pick("Máy", "Device"), l.pick("Mã lượt đầy đủ", "Full visit id"),
        ]
    }

    static func backcheckCells(_ household: BackcheckDraw.Household, _ l: Language) -> [SheetCell] {
        [
            .text(plain(household.village)), .code(String(household.code.prefix(ShortCode.shownLength))), household.headName.map { .text(plain($0)) } ?? .empty,
            household.address.map { .text(plain($0)) } ?? .empty, .text(plain(household.volunteer)), .code(EventRef.short(household.visit)),
            Moment(rfc3339: household.visitedAt).map { .date($0.vietnamDate) } ?? .empty,
            .text(household.ableMembers.map(plain).joined(separator: ", ")), .code(household.commune),
            .text(plain(household.deviceLabel ?? household.device)), .code(household.visit),
        ]
    }

    /// One row per household drawn, for a spreadsheet or a printed round.
    public static func backcheckCSV(_ draw: BackcheckDraw, _ l: Language) -> Data {
        let header = (backcheckHeaders(l) + [l.pick("Đã kiểm tra lại", "Checked")]).map(SheetCell.heading)
        let rows = draw.households.map { backcheckCells($0, l) + [.text($0.checked.yesNo(l))] }
        return CSVDialect.of(l).render([header] + rows)
    }
}
