// The message catalogue: every error the tool can give, in Vietnamese and English.
// Each says what was wrong and what to do next.

extension InputField: Localized {
    public func text(_ l: Language) -> String {
        switch self {
        case .headName: return l.pick("Tên chủ hộ", "The head of household's name")
        case .name: return l.pick("Tên", "The name")
        case .address: return l.pick("Địa chỉ", "The address")
        case .note: return l.pick("Ghi chú", "The note")
        case .village: return l.pick("Tên thôn/tổ dân phố", "The village name")
        case .relation: return l.pick("Quan hệ với chủ hộ", "The relation to the head")
        case .procedure: return l.pick("Tên thủ tục", "The procedure")
        case .volunteer: return l.pick("Tên người đến hộ", "The volunteer's name")
        case .reason: return l.pick("Lý do", "The reason")
        case .deviceName: return l.pick("Tên máy", "The device name")
        case .phone: return l.pick("Số điện thoại", "The phone number")
        }
    }
}

extension Scheme: Localized {
    public func text(_ l: Language) -> String {
        switch self {
        case .y2025: return l.pick("danh mục 2025", "2025 list")
        case .pre2025: return l.pick("danh mục trước 2025", "pre-2025 list")
        }
    }
}

extension AdminUnits.Unit {
    /// "13285  Phường Phủ Lý, Ninh Bình (danh mục 2025)"
    public func line(_ l: Language) -> String {
        var text = "\(code)  \(name)"
        let units = AdminUnits.shared
        if level == .commune, let province = province.flatMap({ units.province($0, scheme: scheme) }) {
            if scheme == .pre2025, let district = parent.flatMap({ units.districts[$0] }) {
                text += ", \(district.name)"
            }
            text += ", \(province.name)"
        } else if level == .district, let province = parent.flatMap({ units.province($0, scheme: .pre2025) }) {
            text += ", \(province.name)"
        }
        return text + " (\(scheme.text(l)))"
    }
}

extension StoreError {
    public func text(_ l: Language) -> String {
        switch self {
        case .missing(let path, let hint):
            let create: String
            switch hint {
            case .initLaptop:
                create = l.pick(
                    "Để bắt đầu trên máy của tổ, chạy:\n  tungnha init --commune MÃ_XÃ --device-name \"TÊN MÁY\"\n(tìm mã xã: tungnha units search \"tên xã\")",
                    "To start on a team's laptop, run:\n  tungnha init --commune CODE --device-name \"DEVICE NAME\"\n(find the code: tungnha units search \"commune name\")")
            case .initGathering:
                create = l.pick(
                    "Để tạo kho của máy tổng hợp, chạy một trong hai:\n  tungnha init --gathering-machine --commune MÃ_XÃ --device-name \"TÊN MÁY\"     (máy của UBND xã)\n  tungnha init --gathering-machine --province MÃ_TỈNH --device-name \"TÊN MÁY\"  (máy của tỉnh)",
                    "To create a gathering machine's store, run one of:\n  tungnha init --gathering-machine --commune CODE --device-name \"DEVICE NAME\"    (a commune People's Committee's machine)\n  tungnha init --gathering-machine --province CODE --device-name \"DEVICE NAME\"   (the province's machine)")
            }
            return l.pick(
                "Chưa có kho dữ liệu ở \(path).\n\(create)\nNếu kho nằm ở chỗ khác, thêm --db ĐƯỜNG_DẪN.",
                "There is no store at \(path) yet.\n\(create)\nIf the store is elsewhere, add --db PATH.")
        case .newerVersion(let path):
            return l.pick(
                "Kho \(path) được ghi bởi một phiên bản tungnha mới hơn bản này, nên bản này không mở nó. Kho được giữ nguyên. Hãy cập nhật tungnha rồi chạy lại.",
                "The store \(path) was written by a newer version of tungnha, so this version does not open it. The store is left as it is. Update tungnha and run the command again.")
        case .notAStore(let path):
            return l.pick(
                "\(path) không phải là kho dữ liệu của tungnha; không có gì bị thay đổi. Kiểm tra lại --db, hoặc tạo kho mới bằng tungnha init.",
                "\(path) is not a tungnha store; nothing was changed. Check --db, or create a store with tungnha init.")
        case .laptopOnly(let path):
            return l.pick(
                "Lệnh này dùng trên máy của tổ, còn \(path) là kho của một máy tổng hợp, nơi không ghi hộ. Hãy ghi trên máy của tổ, rồi gửi tệp đồng bộ (tungnha export) về máy tổng hợp. Nếu máy này lẽ ra là máy của tổ, tạo kho cho nó: tungnha init --commune MÃ_XÃ --device-name \"TÊN MÁY\" --db ĐƯỜNG_DẪN_MỚI",
                "This command is for a team's laptop, and \(path) is a gathering machine's store, where no households are recorded. Record on the team's laptop, then send its batch files (tungnha export) to the gathering machine. If this machine was meant to be a team's laptop, make it a store: tungnha init --commune CODE --device-name \"DEVICE NAME\" --db NEW_PATH")
        case .gatheringOnly(let path):
            return l.pick(
                "Lệnh này dùng trên máy tổng hợp (của xã hoặc tỉnh), còn \(path) là kho của máy một tổ. Chạy lệnh trên máy tổng hợp, hoặc xem kho đang dùng: tungnha where",
                "This command is for a gathering machine (a commune's or a province's), and \(path) is a team laptop's store. Run it on the gathering machine, or see which store is in use: tungnha where")
        case .damaged(let what):
            return l.pick(
                "Kho có dữ liệu không đọc lại được (\(what)); không có gì bị thay đổi. Hãy chép tệp kho lại từ bản sao lưu, hoặc gửi tệp kho cho người hỗ trợ kỹ thuật.",
                "The store holds data that does not read back (\(what)); nothing was changed. Copy the store back from a backup, or send the store file to whoever supports you.")
        case .unavailable(let path, let detail):
            return l.pick(
                "Không ghi được vào kho \(path) (\(detail)). Không có gì bị mất: phần chưa xong không được ghi. Kiểm tra chỗ trống trên đĩa và xem có lệnh tungnha nào khác đang chạy, rồi chạy lại lệnh.",
                "Could not write to the store \(path) (\(detail)). Nothing is lost: what was not finished was not written. Check the free disk space and whether another tungnha command is running, then run the command again.")
        }
    }
}

