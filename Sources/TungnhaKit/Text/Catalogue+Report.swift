import Foundation

// The message catalogue: reports, targets, registers and follow-up lists.

/// 18.2% → "18,2%" (Vietnamese) or "18.2%"; the share is already rounded by its one rule.
public func formatPercent(_ share: Share?, _ l: Language) -> String {
    guard let share else { return "—" }
    return share.number(decimalMark: l == .vi ? "," : ".") + "%"
}

/// A percentage as typed (a target, 0…100).
public func formatPercent(percent: Double, _ l: Language) -> String { formatPercent(Share(percent: percent), l) }

extension ReportLevel: Localized {
    public func text(_ l: Language) -> String {
        switch self {
        case .village: return l.pick("Thôn/Tổ dân phố", "Village")
        case .commune: return l.pick("Xã/Phường", "Commune")
        case .district: return l.pick("Huyện (trước 2025)", "District (pre-2025)")
        case .province: return l.pick("Tỉnh", "Province")
        case .volunteer: return l.pick("Người đến hộ", "Volunteer")
        }
    }
}

extension ReportRow.ExpectedSource: Localized {
    public func text(_ l: Language) -> String {
        switch self {
        case .register: return l.pick("sổ hộ của xã", "commune register")
        case .census2019: return l.pick("TĐTDS 2019 (ước tính)", "2019 census (approx.)")
        case .mixed: return l.pick("sổ hộ và TĐTDS 2019", "register and 2019 census")
        }
    }
}

extension TargetError {
    public func text(_ l: Language) -> String {
        switch self {
        case .unknownSetting(let text):
            return l.pick(
                "Không hiểu \"\(text)\". Viết như: households=100% adults-dvctt=40%",
                "Cannot read \"\(text)\". Write it like: households=100% adults-dvctt=40%")
        case .badPercent(let text):
            return l.pick("Tỷ lệ trong \"\(text)\" phải từ 0% đến 100%.", "The share in \"\(text)\" must be from 0% to 100%.")
        case .nothingToSet:
            return l.pick("Cho biết chỉ tiêu cần đặt, ví dụ: tungnha target set households=100% adults-dvctt=40%", "Say which target to set, e.g.: tungnha target set households=100% adults-dvctt=40%")
        case .unknownProvince(let code):
            return l.pick("Không có tỉnh mã \(code) trong danh mục 2025. Tìm mã: tungnha units search \"tên tỉnh\"", "No province \(code) in the 2025 list. Find it: tungnha units search \"province name\"")
        case .unknownCommune(let code):
            return l.pick("Không có xã mã \(code) trong danh mục 2025. Tìm mã: tungnha units search \"tên xã\"", "No commune \(code) in the 2025 list. Find it: tungnha units search \"commune name\"")
        }
    }
}

extension RegisterError {
    public func text(_ l: Language) -> String {
        let shape = l.pick(" Mỗi dòng: mã xã (2025), tên thôn, số hộ; ví dụ: 13285,Tổ dân phố Lê Lợi,320.", " Each line: commune code (2025), village, households; e.g. 13285,Tổ dân phố Lê Lợi,320.")
        switch self {
        case .unreadable(let path): return l.pick("Không đọc được tệp \(path) (cần tệp CSV UTF-8).", "Cannot read \(path) (a UTF-8 CSV file is needed).") + shape
        case .badLine(let line, let text): return l.pick("Dòng \(line) không đúng mẫu: \"\(text)\".", "Line \(line) does not follow the pattern: \"\(text)\".") + shape + l.pick(" Không có gì được nhập.", " Nothing was imported.")
        case .unknownCommune(let line, let code): return l.pick("Dòng \(line): không có xã mã \(code) trong danh mục 2025. Không có gì được nhập.", "Line \(line): no commune \(code) in the 2025 list. Nothing was imported.")
        case .badCount(let line, let text): return l.pick("Dòng \(line): số hộ \"\(text)\" không phải số nguyên không âm. Không có gì được nhập.", "Line \(line): \"\(text)\" is not a whole number of households. Nothing was imported.")
        case .empty(let path): return l.pick("Tệp \(path) không có dòng nào.", "\(path) has no lines.") + shape
        case .village(let line, let problem):
            return l.pick("Dòng \(line): ", "Line \(line): ") + problem.text(l).replacingOccurrences(of: l.pick("Không có gì được ghi.", "Nothing was recorded."), with: "")
                + l.pick("Sửa tên thôn trong tệp rồi nhập lại. Không có gì được nhập.", "Correct the village's name in the file and import it again. Nothing was imported.")
        }
    }
}

