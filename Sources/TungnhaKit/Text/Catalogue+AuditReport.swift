import Foundation

// The message catalogue: the audit as the terminal shows it, as CSV, and a review recorded.

extension AuditReport {
    /// The same report with each flag's reason in words, for JSON.
    public func worded(_ l: Language) -> AuditReport {
        var copy = self
        copy.flags = flags.map { flag in
            var flag = flag
            flag.reason = Messages.auditReason(flag, rules: rules, l)
            return flag
        }
        return copy
    }
}

extension Messages {
    /// The whole audit for a terminal: per commune, then each flag (at most `limit`, most serious first), the
    /// back-checks per volunteer, the rules used, and what to do next.
    public static func auditText(_ report: AuditReport, limit: Int?, _ l: Language) -> String {
        var lines: [String] = []
        let day = LocalDate(report.madeOn)?.vietnamese ?? report.madeOn
        lines.append(l.pick(
            "Kiểm tra cách ghi lượt đến hộ, ngày \(day): \(formatNumber(report.visits, l)) lượt đến hộ\(report.device == nil ? "" : " của máy này"). Dấu hiệu chỉ để xem xét, không làm thay đổi số liệu nào.",
            "Audit of how visits were recorded, \(day): \(formatNumber(report.visits, l)) visits\(report.device == nil ? "" : " of this laptop"). Flags are for review; they change no figure."))
        if report.visitsWithoutEntryTime > 0 {
            lines.append(l.pick(
                "\(formatNumber(report.visitsWithoutEntryTime, l)) lượt ghi trước khi máy lưu giờ nhập: không kiểm tra được giờ nhập của chúng.",
                "\(formatNumber(report.visitsWithoutEntryTime, l)) visits were recorded before the entry time was kept: their timing is not checked."))
        }
        lines.append("")
        var table = TextTable(
            headers: [
                l.pick("Xã/Phường", "Commune"), l.pick("Cao", "High"), l.pick("Vừa", "Medium"), l.pick("Thấp", "Low"),
                l.pick("Đã xem xét", "Reviewed"), l.pick("Kiểm tra lại: khớp/so được", "Back-checks: agreed/compared"),
                l.pick("Người cần xem", "Volunteers to look at"),
            ], alignments: [.left, .right, .right, .right, .right, .right, .left])
        for summary in report.communes {
            table.rows.append([
                summary.name + (summary.scheme == .pre2025 ? l.pick(" (trước 2025)", " (pre-2025)") : ""), formatNumber(summary.high, l),
                formatNumber(summary.medium, l), formatNumber(summary.low, l), formatNumber(summary.reviewed, l),
                "\(summary.backchecksAgreed)/\(summary.backchecksCompared)", summary.volunteers.prefix(3).map(plain).joined(separator: ", "),
            ])
        }
        lines.append(table.render())
        lines.append("")
        let shown = limit.map { Array(report.flags.prefix($0)) } ?? report.flags
        if report.flags.isEmpty { lines.append(l.pick("Không có dấu hiệu nào.", "No flags.")) }
        for flag in shown { lines += flagLines(flag, rules: report.rules, l) }
        if shown.count < report.flags.count {
            lines.append(l.pick(
                "… và \(formatNumber(report.flags.count - shown.count, l)) dấu hiệu khác: tungnha audit --all, hoặc --format csv --out dau-hieu.csv",
                "… and \(formatNumber(report.flags.count - shown.count, l)) more: tungnha audit --all, or --format csv --out flags.csv"))
        }
        if !report.backchecks.isEmpty {
            lines.append("")
            lines.append(l.pick("Kiểm tra lại, theo người đến hộ:", "Back-checks, by volunteer:"))
            var checks = TextTable(
                headers: [l.pick("Người đến hộ", "Volunteer"), l.pick("Lượt kiểm tra lại", "Back-checks"), l.pick("So được", "Compared"), l.pick("Khớp", "Agreed"), l.pick("Tỷ lệ khớp", "Agreement")],
                alignments: [.left, .right, .right, .right, .right])
            for row in report.backchecks {
                checks.rows.append([
                    plain(row.volunteer) + " (" + plain(row.deviceLabel ?? device(row.device)) + ")", String(row.backchecks), String(row.compared),
                    String(row.agreed), formatPercent(row.rate, l),
                ])
            }
            lines.append(checks.render())
        }
        lines.append("")
        lines.append(l.pick("Quy tắc đã dùng (đổi bằng --rules TỆP.json; xem docs/audit.md):", "Rules used (change them with --rules FILE.json; see docs/audit.md):"))
        lines.append("  " + report.rules.listed.map { "\($0.name)=\($0.value)" }.joined(separator: " · "))
        lines.append("")
        lines.append(l.pick(
            "Tiếp theo: xem các ghi nhận của một hộ: tungnha household history MÃ_HỘ · đánh dấu đã xem xét: tungnha review MÃ_DẤU_HIỆU --note \"ĐÃ LÀM GÌ\" · rút mẫu hộ để đi kiểm tra lại: tungnha backcheck draw",
            "Next: a household's records: tungnha household history CODE · mark a flag reviewed: tungnha review FLAG --note \"WHAT WAS DONE\" · draw households to check again: tungnha backcheck draw"))
        return lines.joined(separator: "\n")
    }

