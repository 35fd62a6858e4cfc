// Words of the field, in both languages (docs/GLOSSARY.md maps them to the names in code).

extension VisitOutcome: Localized {
    public func text(_ l: Language) -> String {
        switch self {
        case .met: return l.pick("gặp được", "met")
        case .absent: return l.pick("vắng nhà", "nobody home")
        case .refused: return l.pick("từ chối", "refused")
        case .moved: return l.pick("đã chuyển đi", "moved away")
        }
    }
}

extension Help: Localized {
    public func text(_ l: Language) -> String {
        switch self {
        case .installedVneid: return l.pick("cài VNeID", "installed VNeID")
        case .activatedAccount: return l.pick("kích hoạt tài khoản", "activated the account")
        case .guidedLogin: return l.pick("hướng dẫn đăng nhập", "guided a login")
        case .guidedProcedure: return l.pick("hướng dẫn làm thủ tục", "guided a procedure")
        case .guidedPayment: return l.pick("hướng dẫn thanh toán", "guided a payment")
        }
    }
}

extension VneidStatus: Localized {
    public func text(_ l: Language) -> String {
        switch self {
        case .none: return l.pick("chưa có", "none")
        case .pending: return l.pick("chưa kích hoạt", "not activated")
        case .level1: return l.pick("mức 1", "level 1")
        case .level2: return l.pick("mức 2", "level 2")
        }
    }
}

extension Sex: Localized {
    public func text(_ l: Language) -> String { self == .male ? l.pick("nam", "male") : l.pick("nữ", "female") }
}

extension MemberStatus: Localized {
    public func text(_ l: Language) -> String {
        switch self {
        case .present: return l.pick("đang ở", "lives here")
        case .moved: return l.pick("đã chuyển đi", "moved away")
        case .died: return l.pick("đã mất", "died")
        }
    }
}

extension CoverageRule.Gap: Localized {
    public func text(_ l: Language) -> String {
        switch self {
        case .noMembers: return l.pick("chưa ghi thành viên nào", "no member recorded")
        case .noAccount: return l.pick("chưa có tài khoản VNeID", "no VNeID account")
        case .notActivated: return l.pick("tài khoản VNeID chưa kích hoạt", "VNeID account not activated")
        case .cannotLogIn: return l.pick("chưa tự đăng nhập được", "cannot log in unaided")
        case .noProcedure: return l.pick("chưa tự làm được thủ tục DVCTT", "never completed an online procedure unaided")
        }
    }
}

extension EventKind: Localized {
    public func text(_ l: Language) -> String {
        switch self {
        case .villageAdded: return l.pick("thêm thôn", "village added")
        case .villageChanged: return l.pick("sửa thôn", "village changed")
        case .householdRegistered: return l.pick("ghi hộ", "household registered")
        case .householdChanged: return l.pick("sửa thông tin hộ", "household changed")
        case .householdMerged: return l.pick("gộp hộ trùng", "duplicate merged")
        case .memberAdded: return l.pick("thêm thành viên", "member added")
        case .memberChanged: return l.pick("sửa thành viên", "member changed")
        case .visitRecorded: return l.pick("lượt đến hộ", "visit")
        case .eventVoided: return l.pick("huỷ ghi nhận", "record voided")
        case .eventCorrected: return l.pick("sửa lượt đến hộ", "visit corrected")
        case .deviceCopied: return l.pick("máy tiếp nối mã máy cũ", "device continues an earlier id")
        case .flagReviewed: return l.pick("xem xét dấu hiệu bất thường", "audit flag reviewed")
        }
    }
}

extension Bool {
    func yesNo(_ l: Language) -> String { self ? l.pick("có", "yes") : l.pick("không", "no") }
}

extension Optional where Wrapped == Bool {
    func yesNo(_ l: Language) -> String { map { $0.yesNo(l) } ?? "—" }
}