extension Messages {
    public static func total(_ l: Language) -> String { l.pick("Tổng cộng", "Total") }
    public static func neverVisited(_ l: Language) -> String { l.pick("(chưa có lượt đến)", "(not visited yet)") }
    public static func severalDistricts(_ l: Language) -> String { l.pick("Xã hình thành từ nhiều huyện (trước 2025)", "Communes made from several districts (pre-2025)") }
    public static func met(_ met: Bool, _ l: Language) -> String { met ? l.pick("Đạt", "Met") : l.pick("Chưa đạt", "Not met") }

    public static func reportTitle(_ report: CoverageReport, _ l: Language) -> String {
        l.pick("Hộ có ít nhất một người biết sử dụng VNeID và dịch vụ công trực tuyến", "Households with at least one member able to use VNeID and online public services")
            + " · " + l.pick("theo ", "by ") + report.level.text(l).lowercased() + " · " + l.pick("đến hết ngày ", "as of the end of ")
            + (LocalDate(report.asOf)?.vietnamese ?? report.asOf)
    }

    /// The notes under every report: what the figures mean and where they come from.
    public static func reportNotes(_ report: CoverageReport, _ l: Language) -> [String] {
        var notes = [
            l.pick(
                "Hộ đạt: có ít nhất một thành viên hiện ở hộ mà lần ghi nhận gần nhất cho thấy đã kích hoạt tài khoản định danh điện tử VNeID (mức 1 hoặc 2), tự đăng nhập được và đã tự làm được một thủ tục DVCTT.",
                "Covered: at least one current member whose latest observations show VNeID activated (level 1 or 2), logging in unaided, and an online procedure completed unaided."),
            l.pick(
                "Người trưởng thành: từ 18 tuổi trở lên, tính theo năm sinh (năm của ngày báo cáo trừ năm sinh).",
                "Adults: 18 and over, by year of birth (the report's year minus the year of birth)."),
        ]
        if ([report.total] + report.rows).contains(where: { $0.expectedSource == .census2019 || $0.expectedSource == .mixed }) {
            notes.append(l.pick(
                "Hộ dự kiến theo Tổng điều tra dân số 2019, quy đổi sang xã mới: chỉ là ước tính. Nạp sổ hộ của xã để có số đúng: tungnha register import TỆP.csv",
                "Households expected from the 2019 census, mapped to the 2025 communes: an estimate only. Load the commune's register for real figures: tungnha register import FILE.csv"))
        }
        if report.rows.contains(where: \.split) {
            notes.append(l.pick(
                "Dòng \"bị chia\": hộ ghi theo mã xã cũ (trước 2025) của một xã bị chia cho nhiều xã mới, mà thôn chưa được gán xã mới. Gán: tungnha village assign \"THÔN\" --new-commune MÃ",
                "\"Split\" lines: households recorded under a pre-2025 commune that the reform split between several new ones, in villages not yet assigned. Assign them: tungnha village assign \"VILLAGE\" --new-commune CODE"))
        }
        return notes
    }

    static func reportColumns(_ level: ReportLevel, withParent: Bool, _ l: Language) -> [String] {
        [level.text(l)] + (withParent ? [reportHeader(.parent, level, l)] : []) + [
            l.pick("Hộ dự kiến", "Expected"), l.pick("Hộ đã ghi", "Registered"), l.pick("Đã đến", "Visited"),
            l.pick("Hộ đạt", "Covered"), l.pick("Tỷ lệ hộ đạt", "Covered %"), l.pick("Người trưởng thành", "Adults"),
            l.pick("Người trưởng thành đã dùng DVCTT", "Adults using DVCTT"), l.pick("Tỷ lệ dùng DVCTT", "DVCTT %"),
            l.pick("Tỷ lệ VNeID mức 2 (từ 14 tuổi)", "VNeID level 2 % (14+)"), l.pick("Hộ chưa đến trong 30 ngày", "Not visited in 30 days"),
            l.pick("Chỉ tiêu hộ", "Household target"), l.pick("Chỉ tiêu DVCTT", "DVCTT target"),
        ]
    }