extension SetupError {
    public func text(_ l: Language) -> String {
        switch self {
        case .emptyDeviceName:
            return l.pick("Tên máy không được để trống. Ví dụ: --device-name \"Laptop thôn 3\".", "The device name is empty. For example: --device-name \"Laptop thôn 3\".")
        case .deviceNameTooLong(let limit):
            return l.pick("Tên máy dài quá \(limit) ký tự. Hãy đặt tên ngắn hơn, ví dụ \"Laptop thôn 3\".", "The device name is longer than \(limit) characters. Use a shorter one, such as \"Laptop thôn 3\".")
        case .unknownCommune(let code, let scheme, let suggestions):
            var text = l.pick(
                "Không có xã/phường nào mã \(code) trong \(scheme.text(l)). Không có gì được tạo.",
                "There is no commune with code \(code) in the \(scheme.text(l)). Nothing was created.")
            if !suggestions.isEmpty {
                text += l.pick("\nCó phải bạn muốn:", "\nDid you mean:")
                for unit in suggestions {
                    text += "\n  " + unit.line(l)
                    if unit.scheme != scheme { text += l.pick("  → thêm --scheme \(unit.scheme.rawValue)", "  → add --scheme \(unit.scheme.rawValue)") }
                }
            }
            return text + l.pick("\nTìm theo tên: tungnha units search \"tên xã\"", "\nSearch by name: tungnha units search \"commune name\"")
        case .unknownProvince(let code):
            return l.pick(
                "Không có tỉnh/thành phố nào mã \(code) trong danh mục 2025 (34 tỉnh, thành phố). Tìm mã: tungnha units search \"tên tỉnh\".",
                "There is no province with code \(code) in the 2025 list (34 provinces). Find the code: tungnha units search \"province name\".")
        case .alreadyOtherSetup(let path, let identity):
            return l.pick(
                "Kho \(path) đã được thiết lập cho máy \"\(identity.label)\" (\(identity.roleName(l))); không có gì thay đổi. Mỗi kho dành cho một máy: để thiết lập khác, dùng kho khác với --db ĐƯỜNG_DẪN_MỚI.",
                "The store \(path) is already set up for \"\(identity.label)\" (\(identity.roleName(l))); nothing was changed. Each store belongs to one machine: for another set-up, use another store with --db NEW_PATH.")
        case .communeWithDistrictServer:
            return l.pick(
                "--district-server (tên cũ của máy tổng hợp của tỉnh) không đi cùng --commune. Máy tổng hợp của UBND xã: tungnha init --gathering-machine --commune MÃ_XÃ --device-name \"TÊN MÁY\"; máy của tổ: chỉ --commune MÃ_XÃ.",
                "--district-server (the old name of a province's gathering machine) does not go with --commune. A commune People's Committee's gathering machine: tungnha init --gathering-machine --commune CODE --device-name \"DEVICE NAME\"; a team's laptop: --commune CODE alone.")
        case .noCommune:
            return l.pick(
                "Cần cho biết máy của tổ làm việc ở xã nào: --commune MÃ_XÃ (máy tổng hợp của xã hoặc tỉnh thì thêm --gathering-machine). Tìm mã xã: tungnha units search \"tên xã\".",
                "Say which commune this team's laptop works in: --commune CODE (for a commune's or province's gathering machine, add --gathering-machine). Find the code: tungnha units search \"commune name\".")
        case .gatheringNeedsLevel:
            return l.pick(
                "Máy tổng hợp của xã hay của tỉnh? Thêm --commune MÃ_XÃ (máy của UBND xã) hoặc --province MÃ_TỈNH (máy của tỉnh). Tìm mã: tungnha units search \"tên\".",
                "A commune's gathering machine or a province's? Add --commune CODE (a commune People's Committee's machine) or --province CODE (the province's). Find the code: tungnha units search \"name\".")
        case .gatheringBothLevels:
            return l.pick(
                "Một máy tổng hợp phục vụ một cấp: --commune MÃ_XÃ (xã) hoặc --province MÃ_TỈNH (tỉnh), không cả hai. Máy của xã chuyển tệp lên tỉnh bằng tungnha forward.",
                "A gathering machine serves one level: --commune CODE (a commune) or --province CODE (a province), not both. A commune's machine passes its files on to the province with tungnha forward.")
        case .provinceWithoutGathering:
            return l.pick(
                "--province chỉ dùng cho máy tổng hợp của tỉnh: tungnha init --gathering-machine --province MÃ_TỈNH --device-name \"TÊN MÁY\". Máy của tổ chỉ cần --commune MÃ_XÃ.",
                "--province is for a province's gathering machine: tungnha init --gathering-machine --province CODE --device-name \"DEVICE NAME\". A team's laptop needs --commune CODE alone.")
        case .gatheringCommuneNot2025(let code):
            let units = AdminUnits.shared
            let now = units.successors(of: code).compactMap { units.commune(CommuneRef(code: $0.new, scheme: .y2025))?.line(l) }
            let hint = now.isEmpty
                ? l.pick(" Tìm mã mới: tungnha units search \"tên xã\".", " Find the new code: tungnha units search \"commune name\".")
                : l.pick(" Xã \(code) (trước 2025) nay thuộc: ", " Commune \(code) (pre-2025) is now part of: ") + now.joined(separator: "; ") + "."
            return l.pick(
                "Máy tổng hợp của xã phục vụ một xã theo danh mục 2025 (từ 1/7/2025); nó vẫn nhận tệp của các xã cũ đã nhập vào xã đó. Dùng mã 2025, bỏ --scheme pre2025.",
                "A commune's gathering machine serves a commune of the 2025 list (since 1 July 2025); it still accepts the files of the former communes merged into it. Use the 2025 code, without --scheme pre2025.") + hint
        }
    }
}

