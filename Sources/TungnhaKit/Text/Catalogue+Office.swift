// The message catalogue: documents for the commune and province office (report columns, the heading of an
// administrative document, signatures, spreadsheet sheets).

extension Messages {
    public static func reportHeader(_ column: ReportColumn, _ level: ReportLevel, _ l: Language) -> String {
        switch column {
        case .name: return level.text(l)
        case .code: return l.pick("Mã", "Code")
        case .parent:
            switch level {
            case .village: return l.pick("Xã/Phường", "Commune")
            case .commune, .district: return l.pick("Tỉnh/Thành phố", "Province")
            default: return l.pick("Thuộc", "In")
            }
        case .splitOldCode: return l.pick("Bị chia (mã cũ)", "Split (old code)")
        case .householdsExpected: return l.pick("Hộ dự kiến", "Households expected")
        case .expectedSource: return l.pick("Nguồn số hộ dự kiến", "Source of expected")
        case .householdsRegistered: return l.pick("Hộ đã ghi", "Households registered")
        case .householdsVisited: return l.pick("Hộ đã đến", "Households visited")
        case .householdsCovered: return l.pick("Hộ đã có người biết sử dụng", "Households covered")
        case .coveredOfRegistered: return l.pick("Tỷ lệ hộ đạt trên hộ đã ghi (%)", "Covered of registered (%)")
        case .coveredOfExpected: return l.pick("Tỷ lệ hộ đạt trên hộ dự kiến (%)", "Covered of expected (%)")
        case .coverage: return l.pick("Tỷ lệ hộ đạt (%)", "Covered (%)")
        case .members: return l.pick("Thành viên", "Members")
        case .adults: return l.pick("Người trưởng thành", "Adults")
        case .adultsDvctt: return l.pick("Người trưởng thành đã dùng DVCTT", "Adults who used online services")
        case .adultsDvcttShare: return l.pick("Tỷ lệ người trưởng thành dùng DVCTT (%)", "Adults using online services (%)")
        case .members14Plus: return l.pick("Người từ 14 tuổi", "Members aged 14+")
        case .members14PlusLevel2: return l.pick("Người từ 14 tuổi có VNeID mức 2", "Aged 14+ with VNeID level 2")
        case .level2Share: return l.pick("Tỷ lệ VNeID mức 2 (%)", "VNeID level 2 (%)")
        case .notVisited30Days: return l.pick("Hộ chưa đến trong 30 ngày", "Not visited in 30 days")
        case .lastActivity: return l.pick("Hoạt động gần nhất", "Last activity")
        case .householdTargetPercent: return l.pick("Chỉ tiêu hộ (%)", "Household target (%)")
        case .householdTarget: return l.pick("Chỉ tiêu hộ", "Household target")
        case .householdsShort: return l.pick("Số hộ còn thiếu", "Households short")
        case .dvcttTargetPercent: return l.pick("Chỉ tiêu DVCTT (%)", "DVCTT target (%)")
        case .dvcttTarget: return l.pick("Chỉ tiêu DVCTT", "DVCTT target")
        case .adultsShort: return l.pick("Số người còn thiếu", "Adults short")
        }
    }

    public static func figuresAsOf(_ l: Language) -> String { l.pick("Số liệu đến hết ngày", "Figures as of") }
    public static func rowNumber(_ l: Language) -> String { l.pick("STT", "No.") }
    public static func coverageBaseNote(_ l: Language) -> String {
        l.pick("Tỷ lệ hộ đạt tính trên hộ dự kiến khi có, nếu không thì trên hộ đã ghi.", "Covered % is of households expected where known, else of those registered.")
    }

    // MARK: The heading of an administrative document

    /// "UBND PHƯỜNG BẮC GIA NGHĨA".
    public static func committee(ofCommune name: String, _ l: Language) -> String {
        l.pick("UBND " + name.uppercased(), "People's Committee of " + name)
    }

    /// "UBND TỈNH LÂM ĐỒNG", "UBND THÀNH PHỐ HÀ NỘI".
    public static func committee(ofProvince name: String, _ l: Language) -> String {
        let city = name.hasPrefix("Thành phố ")
        return l.pick("UBND " + (city ? name : "Tỉnh " + name).uppercased(), "People's Committee of " + name + (city ? "" : " Province"))
    }