    static func targetCell(_ met: Bool?, short: Int, unit: String, _ l: Language) -> String {
        guard let met else { return "—" }
        return met ? Messages.met(true, l) : Messages.met(false, l) + " (−\(formatNumber(short, l)) \(unit))"
    }

    static func reportCells(_ row: ReportRow, withParent: Bool, _ l: Language) -> [String] {
        var name = row.name
        if row.split { name += l.pick(" (mã cũ \(row.code ?? ""), bị chia)", " (old code \(row.code ?? ""), split)") }
        let coverage = row.coverageOfExpected ?? row.coverageOfRegistered
        return [name] + (withParent ? [row.parent ?? ""] : []) + [
            row.householdsExpected.map { formatNumber($0, l) } ?? "—", formatNumber(row.householdsRegistered, l),
            formatNumber(row.householdsVisited, l), formatNumber(row.householdsCovered, l), formatPercent(coverage, l),
            formatNumber(row.adults, l), formatNumber(row.adultsDvctt, l), formatPercent(row.adultsDvcttShare, l),
            formatPercent(row.members14PlusLevel2Share, l), formatNumber(row.notVisited30Days, l),
            targetCell(row.target?.householdsMet ?? nil, short: row.target?.householdsShort ?? 0, unit: l.pick("hộ", "hh"), l),
            targetCell(row.target?.adultsDvcttMet ?? nil, short: row.target?.adultsShort ?? 0, unit: l.pick("người", "adults"), l),
        ]
    }

    /// The report as a terminal table; `decorate` shows targets met and not met (a colour, in the executable).
    public static func reportTable(_ report: CoverageReport, decorate: ((String, TextTable.Emphasis) -> String)? = nil, _ l: Language) -> String {
        // Villages of several communes: the commune beside each, or two "Tổ dân phố 1" lines look the same.
        let withParent = report.level == .village && report.spansSeveralParents
        var table = TextTable(
            headers: reportColumns(report.level, withParent: withParent, l),
            alignments: [.left] + (withParent ? [.left] : []) + Array(repeating: .right, count: 10) + [.left, .left])
        table.rows = report.rows.map { reportCells($0, withParent: withParent, l) }
        table.footer = [reportCells(report.total, withParent: withParent, l)]
        let targets = (withParent ? 12 : 11)
        for (index, row) in (report.rows + [report.total]).enumerated() {
            for (offset, met) in [row.target?.householdsMet, row.target?.adultsDvcttMet].enumerated() {
                if let met = met ?? nil { table.emphasis[index, default: [:]][targets + offset] = met ? .good : .bad }
            }
        }
        var lines = [reportTitle(report, l), "", table.render(decorate: decorate), ""]
        lines.append(coverageBaseNote(l) + l.pick(
            " Cột đầy đủ: --format xlsx, csv, json hoặc html.", " All columns: --format xlsx, csv, json or html."))
        lines += reportNotes(report, l).map { "· " + $0 }
        return lines.joined(separator: "\n")
    }

    public static func targetSet(_ target: Target, _ l: Language) -> String {
        let scope: String
        switch target.scope {
        case .all: scope = l.pick("mặc định", "default")
        case .province: scope = l.pick("tỉnh \(target.code)", "province \(target.code)")
        case .commune: scope = l.pick("xã \(target.code)", "commune \(target.code)")
        }
        return l.pick(
            "Chỉ tiêu (\(scope)): \(formatPercent(percent: target.householdsPercent, l)) số hộ có người biết sử dụng; \(formatPercent(percent: target.adultsDvcttPercent, l)) người trưởng thành đã dùng DVCTT.\nXem: tungnha report",
            "Targets (\(scope)): \(formatPercent(percent: target.householdsPercent, l)) of households covered; \(formatPercent(percent: target.adultsDvcttPercent, l)) of adults using online public services.\nSee: tungnha report")
    }

    public static func targetList(_ targets: [Target], _ l: Language) -> String {
        let all = targets.contains { $0.scope == .all } ? targets : [Target.standard] + targets
        return all.map { targetSet($0, l).split(separator: "\n")[0] }.joined(separator: "\n")
    }

    public static func registerImported(_ result: RegisterImport, _ l: Language) -> String {
        l.pick(
            "Đã nạp sổ hộ: \(result.rows) thôn/tổ dân phố của \(result.communes.count) xã, tổng \(formatNumber(result.households, l)) hộ. Từ nay báo cáo dùng số này làm \"hộ dự kiến\" thay cho TĐTDS 2019.\nXem: tungnha report",
            "Register loaded: \(result.rows) villages in \(result.communes.count) communes, \(formatNumber(result.households, l)) households in all. Reports now use it as \"households expected\" instead of the 2019 census.\nSee: tungnha report")
    }
}