extension LookupError.Kind {
    func noun(_ l: Language) -> String {
        switch self {
        case .household: return l.pick("hộ", "household")
        case .member: return l.pick("thành viên", "member")
        case .event: return l.pick("ghi nhận", "record")
        }
    }
}

extension LookupError {
    public func text(_ l: Language) -> String {
        switch self {
        case .tooShort(let text, let kind):
            let size = kind == .event ? 4 : ShortCode.shortestPrefix
            return l.pick(
                "Mã \"\(text)\" quá ngắn: hãy gõ ít nhất \(size) ký tự đầu của mã \(kind.noun(l)).",
                "The code \"\(text)\" is too short: type at least its first \(size) characters.")
        case .notFound(let text, let kind):
            switch kind {
            case .household:
                return l.pick(
                    "Không có hộ nào có mã bắt đầu bằng \"\(text)\". Xem mã các hộ: tungnha household list, hoặc tìm theo tên: tungnha household search \"tên\".",
                    "No household's code starts with \"\(text)\". List the codes: tungnha household list, or search by name: tungnha household search \"name\".")
            case .member:
                return l.pick(
                    "Không có thành viên nào có mã bắt đầu bằng \"\(text)\". Xem thành viên của hộ: tungnha household show MÃ_HỘ.",
                    "No member's code starts with \"\(text)\". See a household's members: tungnha household show CODE.")
            case .event:
                return l.pick(
                    "Không có ghi nhận nào có mã bắt đầu bằng \"\(text)\". Xem các ghi nhận của hộ: tungnha household history MÃ_HỘ.",
                    "No record's id starts with \"\(text)\". See a household's records: tungnha household history CODE.")
            }
        case .ambiguous(let text, let kind, let candidates):
            let list = candidates.map { "\n  \($0.code)  \($0.label)" }.joined()
            return l.pick(
                "Mã \"\(text)\" khớp với nhiều \(kind.noun(l)):\(list)\nHãy gõ thêm vài ký tự để chỉ đúng một.",
                "The code \"\(text)\" matches more than one \(kind.noun(l)):\(list)\nType a few more characters to pick one.")
        case .memberNotInHousehold(let member, let household):
            return l.pick(
                "Thành viên \(member) không thuộc hộ \(household). Xem thành viên của hộ: tungnha household show \(household).",
                "Member \(member) is not in household \(household). See its members: tungnha household show \(household).")
        case .villageNotFound(let name, let known):
            // A typo should lead to the village that exists, not to a second one under a new spelling.
            let close = Suggestions.closest(to: name, among: known)
            if !close.isEmpty {
                let list = close.map { "\n  \"\($0)\"" }.joined()
                return l.pick(
                    "Chưa có thôn/tổ dân phố \"\(name)\" trên máy này. Có phải bạn muốn:\(list)\nHãy gõ lại đúng tên (không cần dấu). Chỉ khi đây thật sự là thôn mới: tungnha village add \"\(name)\".",
                    "There is no village \"\(name)\" on this laptop. Did you mean:\(list)\nType the name again (diacritics optional). Only if it really is a new village: tungnha village add \"\(name)\".")
            }
            let list = known.isEmpty
                ? l.pick("Máy này chưa có thôn nào.", "This laptop has no village yet.")
                : l.pick("Các thôn đã có: ", "Villages so far: ") + known.joined(separator: ", ") + "."
            return l.pick(
                "Chưa có thôn/tổ dân phố \"\(name)\" trên máy này. \(list) Thêm thôn mới: tungnha village add \"\(name)\".",
                "There is no village \"\(name)\" on this laptop. \(list) Add it: tungnha village add \"\(name)\".")
        case .unitNotFound(let code):
            return l.pick(
                "Không có đơn vị hành chính nào mã \(code). Mã tỉnh có 2 chữ số, mã huyện (trước 2025) 3, mã xã 5. Tìm theo tên: tungnha units search \"tên\".",
                "There is no administrative unit with code \(code). Province codes have 2 digits, districts (pre-2025) 3, communes 5. Search by name: tungnha units search \"name\".")
        }
    }
}

