// The message catalogue: the words a volunteer may type for a choice, in either language, with or without
// diacritics ("nữ", "nu", "female"). The first Vietnamese word is the one shown.

/// A value chosen from a few words: `--sex nữ`, `--outcome gặp`, an answer at a prompt.
public protocol TypedChoice: CaseIterable, Localized, Sendable {
    /// The English word (the value scripts use) first, then the Vietnamese ones, preferred first.
    var words: (english: String, vietnamese: [String]) { get }
}

extension TypedChoice {
    /// The case one of whose words matches `text`, ignoring case, diacritics, spaces, "-" and "_".
    public init?(word text: String) {
        let key = ChoiceKey.of(text)
        guard !key.isEmpty,
            let match = Self.allCases.first(where: { choice in
                ([choice.words.english] + choice.words.vietnamese).contains { ChoiceKey.of($0) == key }
            })
        else { return nil }
        self = match
    }

    /// The word to type for this value in the language: "nữ" or "female".
    public func word(_ l: Language) -> String { l.pick(words.vietnamese[0], words.english) }

    /// Every value's word, for help and errors: "nam|nữ" or "male|female".
    public static func choices(_ l: Language) -> String { allCases.map { $0.word(l) }.joined(separator: "|") }

    /// Every word of every value, both languages, for shell completion.
    public static var allWords: [String] { allCases.flatMap { [$0.words.english] + $0.words.vietnamese } }
}

enum ChoiceKey {
    static func of(_ text: String) -> String {
        Folding.fold(text).filter { $0 != " " && $0 != "-" && $0 != "_" }
    }
}

/// Yes or no, as people answer: "có", "c", "không", "k", "yes", "no".
public enum YesNo: String, TypedChoice {
    case yes, no

    public var words: (english: String, vietnamese: [String]) {
        switch self {
        case .yes: return ("yes", ["có", "c", "y", "đồng ý", "true"])
        case .no: return ("no", ["không", "k", "n", "ko", "false"])
        }
    }

    public var isYes: Bool { self == .yes }

    public func text(_ l: Language) -> String { self == .yes ? l.pick("có", "yes") : l.pick("không", "no") }
}

extension Sex: TypedChoice {
    public var words: (english: String, vietnamese: [String]) {
        switch self {
        case .male: return ("male", ["nam", "trai", "m"])
        case .female: return ("female", ["nữ", "gái", "f"])
        }
    }
}

extension VisitOutcome: TypedChoice {
    public var words: (english: String, vietnamese: [String]) {
        switch self {
        case .met: return ("met", ["gặp", "gặp được"])
        case .absent: return ("absent", ["vắng", "vắng nhà", "không có nhà"])
        case .refused: return ("refused", ["từ chối"])
        case .moved: return ("moved", ["chuyển đi", "đã chuyển đi"])
        }
    }
}

extension MemberStatus: TypedChoice {
    public var words: (english: String, vietnamese: [String]) {
        switch self {
        case .present: return ("present", ["ở nhà", "đang ở", "còn ở"])
        case .moved: return ("moved", ["chuyển đi", "đã chuyển đi"])
        case .died: return ("died", ["mất", "đã mất"])
        }
    }
}

extension Help: TypedChoice {
    public var words: (english: String, vietnamese: [String]) {
        switch self {
        case .installedVneid: return ("installed-vneid", ["cài VNeID", "cài đặt VNeID"])
        case .activatedAccount: return ("activated-account", ["kích hoạt", "kích hoạt tài khoản"])
        case .guidedLogin: return ("guided-login", ["hướng dẫn đăng nhập", "đăng nhập"])
        case .guidedProcedure: return ("guided-procedure", ["hướng dẫn thủ tục", "hướng dẫn làm thủ tục", "thủ tục"])
        case .guidedPayment: return ("guided-payment", ["hướng dẫn thanh toán", "thanh toán"])
        }
    }
}

extension VneidStatus: TypedChoice {
    public var words: (english: String, vietnamese: [String]) {
        switch self {
        case .none: return ("none", ["chưa có", "0"])
        case .pending: return ("pending", ["chưa kích hoạt", "ckh"])
        case .level1: return ("1", ["mức 1", "1", "level1"])
        case .level2: return ("2", ["mức 2", "2", "level2"])
        }
    }
}

extension Scheme: TypedChoice {
    public var words: (english: String, vietnamese: [String]) {
        switch self {
        case .y2025: return ("2025", ["2025", "mới"])
        case .pre2025: return ("pre2025", ["trước 2025", "cũ"])
        }
    }
}

extension ReportLevel: TypedChoice {
    public var words: (english: String, vietnamese: [String]) {
        switch self {
        case .village: return ("village", ["thôn", "tổ dân phố"])
        case .commune: return ("commune", ["xã", "phường"])
        case .district: return ("district", ["huyện"])
        case .province: return ("province", ["tỉnh"])
        case .volunteer: return ("volunteer", ["người đến hộ", "tình nguyện viên"])
        }
    }
}