extension Messages {
    public static func htmlTitle(_ l: Language) -> String {
        l.pick("Báo cáo phổ cập VNeID và dịch vụ công trực tuyến đến từng hộ", "Report: VNeID and online public services, household by household")
    }
    public static func htmlChartTitle(_ level: ReportLevel, _ l: Language) -> String {
        l.pick("Tỷ lệ hộ đạt theo \(level.text(l).lowercased()), so với chỉ tiêu", "Households covered by \(level.text(l).lowercased()), against the target")
    }
    public static func htmlTrendTitle(_ l: Language) -> String { l.pick("Số hộ đạt theo tuần", "Households covered, week by week") }
    public static func htmlNoData(_ l: Language) -> String { l.pick("Chưa có số liệu.", "No data yet.") }
    public static func htmlTargetLegend(_ l: Language) -> String { l.pick("- - - chỉ tiêu", "- - - target") }
    public static func htmlBarLegend(_ l: Language) -> String {
        l.pick("đậm: trên số hộ dự kiến · nhạt: trên số hộ đã ghi", "dark: of households expected · light: of households registered")
    }
    public static func htmlCoveredLegend(_ l: Language) -> String { l.pick("Hộ đã có người biết sử dụng", "Households covered") }
    public static func htmlRegisteredLegend(_ l: Language) -> String { l.pick("Hộ đã ghi", "Households registered") }
    public static func reportWritten(_ path: String, _ l: Language) -> String { l.pick("Đã ghi báo cáo vào \(path).", "Wrote the report to \(path).") }
}

// The message catalogue: the demo.

extension DemoError {
    public func text(_ l: Language) -> String {
        switch self {
        case .folderExists(let path):
            return l.pick(
                "Thư mục \(path) đã có. Để chạy lại và thay toàn bộ thư mục đó: tungnha demo --force (hoặc chọn thư mục khác: --dir THƯ_MỤC).",
                "The folder \(path) exists. To run again and replace it: tungnha demo --force (or choose another: --dir FOLDER).")
        case .cannotCreate(let path, let detail):
            return l.pick("Không tạo được thư mục \(path): \(detail). Chọn thư mục khác: --dir THƯ_MỤC.", "Cannot create \(path): \(detail). Choose another: --dir FOLDER.")
        }
    }
}

extension Messages {
    public static func demoIntro(folder: String, _ l: Language) -> String {
        l.pick(
            "tungnha demo: cả quy trình, từ ghi hộ đến báo cáo, trên hai phường thật của Lâm Đồng (trước 2025 thuộc Đắk Nông). Tên người và hộ là giả lập.\nThư mục: \(folder)\n",
            "tungnha demo: the whole flow, from recording households to the report, in two real wards of Lâm Đồng (Đắk Nông before 2025). People and households are made up.\nFolder: \(folder)\n")
    }

    public static func demoMachines(province: String, commune: String, ward: CommuneRef, _ l: Language) -> String {
        let name = AdminUnits.shared.commune(ward)?.name ?? ward.code
        return l.pick(
            "1. Máy tổng hợp của tỉnh: \(province) (nhận các xã của Lâm Đồng). Máy tổng hợp của \(name): \(commune).",
            "1. The province's gathering machine: \(province) (accepts the communes of Lâm Đồng). The gathering machine of \(name): \(commune).")
    }

    public static func demoCampaign(start: LocalDate, end: LocalDate, _ l: Language) -> String {
        l.pick(
            "2. Ba tổ đi từng nhà từ \(start.vietnamese) đến \(end.vietnamese), mỗi hai tuần xuất một lô:",
            "2. Three teams go door to door from \(start.vietnamese) to \(end.vietnamese), exporting a batch every two weeks:")
    }

    public static func demoLaptop(label: String, commune: CommuneRef, households: Int, members: Int, visits: Int, batches: Int, _ l: Language) -> String {
        let name = AdminUnits.shared.commune(commune)?.name ?? commune.code
        return l.pick(
            "   \(label) (\(commune.code) \(name)): \(households) hộ, \(members) thành viên, \(visits) lượt đến hộ, \(batches) lô",
            "   \(label) (\(commune.code) \(name)): \(households) households, \(members) members, \(visits) visits, \(batches) batches")
    }

