import Foundation

/// The follow-up list for the rounds door to door: one A4 landscape page (or more) per village, with the
/// head where consented, address, phone, what is missing, the last visit, a box to tick and room for notes.
public enum FollowupsPrint {
    /// The households of one village of one commune, in the list's order.
    public struct Village {
        public var commune: String
        public var scheme: Scheme
        public var name: String
        public var items: [Followup]
    }

    /// Visited households first (by follow-up date, as listed), then those never visited; grouped by village.
    public static func villages(_ list: FollowupList) -> [Village] {
        var villages: [Village] = []
        var index: [String: Int] = [:]
        let all = (list.revisit + list.neverVisited).enumerated().sorted { x, y in
            let (a, b) = (x.element, y.element)
            return (a.commune, a.scheme.rawValue, Folding.fold(a.village), x.offset) < (b.commune, b.scheme.rawValue, Folding.fold(b.village), y.offset)
        }.map(\.element)
        for item in all {
            let key = "\(item.scheme.rawValue)|\(item.commune)|\(Folding.fold(item.village))"
            if let at = index[key] {
                villages[at].items.append(item)
            } else {
                index[key] = villages.count
                villages.append(Village(commune: item.commune, scheme: item.scheme, name: item.village, items: [item]))
            }
        }
        return villages
    }

    public static func html(_ list: FollowupList, today: LocalDate, _ l: Language) -> String {
        let escape = OfficialDocument.escape
        var html = """
            <!DOCTYPE html>
            <html lang="\(l.rawValue)">
            <head>
            <meta charset="utf-8">
            <title>\(escape(Messages.roundsTitle(l)))</title>
            <style>
            \(OfficialDocument.styleSheet(l, portrait: false))
            section.village + section.village { break-before: page; }
            .village h1 { margin-top: 0; }
            .who { margin: 2mm 0 3mm; }
            table.figures { font-size: 10pt; table-layout: fixed; }
            table.figures td { height: 13mm; overflow-wrap: anywhere; }
            .box { display: inline-block; width: 5mm; height: 5mm; border: 1.2px solid #000; }
            .small { font-size: 8.5pt; }
            footer { font-size: 8.5pt; margin-top: 3mm; }
            </style>
            </head>
            <body>

            """
        let villages = villages(list)
        if villages.isEmpty { html += "<p>\(escape(Messages.roundsEmpty(l)))</p>\n" }
        let widths = [4, 8, 15, 16, 10, 13, 8, 8, 5, 13]
        for village in villages {
            let commune = Messages.communeLabel(village.commune, village.scheme, l)
            html += "<section class=\"village\">\n<h1>\(escape(Messages.roundsTitle(l)))</h1>\n"
            html += "<div class=\"subtitle\">\(escape(Messages.roundsSubtitle(village: village.name, commune: commune, l)))</div>\n"
            html += "<div class=\"asof\">\(escape(Messages.roundsPrinted(today, count: village.items.count, l)))</div>\n"
            html += "<div class=\"who\">\(escape(Messages.roundsWhoAndWhen(l)))</div>\n"
            html += "<table class=\"figures\">\n<colgroup>" + widths.map { "<col style=\"width:\($0)%\">" }.joined() + "</colgroup>\n<thead><tr>"
            html += Messages.roundsHeaders(l).map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for (number, item) in village.items.enumerated() {
                let cells = [
                    String(number + 1), item.shortCode, Messages.followupName(item, l), item.address ?? "", Messages.followupPhone(item) ?? "",
                    Messages.followupMissing(item, l), item.lastVisit.flatMap { Moment(rfc3339: $0)?.vietnamDate.vietnamese } ?? "",
                    Messages.followupDue(item, today: today, l),
                ]
                html += "<tr>" + cells.enumerated().map { index, text in
                    switch index {
                    case 0: return "<td class=\"c\">\(escape(text))</td>"
                    case 1, 4: return "<td class=\"t\">\(escape(text))</td>"
                    case 5...: return "<td class=\"small\">\(escape(text))</td>"
                    default: return "<td>\(escape(text))</td>"
                    }
                }.joined()
                html += "<td class=\"c\"><span class=\"box\"></span></td><td></td></tr>\n"
            }
            html += "</tbody>\n</table>\n<footer>\(escape(Messages.roundsFooter(l)))</footer>\n</section>\n"
        }
        return html + "</body>\n</html>\n"
    }

    /// The same list as CSV for a spreadsheet (`CSVDialect`), with empty "done" and "notes" columns to fill in.
    public static func csv(_ list: FollowupList, today: LocalDate, _ l: Language) -> Data {
        var rows: [[SheetCell]] = [Messages.followupsCSVHeaders(l).map(SheetCell.heading)]
        for village in villages(list) {
            for item in village.items {
                rows.append([
                    .text(Messages.communeLabel(item.commune, item.scheme, l)), .code(item.commune), .text(item.village), .code(item.shortCode),
                    .text(Messages.followupName(item, l)), item.address.map(SheetCell.text) ?? .empty,
                    Messages.followupPhone(item).map(SheetCell.code) ?? .empty, .text(Messages.followupMissing(item, l)), .count(item.visits),
                    item.lastVisit.flatMap(Moment.init(rfc3339:)).map(SheetCell.time) ?? .empty,
                    item.followUp.flatMap(LocalDate.init).map(SheetCell.date) ?? .empty, .empty, .empty,
                ])
            }
        }
        return CSVDialect.of(l).render(rows)
    }
}
