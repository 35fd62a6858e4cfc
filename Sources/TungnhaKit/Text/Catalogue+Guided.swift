// The message catalogue: the questions of guided entry (a command run in a terminal without its details).

public enum GuidedText {
    case villages, villagePick, householdFind, householdPick, householdFound(count: Int)
    case outcome, membersOf(String), membersMet, noMembers, memberHeader(String)
    case vneid, login, dvctt, paid, smartphone
    case help, procedure, followUp, volunteer(remembered: String?), time(now: String)
    case willRecord, confirm, nothingRecorded, interrupted
    case consent, head, address, phone, duplicate, addMembersNow, anotherMember
    case memberName, birthYear, sex, relation
    case recordVisit(String), recordHousehold, recordMember(String)

    public func text(_ l: Language) -> String {
        switch self {
        case .villages: return l.pick("Các thôn/tổ dân phố trên máy này:", "The villages on this laptop:")
        case .villagePick: return l.pick("Thôn/tổ dân phố (gõ số hoặc tên, không cần dấu):", "Village (its number or name, diacritics optional):")
        case .householdFind:
            return l.pick(
                "Tìm hộ: gõ một phần tên chủ hộ, địa chỉ hoặc mã hộ (không cần dấu):",
                "Find the household: type part of the head's name, the address or the code (diacritics optional):")
        case .householdPick: return l.pick("Chọn hộ (gõ số; Enter để tìm lại):", "Which household (its number; Enter to search again):")
        case .householdFound(let count): return l.pick("Có \(count) hộ khớp:", "\(count) households match:")
        case .outcome:
            return l.pick(
                "Kết quả: 1 gặp được · 2 vắng nhà · 3 từ chối · 4 đã chuyển đi (gõ số hoặc chữ):",
                "Outcome: 1 met · 2 nobody home · 3 refused · 4 moved away (number or word):")
        case .membersOf(let household): return l.pick("Thành viên của hộ \(household):", "Members of household \(household):")
        case .membersMet:
            return l.pick(
                "Gặp những ai? Gõ số, cách nhau bằng dấu phẩy (ví dụ 1,2); Enter nếu không gặp ai trong danh sách:",
                "Who was met? Their numbers, separated by commas (such as 1,2); Enter if none of them:")
        case .noMembers:
            return l.pick(
                "Hộ chưa có thành viên nào được ghi; thêm sau bằng: tungnha member add",
                "No member of this household is recorded yet; add them with: tungnha member add")
        case .memberHeader(let name): return l.pick("— \(name):", "— \(name):")
        case .vneid:
            return l.pick(
                "  Tài khoản định danh điện tử (VNeID): 0 chưa có · ckh chưa kích hoạt · 1 mức 1 · 2 mức 2 (Enter: không xem):",
                "  Electronic identity account (VNeID): 0 none · ckh not activated · 1 level 1 · 2 level 2 (Enter: not checked):")
        case .login: return l.pick("  Tự đăng nhập VNeID được không? (c/k; Enter: không xem):", "  Logs in to VNeID unaided? (y/n; Enter: not checked):")
        case .dvctt:
            return l.pick(
                "  Đã tự làm được một thủ tục dịch vụ công trực tuyến (DVCTT) chưa? (c/k; Enter: không xem):",
                "  Has completed an online public service procedure (DVCTT) unaided? (y/n; Enter: not checked):")
        case .paid: return l.pick("  Đã tự thanh toán trực tuyến chưa? (c/k; Enter: không xem):", "  Has paid a fee online? (y/n; Enter: not checked):")
        case .smartphone: return l.pick("  Có điện thoại thông minh không? (c/k; Enter: không xem):", "  Owns a smartphone? (y/n; Enter: not checked):")
        case .help:
            return l.pick(
                "Đã hỗ trợ gì? 1 cài VNeID · 2 kích hoạt tài khoản · 3 hướng dẫn đăng nhập · 4 hướng dẫn làm thủ tục · 5 hướng dẫn thanh toán (gõ số, cách nhau bằng dấu phẩy; Enter: không có):",
                "Help given? 1 installed VNeID · 2 activated the account · 3 guided a login · 4 guided a procedure · 5 guided a payment (numbers, separated by commas; Enter: none):")
        case .procedure:
            return l.pick("Thủ tục đã hướng dẫn (ví dụ Đăng ký thường trú; Enter: không có):", "The procedure guided (such as Đăng ký thường trú; Enter: none):")
        case .followUp: return l.pick("Ngày hẹn đến lại (ví dụ 27/11/2026; Enter: không hẹn):", "Day to come back (such as 27/11/2026; Enter: none):")
        case .volunteer(let remembered):
            if let remembered { return l.pick("Người đến hộ (Enter: \(remembered)):", "Who visited (Enter: \(remembered)):") }
            return l.pick("Người đến hộ (tên bạn; máy sẽ nhớ cho các lần sau):", "Who visited (your name; the laptop remembers it):")
        case .time(let now):
            return l.pick("Lúc nào? (Enter: bây giờ, \(now); hoặc ngày và giờ như 20/11/2026 09:30):", "When? (Enter: now, \(now); or a day and hour such as 20/11/2026 09:30):")
        case .willRecord: return l.pick("Sẽ ghi:", "To be recorded:")
        case .confirm: return l.pick("Ghi lại? (c/k):", "Record it? (y/n):")
        case .nothingRecorded: return l.pick("Không ghi gì cả; kho dữ liệu vẫn như trước.", "Nothing was recorded; the store is as it was.")
        case .interrupted: return l.pick("Đã dừng (Ctrl-C). Không ghi gì cả; kho dữ liệu vẫn như trước.", "Stopped (Ctrl-C). Nothing was recorded; the store is as it was.")
        case .consent: return l.pick("Hộ có đồng ý cho ghi tên không? (c/k):", "Does the household agree to names being kept? (y/n):")
        case .head: return l.pick("Tên chủ hộ:", "Head of household's name:")
        case .address: return l.pick("Địa chỉ (ví dụ Số 12, ngõ 5; Enter: bỏ qua):", "Address (such as Số 12, ngõ 5; Enter: skip):")
        case .phone: return l.pick("Số điện thoại liên hệ (Enter: bỏ qua):", "Contact phone number (Enter: skip):")
        case .duplicate: return l.pick("Vẫn ghi là một hộ mới? (c/k):", "Record it as a new household all the same? (y/n):")
        case .addMembersNow: return l.pick("Thêm thành viên cho hộ này ngay bây giờ? (c/k):", "Add this household's members now? (y/n):")
        case .anotherMember: return l.pick("Thêm thành viên khác? (c/k):", "Add another member? (y/n):")
        case .memberName: return l.pick("Tên thành viên:", "Member's name:")
        case .birthYear: return l.pick("Năm sinh (ví dụ 1980):", "Year of birth (such as 1980):")
        case .sex: return l.pick("Giới tính: nam/nữ (Enter: bỏ qua):", "Sex: male/female (Enter: skip):")
        case .relation: return l.pick("Quan hệ với chủ hộ (ví dụ vợ, con; Enter: bỏ qua):", "Relation to the head (such as vợ, con; Enter: skip):")
        case .recordVisit(let household): return l.pick("  Lượt đến hộ \(household)", "  A visit to household \(household)")
        case .recordHousehold: return l.pick("  Một hộ mới", "  A new household")
        case .recordMember(let household): return l.pick("  Một thành viên mới của hộ \(household)", "  A new member of household \(household)")
        }
    }

