/// The audit in the HTML report: an appendix with the summary per commune and the most serious flags open, each
/// with its reason. Every text is escaped by `OfficialDocument`.
enum AuditHTML {
    /// At most this many flags are listed; the rest are counted.
    static let flagsShown = 20

    static func section(_ audit: AuditReport, _ l: Language) -> String {
        let escape = OfficialDocument.escape
        var html = "<section class=\"appendix\">\n<h2>\(escape(Messages.auditHTMLTitle(l)))</h2>\n"
        html += "<div class=\"asof\">\(escape(Messages.auditHTMLScope(audit, l)))</div>\n"
        let header = [
            Messages.rowNumber(l), l.pick("Xã/Phường", "Commune"), l.pick("Mức cao", "High"), l.pick("Mức vừa", "Medium"), l.pick("Mức thấp", "Low"),
            l.pick("Đã xem xét", "Reviewed"), l.pick("Kiểm tra lại: khớp/so được", "Back-checks: agreed/compared"),
            l.pick("Người đến hộ cần xem", "Volunteers to look at"),
        ]
        var rows: [[SheetCell]] = audit.communes.enumerated().map { index, summary in
            [
                .code(String(index + 1)), .text(summary.name), .count(summary.high), .count(summary.medium), .count(summary.low), .count(summary.reviewed),
                .text("\(summary.backchecksAgreed)/\(summary.backchecksCompared)"), .text(summary.volunteers.map(Messages.plain).joined(separator: ", ")),
            ]
        }
        rows.append([
            .empty, .text(l.pick("Tổng cộng", "Total")), .count(audit.communes.reduce(0) { $0 + $1.high }), .count(audit.communes.reduce(0) { $0 + $1.medium }),
            .count(audit.communes.reduce(0) { $0 + $1.low }), .count(audit.communes.reduce(0) { $0 + $1.reviewed }),
            .text("\(audit.communes.reduce(0) { $0 + $1.backchecksAgreed })/\(audit.communes.reduce(0) { $0 + $1.backchecksCompared })"), .empty,
        ])
        html += OfficialDocument.table(header: header, widths: [0.5, 2.2, 0.8, 0.8, 0.8, 0.9, 1.2, 2.4], rows: rows, totalRows: 1, met: { _, _ in nil }, l)
        let open = audit.flags.filter { $0.review == nil && $0.severity >= .medium }
        if !open.isEmpty {
            html += "<h2>\(escape(Messages.auditHTMLFlags(open.count, shown: min(open.count, flagsShown), l)))</h2>\n<ul class=\"notes\">\n"
            for flag in open.prefix(flagsShown) {
                let place = AdminUnits.shared.commune(CommuneRef(code: flag.commune, scheme: flag.scheme))?.name ?? flag.commune
                html += "<li><b>\(escape(flag.severity.text(l))) · \(escape(flag.kind.text(l)))</b> — \(escape(Messages.auditSubject(flag, l))), "
                    + "\(escape(place)) (\(escape(flag.code))): \(escape(Messages.auditReason(flag, rules: audit.rules, l)))</li>\n"
            }
            html += "</ul>\n"
        }
        html += "<ul class=\"notes\"><li>\(escape(Messages.auditHTMLNote(l)))</li></ul>\n</section>\n"
        return html
    }
}

extension Messages {
    static func auditHTMLTitle(_ l: Language) -> String {
        l.pick("Phụ lục: kiểm tra cách ghi lượt đến hộ", "Appendix: audit of how visits were recorded")
    }

    static func auditHTMLScope(_ audit: AuditReport, _ l: Language) -> String {
        let day = LocalDate(audit.madeOn)?.vietnamese ?? audit.madeOn
        return l.pick(
            "Theo các ghi nhận có đến ngày \(day): \(formatNumber(audit.visits, l)) lượt đến hộ",
            "From the records held on \(day): \(formatNumber(audit.visits, l)) visits")
    }

    static func auditHTMLFlags(_ count: Int, shown: Int, _ l: Language) -> String {
        count == shown
            ? l.pick("Dấu hiệu mức cao và vừa chưa xem xét (\(count))", "Open flags of high and medium severity (\(count))")
            : l.pick("Dấu hiệu mức cao và vừa chưa xem xét: \(shown) trong \(count)", "Open flags of high and medium severity: \(shown) of \(count)")
    }

    static func auditHTMLNote(_ l: Language) -> String {
        l.pick(
            "Dấu hiệu chỉ để cán bộ xem xét, không làm thay đổi số liệu nào trong báo cáo. Danh sách đầy đủ và các ghi nhận: tungnha audit; quy tắc: docs/audit.md.",
            "Flags are for officers to review; they change no figure of the report. The full list and the records: tungnha audit; the rules: docs/audit.md.")
    }
}
