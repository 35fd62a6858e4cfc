import TungnhaKit

// The message catalogue: help for the audit, reviews of its flags, and back-checks.

enum AuditHelp: Sendable {
    case audit, rules, format, out, commune, all
    case review, reviewFlag, reviewNote
    case backcheck, draw, seed, rate, drawFormat
    case visitBackcheckOf

    func text(_ l: Language) -> String {
        switch self {
        case .audit:
            return l.pick(
                "Kiểm tra cách ghi lượt đến hộ để số liệu có cơ sở: quá nhiều hộ trong thời gian ngắn, đến hộ ban đêm, nhập muộn, đồng hồ máy sai, câu trả lời giống hệt nhau, hộ đạt không có người từ 14 tuổi, một người ở nhiều hộ, tỷ lệ biết sử dụng cao bất thường, hộ đạt tăng vọt trước ngày báo cáo, kiểm tra lại không khớp. Chỉ để xem xét: không đổi số liệu nào. Trên máy của tổ: chỉ các ghi nhận của máy đó.",
                "Audit how visits were recorded, so that the figures can be defended: too many households too fast, visits at night, late entry, wrong device clocks, identical answers, households covered without anyone 14 or over, one person in several households, able shares far above the commune's, coverage jumps before a reporting day, back-checks that disagree. For review only: no figure changes. On a laptop: that laptop's own records.")
        case .rules:
            return l.pick(
                "Tệp JSON đổi một số ngưỡng cho tỉnh mình, ví dụ {\"speedHouseholds\": 8}; các ngưỡng khác giữ mặc định. Danh sách và ý nghĩa: docs/audit.md, tệp mẫu docs/audit-rules.json.",
                "A JSON file changing some thresholds for the province, such as {\"speedHouseholds\": 8}; the others keep their defaults. The list and what each means: docs/audit.md, sample docs/audit-rules.json.")
        case .format: return l.pick("Dạng: table (mặc định), csv hoặc json.", "Format: table (default), csv or json.")
        case .out: return l.pick("Ghi ra tệp này thay vì in ra màn hình.", "Write to this file instead of the screen.")
        case .commune: return l.pick("Chỉ xã/phường này (mã 5 chữ số).", "Only this commune (its 5-digit code).")
        case .all: return l.pick("In mọi dấu hiệu (mặc định chỉ 30 dấu hiệu nặng nhất).", "Print every flag (by default, the 30 most serious).")
        case .review:
            return l.pick(
                "Đánh dấu một dấu hiệu của tungnha audit là đã xem xét, kèm ghi chú. Việc xem xét là một ghi nhận, được gửi đi như mọi ghi nhận; không đổi số liệu. Làm trên máy tổng hợp.",
                "Mark a flag of tungnha audit as reviewed, with a note. The review is a record and travels like any other; no figure changes. Done on a gathering machine.")
        case .reviewFlag: return l.pick("Mã dấu hiệu (tungnha audit in ở đầu mỗi dấu hiệu; gõ 4 ký tự đầu trở lên).", "The flag's code (tungnha audit prints it first on each flag; its first 4 characters or more).")
        case .reviewNote: return l.pick("Đã kiểm tra gì, kết luận gì.", "What was checked, and what was found.")
        case .backcheck: return l.pick("Kiểm tra lại một mẫu hộ đạt: rút mẫu để người giám sát đến lại.", "Back-checks: draw a sample of covered households for a supervisor to visit again.")
        case .draw:
            return l.pick(
                "Rút ngẫu nhiên một tỷ lệ hộ đạt của mỗi người đến hộ (mặc định 10%, ít nhất 1 hộ mỗi người). Cùng hạt giống (--seed) thì rút đúng các hộ đó. Người giám sát ghi lượt kiểm tra lại bằng: tungnha visit MÃ_HỘ --backcheck-of MÃ_LƯỢT …",
                "Draw at random a share of each volunteer's covered households (10% by default, at least 1 each). The same seed (--seed) draws the same households. The supervisor records each re-visit with: tungnha visit CODE --backcheck-of VISIT …")
        case .seed:
            return l.pick(
                "Hạt giống của lần rút (số nguyên dương); không ghi thì máy tự chọn và in ra để rút lại đúng mẫu đó.",
                "The draw's seed (a positive whole number); without it one is chosen and printed, to draw the same sample again.")
        case .rate: return l.pick("Tỷ lệ rút, ví dụ 10% (từ 1% đến 100%).", "The share to draw, such as 10% (1% to 100%).")
        case .drawFormat: return l.pick("Dạng: table (mặc định), csv hoặc json.", "Format: table (default), csv or json.")
        case .visitBackcheckOf:
            return l.pick(
                "Lượt này là lượt kiểm tra lại lượt đến hộ đó (mã lượt trong danh sách tungnha backcheck draw). Hộ vẫn tính theo lượt mới nhất; tungnha audit so hai lượt.",
                "This visit checks that visit again (its code is in the tungnha backcheck draw list). The household counts by the latest visit; tungnha audit compares the two.")
        }
    }
}