    public static func blankUnit(_ l: Language) -> String { l.pick("UBND ……………………", "People's Committee of ……………") }
    public static func documentNumber(_ l: Language) -> String { l.pick("Số:          /BC", "No.:          /RP") }
    public static func nationLine(_ l: Language) -> String { l.pick("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM") }
    public static func mottoLine(_ l: Language) -> String { l.pick("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness") }

    /// "Lâm Đồng, ngày 05 tháng 02 năm 2027": a day below 10 and the months 1 and 2 are written with a leading zero.
    public static func placeAndDate(_ place: String, _ date: LocalDate, _ l: Language) -> String {
        let day = date.day < 10 ? "0\(date.day)" : "\(date.day)"
        let month = date.month <= 2 ? "0\(date.month)" : "\(date.month)"
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return l.pick("\(place), ngày \(day) tháng \(month) năm \(date.year)", "\(place), \(date.day) \(months[date.month - 1]) \(date.year)")
    }

    public static func reportDocumentKind(_ l: Language) -> String { l.pick("BÁO CÁO", "REPORT") }
    public static func reportSubject(_ l: Language) -> String {
        l.pick("Kết quả phổ cập VNeID và dịch vụ công trực tuyến đến từng hộ gia đình", "VNeID and online public services, household by household: results")
    }

    /// "Theo xã/phường · số liệu đến hết ngày 18/10/2026".
    public static func reportScope(_ report: CoverageReport, _ l: Language) -> String {
        l.pick("Theo ", "By ") + report.level.text(l).lowercased() + " · " + l.pick("số liệu đến hết ngày ", "figures as of the end of ")
            + (LocalDate(report.asOf)?.vietnamese ?? report.asOf)
    }

    public static func appendixFigures(_ l: Language) -> String { l.pick("Phụ lục 1. Số liệu chi tiết", "Appendix 1. All figures") }
    public static func appendixCharts(_ l: Language) -> String { l.pick("Phụ lục 2. Biểu đồ", "Appendix 2. Charts") }

    public static func signatureRoles(_ l: Language) -> [(title: String, hint: String)] {
        [
            (l.pick("Người lập biểu", "Prepared by"), l.pick("(Ký, ghi rõ họ tên)", "(Signature, full name)")),
            (l.pick("Thủ trưởng đơn vị", "Head of unit"), l.pick("(Ký, ghi rõ họ tên, đóng dấu)", "(Signature, full name, seal)")),
        ]
    }

    public static func pageWord(_ l: Language) -> String { l.pick("Trang", "Page") }

    // MARK: Spreadsheets

    /// A sheet's name: at most 31 characters, none of []:*?/\.
    public static func sheetName(_ level: ReportLevel, _ l: Language) -> String {
        switch level {
        case .village: return l.pick("Theo thôn, tổ dân phố", "By village")
        case .commune: return l.pick("Theo xã, phường", "By commune")
        case .district: return l.pick("Theo huyện (trước 2025)", "By district (pre-2025)")
        case .province: return l.pick("Theo tỉnh", "By province")
        case .volunteer: return l.pick("Theo người đến hộ", "By volunteer")
        }
    }

    public static func unitLabel(_ l: Language) -> String { l.pick("Đơn vị:", "Unit:") }
    public static func madeAt(_ l: Language) -> String { l.pick("Lập lúc:", "Made at:") }
}

extension Messages {
    public static func xlsxNeedsOut(_ l: Language) -> String {
        l.pick(
            "Bảng tính .xlsx không in ra màn hình được: thêm --out TỆP.xlsx (ví dụ --out bao-cao.xlsx).",
            "An .xlsx workbook cannot be shown on the screen: add --out FILE.xlsx (such as --out report.xlsx).")
    }

    public static func auditNeedsHTML(pastDate: Bool, _ l: Language) -> String {
        pastDate
            ? l.pick(
                "--audit xét các ghi nhận như hiện nay, nên không đi cùng --as-of. Bỏ --as-of, hoặc xem riêng: tungnha audit",
                "--audit judges the records as they stand now, so it does not go with --as-of. Leave out --as-of, or see it alone: tungnha audit")
            : l.pick(
                "--audit chỉ thêm phụ lục vào báo cáo HTML: thêm --format html, hoặc xem riêng: tungnha audit",
                "--audit only adds an appendix to the HTML report: add --format html, or see it alone: tungnha audit")
    }
}