    public static func demoEnrolled(commune: String, province: String, _ l: Language) -> String {
        l.pick(
            "   Mỗi máy của tổ đã ghi danh với máy tổng hợp nhận lô của mình, máy của phường với máy của tỉnh (so mã đối chiếu; mã của máy phường: \(commune), của máy tỉnh: \(province)): mọi lô đều được ký và niêm phong cho máy nhận.",
            "   Each laptop enrolled with the gathering machine that receives its batches, and the ward's machine with the province's (comparing fingerprints; the ward's: \(commune), the province's: \(province)): every batch is signed and sealed to the machines that receive it.")
    }

    public static func demoCommuneMerging(_ count: Int, _ l: Language) -> String {
        l.pick(
            "3. Hai tổ của Phường Bắc Gia Nghĩa gửi lô về máy tổng hợp của phường, máy gộp \(count) tệp; một lô đến hai lần, một lô đến sau lô mới hơn:",
            "3. The two teams of Phường Bắc Gia Nghĩa send their batches to the ward's gathering machine, which merges \(count) files; one batch arrives twice, one after a newer one:")
    }

    public static func demoDuplicates(_ pairs: [DuplicatePair], _ l: Language) -> String {
        var lines = [l.pick(
            "4. Hai tổ đã ghi trùng một số nhà ở thôn giáp ranh: \(pairs.count) cặp có thể trùng (tungnha duplicates). Ba cặp đầu:",
            "4. The two teams registered some houses of their shared village twice: \(pairs.count) likely pairs (tungnha duplicates). The first three:")]
        for pair in pairs.prefix(3) {
            lines.append("   \(pair.keep.shortCode) \(householdName(pair.keep, l)) ↔ \(pair.other.shortCode) \(householdName(pair.other, l))  (\(Int((pair.score * 100).rounded()))%)")
        }
        if let first = pairs.first {
            lines.append(l.pick(
                "   Máy tổng hợp của phường gộp cặp đầu: tungnha household merge \(first.keep.shortCode) \(first.other.shortCode)",
                "   The ward's gathering machine merges the first pair: tungnha household merge \(first.keep.shortCode) \(first.other.shortCode)"))
        }
        return lines.joined(separator: "\n")
    }

    public static func demoForwarded(_ forward: ForwardResult, _ l: Language) -> String {
        let own = forward.own.map { l.pick(" và lô \($0.batch) của chính máy này (\(formatNumber($0.events, l)) ghi nhận: việc gộp hộ)", " and its own batch \($0.batch) (\(formatNumber($0.events, l)) \($0.events == 1 ? "event" : "events"): the merge)") } ?? ""
        return l.pick(
            "5. Máy tổng hợp của phường chuyển lên tỉnh (tungnha forward): \(forward.files.count) tệp đã nhận, giữ nguyên từng byte,\(own), vào \(forward.folder).",
            "5. The ward's gathering machine forwards to the province (tungnha forward): \(forward.files.count) files received, byte for byte,\(own), to \(forward.folder).")
    }

    public static func demoProvinceMerging(_ straight: Int, _ l: Language) -> String {
        l.pick(
            "6. Máy tổng hợp của tỉnh gộp thư mục đó và \(straight) lô của tổ Phường Đông Gia Nghĩa, gửi thẳng lên tỉnh:",
            "6. The province's gathering machine merges that folder and the \(straight) batches of Phường Đông Gia Nghĩa's team, sent straight to the province:")
    }

    public static func demoReport(_ report: CoverageReport, html: String, _ l: Language) -> String {
        "7. " + reportTable(report, l) + "\n\n" + l.pick("Báo cáo HTML (có biểu đồ): ", "HTML report (with charts): ") + html
    }

    public static func demoNext(province: String, commune: String, laptop: String, asOf: LocalDate, _ l: Language) -> String {
        l.pick("\nTiếp theo, thử:", "\nNext, try:") + """

              tungnha report --by village --as-of \(asOf) --db \(province)
              tungnha report --as-of \(asOf) --db \(commune)
              tungnha sync status --db \(commune)
              tungnha sync status --db \(province)
              tungnha followups --db \(laptop)
              tungnha household list --db \(laptop)
              tungnha backcheck draw --seed 1 --db \(commune)
            """
    }

}