extension RecordError {
    public func text(_ l: Language) -> String {
        switch self {
        case .digitRun(let field):
            let next = field == .deviceName
                ? l.pick("Hãy đặt tên máy khác, ví dụ --device-name \"Laptop tổ 1\".", "Choose another name, such as --device-name \"Laptop team 1\".")
                : l.pick(
                    "Hãy bỏ dãy số đó đi; số điện thoại của hộ thì ghi riêng: tungnha household edit MÃ_HỘ --phone SỐ.",
                    "Remove it; a household's phone number has a field of its own: tungnha household edit CODE --phone NUMBER.")
            return l.pick(
                "\(field.text(l)) có một dãy từ 9 chữ số trở lên (dấu cách, dấu chấm, gạch chéo… xen giữa vẫn tính là một dãy), giống số căn cước (CCCD) hoặc mã OTP. Để bảo vệ người dân, tungnha không lưu các số này. \(next) Không có gì được ghi.",
                "\(field.text(l)) holds a run of 9 or more digits (spaces, dots, slashes… between them still count), like an ID card (CCCD) number or a one-time code. To protect people, tungnha does not keep such numbers. \(next) Nothing was recorded.")
        case .secretNumber(let field):
            return l.pick(
                "\(field.text(l)) có một con số ngay cạnh từ chỉ mật khẩu, mã OTP, mã PIN hoặc số căn cước. Không bao giờ ghi những số này của người dân, ở bất kỳ đâu. Hãy bỏ con số đó đi rồi ghi lại. Không có gì được ghi.",
                "\(field.text(l)) holds a number next to a word naming a password, one-time code, PIN or ID number. Never write these numbers of anyone, anywhere. Remove the number and try again. Nothing was recorded.")
        case .tooLong(let field, let limit):
            return l.pick("\(field.text(l)) dài quá \(limit) ký tự. Hãy viết ngắn lại.", "\(field.text(l)) is longer than \(limit) characters. Please shorten it.")
        case .empty(let field):
            return l.pick("\(field.text(l)) không được để trống.", "\(field.text(l)) cannot be empty.")
        case .invalidPhone(let text):
            return l.pick(
                "Số điện thoại \"\(text)\" không đúng: cần 10 chữ số bắt đầu bằng 0 (ví dụ 0912 345 678), hoặc +84 và 9 chữ số.",
                "The phone number \"\(text)\" is not valid: it needs 10 digits starting with 0 (such as 0912 345 678), or +84 and 9 digits.")
        case .invalidBirthYear(let year, let latest):
            return l.pick(
                "Năm sinh \(year) không hợp lệ: cần một năm từ 1900 đến \(latest).",
                "The birth year \(year) is not valid: it must be between 1900 and \(latest).")
        case .invalidDeclaredMembers(let count):
            return l.pick("Số nhân khẩu \(count) không hợp lệ: cần từ 1 đến 50.", "The number of members \(count) is not valid: it must be from 1 to 50.")
        case .futureTime(let given, let now):
            return l.pick(
                "Thời điểm \(given) nằm trong tương lai (bây giờ là \(now)). Chỉ ghi lượt đến hộ đã diễn ra; kiểm tra lại --at (hoặc đồng hồ của máy).",
                "The time \(given) is in the future (it is now \(now)). Record only visits that have happened; check --at (or the laptop's clock).")
        case .invalidDateTime(let text):
            return l.pick(
                "Không hiểu thời điểm \"\(text)\". Hãy viết như 2026-11-20 09:30 hoặc 20/11/2026 09:30 (giờ Việt Nam), và là ngày giờ có thật.",
                "Cannot read the time \"\(text)\". Write it like 2026-11-20 09:30 or 20/11/2026 09:30 (Vietnam time), and make it a real date and time.")
        case .invalidDate(let text):
            return l.pick(
                "Không hiểu ngày \"\(text)\". Hãy viết như 2026-11-20 hoặc 20/11/2026, và là một ngày có thật.",
                "Cannot read the date \"\(text)\". Write it like 2026-11-20 or 20/11/2026, and make it a real day.")
        case .namesWithoutConsent(let household):
            return l.pick(
                "Hộ \(household) chưa đồng ý cho ghi tên, nên không ghi tên được; không có gì được ghi. Nếu hộ đồng ý, ghi lại khi đến hộ: tungnha visit \(household) --outcome met --consent yes. Nếu không, bỏ --name/--head.",
                "Household \(household) has not agreed to names being kept, so no name can be recorded; nothing was recorded. If they agree, record it at a visit: tungnha visit \(household) --outcome met --consent yes. Otherwise leave out --name/--head.")
        case .headOrNoNames:
            return l.pick(
                "Cần biết hộ có đồng ý ghi tên không: thêm --head \"TÊN CHỦ HỘ\" (hộ đồng ý), hoặc --no-names (hộ không đồng ý; hộ sẽ được nhận biết bằng mã và địa chỉ).",
                "Say whether the household agrees to names being kept: add --head \"NAME\" (they agree), or --no-names (they do not; the household is then known by its code and address).")
        case .headAndNoNames:
            return l.pick("Không dùng cùng lúc --head và --no-names: chọn một.", "Use either --head or --no-names, not both.")
        case .observationSyntax(let text):
            return l.pick(
                "Không hiểu \"--member \(text)\". Viết theo mẫu MÃ:vneid=2,login=yes,dvctt=yes (xem tungnha visit --help).",
                "Cannot read \"--member \(text)\". Write it like CODE:vneid=2,login=yes,dvctt=yes (see tungnha visit --help).")
        case .observationValue(let text, let key):
            return l.pick(
                "Giá trị của \(key) trong \"\(text)\" không hợp lệ: vneid nhận none, pending, 1 hoặc 2; các mục khác nhận yes hoặc no.",
                "The value of \(key) in \"\(text)\" is not valid: vneid takes none, pending, 1 or 2; the others take yes or no.")
        case .observationKey(let text, let key):
            return l.pick(
                "Không biết mục \"\(key)\" trong \"\(text)\". Các mục là: vneid, login, dvctt, paid, phone.",
                "Unknown item \"\(key)\" in \"\(text)\". The items are: vneid, login, dvctt, paid, phone.")
        case .observationTwice(let member):
            return l.pick(
                "Thành viên \(member) được ghi hai lần trong cùng một lượt đến hộ. Gộp lại thành một --member.",
                "Member \(member) appears twice in one visit. Put it all in one --member.")
        case .nothingToChange:
            return l.pick("Không có gì để thay đổi: hãy cho biết trường cần sửa (xem --help).", "Nothing to change: say which field to change (see --help).")
        case .volunteerUnknown:
            return l.pick(
                "Chưa biết ai đến hộ. Thêm --by \"TÊN BẠN\"; máy sẽ nhớ tên cho các lần sau.",
                "Who made the visit? Add --by \"YOUR NAME\"; the laptop remembers it for next time.")
        case .villageExists(let name):
            return l.pick("Thôn/tổ dân phố \"\(name)\" đã có rồi. Xem danh sách: tungnha village list.", "The village \"\(name)\" is already there. See them all: tungnha village list.")
        case .cannotVoid(let type):
            return l.pick(
                "Không huỷ được loại ghi nhận này (\(type.rawValue)): chỉ huỷ được việc ghi hộ, thành viên, lượt đến hộ, sửa thông tin hoặc gộp hộ."
                    + (type == .eventVoided ? " Để bỏ một việc huỷ nhầm: tungnha unvoid MÃ_GHI_NHẬN" : ""),
                "This kind of record (\(type.rawValue)) cannot be voided: only registrations, members, visits, changes and merges can."
                    + (type == .eventVoided ? " To undo a void made by mistake: tungnha unvoid RECORD" : ""))
        case .alreadyVoided(let event):
            return l.pick(
                "Ghi nhận \(event) đã bị huỷ trước đó; không có gì thay đổi. Nếu việc huỷ đó là nhầm: tungnha unvoid \(event)",
                "Record \(event) was already voided; nothing was changed. If that void was a mistake: tungnha unvoid \(event)")
        case .mergeSame(let code):
            return l.pick("Không gộp một hộ vào chính nó (\(code)).", "A household cannot be merged into itself (\(code)).")
        case .mergeAcrossCommunes(let keep, let other):
            return l.pick(
                "Hộ \(keep) và hộ \(other) thuộc hai xã khác nhau nên không thể là cùng một nhà; không có gì thay đổi.",
                "Households \(keep) and \(other) are in different communes, so they cannot be the same house; nothing was changed.")
        case .alreadyMerged(let code, let into):
            return l.pick("Hộ \(code) đã được gộp vào hộ \(into); hãy dùng mã \(into).", "Household \(code) was merged into \(into); use \(into).")
        case .correctsNotAVisit(let event):
            return l.pick(
                "Ghi nhận \(event) không phải một lượt đến hộ này, nên không sửa được bằng --corrects. Xem: tungnha household history MÃ_HỘ.",
                "Record \(event) is not a visit to this household, so --corrects cannot replace it. See: tungnha household history CODE.")
        case .newCommuneNotSuccessor(let code, let allowed):
            return l.pick(
                "Xã \(code) không phải là nơi xã này được nhập vào khi sắp xếp năm 2025. Chọn một trong: \(allowed.joined(separator: ", ")).",
                "Commune \(code) is not one the old commune went into in 2025. Choose one of: \(allowed.joined(separator: ", ")).")
        case .notStorable(let field, let problem):
            return l.pick(
                "Không ghi được: trường \"\(field)\" \(problem.text(l)). Không có gì được ghi; hãy sửa giá trị đó rồi thử lại.",
                "Cannot record this: field \"\(field)\" \(problem.text(l)). Nothing was recorded; correct the value and try again.")
        case .villageNotSplit(let commune):
            return l.pick(
                "Xã \(commune) không bị chia khi sắp xếp năm 2025, nên không cần --new-commune.",
                "Commune \(commune) was not split in 2025, so --new-commune is not needed.")
        }
    }
}