    /// "    Kết quả: gặp được" — one line of a summary.
    public static func field(_ label: String, _ value: String) -> String { "    " + label + ": " + value }

    public static func label(_ key: String, _ l: Language) -> String {
        switch key {
        case "village": return l.pick("Thôn/tổ dân phố", "Village")
        case "head": return l.pick("Chủ hộ", "Head")
        case "noNames": return l.pick("Không ghi tên (hộ không đồng ý)", "No names (the household does not agree)")
        case "address": return l.pick("Địa chỉ", "Address")
        case "phone": return l.pick("Điện thoại", "Phone")
        case "time": return l.pick("Lúc", "When")
        case "volunteer": return l.pick("Người đến hộ", "Visited by")
        case "outcome": return l.pick("Kết quả", "Outcome")
        case "help": return l.pick("Đã hỗ trợ", "Help given")
        case "procedure": return l.pick("Thủ tục", "Procedure")
        case "followUp": return l.pick("Hẹn đến lại", "Follow-up")
        case "name": return l.pick("Tên", "Name")
        case "birthYear": return l.pick("Năm sinh", "Born")
        case "sex": return l.pick("Giới tính", "Sex")
        case "relation": return l.pick("Quan hệ", "Relation")
        case "now": return l.pick("bây giờ", "now")
        case "member": return l.pick("thành viên", "member")
        case "vneid": return "VNeID"
        case "login": return l.pick("tự đăng nhập", "logs in")
        case "dvctt": return "DVCTT"
        case "paid": return l.pick("thanh toán trực tuyến", "paid online")
        case "smartphone": return l.pick("điện thoại thông minh", "smartphone")
        default: return key
        }
    }
}