    static func flagLines(_ flag: AuditFlag, rules: AuditRules, _ l: Language) -> [String] {
        let place = AdminUnits.shared.commune(CommuneRef(code: flag.commune, scheme: flag.scheme))?.name ?? flag.commune
        var lines = ["[\(flag.severity.text(l))] \(flag.code)  \(flag.kind.text(l)) — \(auditSubject(flag, l)), \(place)"]
        lines.append("    " + auditReason(flag, rules: rules, l))
        if !flag.events.isEmpty {
            let shown = flag.events.prefix(6).map(EventRef.short).joined(separator: ", ")
            lines.append("    " + l.pick("Ghi nhận", "Records") + " (\(formatNumber(flag.eventCount, l))): " + shown + (flag.eventCount > 6 ? ", …" : ""))
        }
        if let review = flag.review { lines.append("    " + reviewLine(review, flag: flag, l)) }
        return lines
    }

    static func reviewLine(_ review: AuditFlag.Review, flag: AuditFlag, _ l: Language) -> String {
        let since = flag.eventCount - review.events
        let more = since > 0 ? l.pick(" (có thêm \(since) ghi nhận từ đó)", " (\(since) more records since)") : ""
        return l.pick("Đã xem xét ", "Reviewed ") + when(review.at) + ": " + plain(review.note) + more
    }

    /// One row per flag, for a spreadsheet.
    public static func auditCSV(_ report: AuditReport, _ l: Language) -> Data {
        let header = [
            l.pick("Mã", "Code"), l.pick("Mức", "Severity"), l.pick("Loại", "Kind"), l.pick("Mã xã", "Commune code"), l.pick("Xã/Phường", "Commune"),
            l.pick("Người đến hộ", "Volunteer"), l.pick("Máy", "Device"), l.pick("Hộ", "Household"), l.pick("Lý do", "Reason"),
            l.pick("Số ghi nhận", "Records"), l.pick("Ghi nhận", "Record ids"), l.pick("Đã xem xét", "Reviewed"),
        ].map(SheetCell.heading)
        let rows = report.flags.map { flag -> [SheetCell] in
            let place = CommuneRef(code: flag.commune, scheme: flag.scheme)
            return [
                .code(flag.code), .text(flag.severity.text(l)), .text(flag.kind.text(l)), .code(flag.commune),
                .text(AdminUnits.shared.commune(place)?.name ?? flag.commune), flag.volunteer.map { .text(plain($0)) } ?? .empty,
                (flag.deviceLabel ?? flag.device).map { .text(plain($0)) } ?? .empty, flag.household.map(SheetCell.code) ?? .empty,
                .text(auditReason(flag, rules: report.rules, l)), .count(flag.eventCount), .text(flag.events.joined(separator: " ")),
                flag.review.map { .text(reviewLine($0, flag: flag, l)) } ?? .empty,
            ]
        }
        return CSVDialect.of(l).render([header] + rows)
    }

    public static func reviewRecorded(_ flag: AuditFlag, _ l: Language) -> String {
        l.pick(
            "Đã ghi việc xem xét dấu hiệu \(flag.code) (\(flag.kind.text(l)) — \(auditSubject(flag, l))). Số liệu không đổi; ghi nhận này được gửi đi như mọi ghi nhận khác. Xem lại: tungnha audit · rút lại việc xem xét: tungnha void \(EventRef.short(flag.review?.event ?? ""))",
            "Recorded the review of flag \(flag.code) (\(flag.kind.text(l)) — \(auditSubject(flag, l))). No figure changes; the review travels like any record. See: tungnha audit · withdraw it: tungnha void \(EventRef.short(flag.review?.event ?? ""))")
    }

    public static func auditProgressLabel(_ l: Language) -> String { l.pick("Đang kiểm tra", "Auditing") }
}

extension Messages {
    /// The demo's audit: flags by severity per commune, the serious ones, and the command to see them all.
    public static func demoAudit(_ audit: AuditReport, rules: String, province: String, _ l: Language) -> String {
        let count = { (severity: AuditFlag.Severity) in audit.flags.filter { $0.severity == severity }.count }
        var lines = [l.pick(
            "\n8. Máy tổng hợp của tỉnh kiểm tra cách ghi lượt đến hộ (tungnha audit; ngày báo cáo \(audit.rules.reportDays.compactMap(LocalDate.init).map(\.vietnamese).joined(separator: ", "))): \(count(.high)) dấu hiệu mức cao, \(count(.medium)) mức vừa, \(count(.low)) mức thấp. Số liệu không đổi.",
            "\n8. The province's gathering machine audits how the visits were recorded (tungnha audit; reporting day \(audit.rules.reportDays.compactMap(LocalDate.init).map(\.vietnamese).joined(separator: ", "))): \(count(.high)) flags of high severity, \(count(.medium)) medium, \(count(.low)) low. No figure changes.")]
        for summary in audit.communes {
            lines.append(l.pick(
                "   \(summary.name): \(summary.high) cao · \(summary.medium) vừa · \(summary.low) thấp\(summary.volunteers.isEmpty ? "" : " — cần xem: " + summary.volunteers.map(plain).joined(separator: ", "))",
                "   \(summary.name): \(summary.high) high · \(summary.medium) medium · \(summary.low) low\(summary.volunteers.isEmpty ? "" : " — to look at: " + summary.volunteers.map(plain).joined(separator: ", "))"))
        }
        for flag in audit.flags.filter({ $0.severity == .high || $0.kind == .coverageJump }).prefix(8) {
            lines.append("   [\(flag.severity.text(l))] \(flag.kind.text(l)) — \(auditSubject(flag, l)): \(auditReason(flag, rules: audit.rules, l))")
        }
        lines.append(l.pick(
            "   Trong báo cáo HTML (phụ lục). Xem đủ, kèm ghi nhận: tungnha audit --rules \(rules) --db \(province)",
            "   In the HTML report (appendix). All of it, with the records: tungnha audit --rules \(rules) --db \(province)"))
        return lines.joined(separator: "\n")
    }
}
