import TungnhaKit

// The message catalogue: help for every command and option.

public enum HelpText: Sendable {
    case tungnha, discussion
    case db, lang, json
    case initCommand, initCommune, initScheme, initDeviceName, initGathering, initDistrictServer, initProvince
    case units, unitsSearch, unitsSearchText, unitsShow, unitsShowCode, scheme
    case village, villageAdd, villageName, villageList, villageAssign, newCommune
    case household, householdAdd, householdEdit, householdList, householdShow, householdSearch, householdSearchText
    case householdMerge, householdMergeKeep, householdMergeOther, householdHistory, householdCode
    case villageOption, head, noNames, address, phone, declaredMembers, note
    case member, memberAdd, memberEdit, memberRemove, memberCode, name, birthYear, sex, relation, status, reason
    case visit, visitAt, visitOutcome, visitBy, visitConsent, visitHelp, visitProcedure, visitFollowUp, visitMember, visitCorrects
    case void, voidEvent
    case limit
    case demo, demoDir, demoForce
    case report, reportBy, reportProvince, reportCommune, reportAsOf, reportFormat, reportOut
    case target, targetSet, targetList, targetSettings, register, registerImport, registerFile, followups
    case registerHouseholds, registerHouseholdsFile, dryRun, registerSheet, registerVillage, registerColumn(RegisterField)
    case reportUnit, reportPlace, reportAudit, followupsFormat, followupsOut
    case export, exportOut, exportAgain, exportCommune, merge, mergePaths, sync, syncStatus, conflicts, duplicates
    case forward, forwardOut, forwardAgain
    case yesDuplicate, whereCommand

    public func text(_ l: Language) -> String {
        switch self {
        case .tungnha:
            return l.pick(
                "Ghi hộ, lượt đến hộ và báo cáo cho tổ công nghệ số cộng đồng: mỗi hộ có ít nhất một người biết dùng tài khoản định danh điện tử VNeID và dịch vụ công trực tuyến.",
                "Households, visits and coverage reports for community digital technology teams: every household with at least one member who can use VNeID and online public services.")
        case .discussion:
            return l.pick(
                "Bắt đầu: tungnha init --commune MÃ_XÃ --device-name \"TÊN MÁY\". Xem cả quy trình chạy thử: tungnha demo.\nTiếng Anh: thêm --lang en, hoặc đặt LANG=en_US.UTF-8.",
                "Start with: tungnha init --commune CODE --device-name \"NAME\". See the whole flow: tungnha demo.\nVietnamese is the default; --lang en or LANG=en_US.UTF-8 gives English.")
        case .db:
            return l.pick(
                "Kho dữ liệu (tệp SQLite). Mặc định: biến TUNGNHA_DB, hoặc $XDG_DATA_HOME/tungnha/tungnha.sqlite (~/.local/share/tungnha/).",
                "The store (an SQLite file). Default: $TUNGNHA_DB, else $XDG_DATA_HOME/tungnha/tungnha.sqlite (~/.local/share/tungnha/).")
        case .lang: return l.pick("Ngôn ngữ: vi (mặc định) hoặc en.", "Language: vi (default) or en.")
        case .json: return l.pick("In kết quả dạng JSON để chương trình khác đọc.", "Print machine-readable JSON instead.")
        case .initCommand:
            return l.pick(
                "Thiết lập máy: máy của tổ (ghi hộ cho một xã: --commune MÃ_XÃ), hoặc máy tổng hợp của UBND xã hay của tỉnh (--gathering-machine với --commune MÃ_XÃ hoặc --province MÃ_TỈNH), là máy nhận tệp của các máy của tổ, gộp và lập báo cáo.",
                "Set up this machine: a team's laptop (records households of one commune: --commune CODE), or the gathering machine of a commune's People's Committee or of a province (--gathering-machine with --commune CODE or --province CODE), which receives the laptops' files, merges them and reports.")
        case .initCommune:
            return l.pick(
                "Mã xã/phường (5 chữ số) mà tổ làm việc; với --gathering-machine: xã mà máy tổng hợp phục vụ (mã 2025).",
                "The code (5 digits) of the commune the team works in; with --gathering-machine: the commune the gathering machine serves (2025 code).")
        case .initScheme: return l.pick("Danh mục của mã: 2025 (mặc định) hoặc pre2025.", "Which list the code is from: 2025 (default) or pre2025.")
        case .initDeviceName: return l.pick("Tên máy, ví dụ \"Laptop thôn 3\".", "A name for this machine, such as \"Laptop thôn 3\".")
        case .initGathering:
            return l.pick(
                "Máy này là máy tổng hợp, không phải máy của tổ: nó không ghi hộ, mà nhận và gộp tệp đồng bộ, lập báo cáo. Kèm --commune MÃ_XÃ (máy của UBND xã, chuyển tệp lên tỉnh bằng tungnha forward) hoặc --province MÃ_TỈNH (máy của tỉnh).",
                "This machine is a gathering machine, not a team's laptop: it records no households; it receives and merges batch files, and reports. With --commune CODE (a commune People's Committee's machine, which passes the files on to the province with tungnha forward) or --province CODE (the province's machine).")
        case .initDistrictServer:
            return l.pick(
                "Tên cũ, từ khi còn cấp huyện: như --gathering-machine --province MÃ_TỈNH; không kèm --province thì máy nhận tệp của mọi tỉnh.",
                "The old name, from before the districts were abolished: the same as --gathering-machine --province CODE; without --province the machine accepts every province.")
        case .initProvince:
            return l.pick(
                "Với --gathering-machine: tỉnh (mã 2025) mà máy tổng hợp phục vụ; máy chỉ nhận các xã của tỉnh này.",
                "With --gathering-machine: the province (2025 code) the gathering machine serves; it accepts only that province's communes.")
        case .units: return l.pick("Tra cứu đơn vị hành chính (34 tỉnh, 3.321 xã từ 2025; danh mục trước 2025).", "Look up administrative units (34 provinces and 3,321 communes since 2025; the pre-2025 list).")
        case .unitsSearch: return l.pick("Tìm đơn vị theo tên, không cần dấu.", "Find units by name; diacritics optional.")
        case .unitsSearchText: return l.pick("Tên cần tìm, ví dụ \"phu ly\".", "The name to find, such as \"phu ly\".")
        case .unitsShow: return l.pick("Xem một đơn vị, cấp trên của nó và nó thay đổi thế nào khi sắp xếp năm 2025.", "Show a unit, its parents, and what it became or came from in the 2025 reform.")
        case .unitsShowCode: return l.pick("Mã tỉnh (2 chữ số), huyện trước 2025 (3) hoặc xã (5).", "A province (2 digits), pre-2025 district (3) or commune (5) code.")
        case .scheme: return l.pick("Chỉ xét danh mục này: 2025 hoặc pre2025.", "Only this list: 2025 or pre2025.")
        case .village: return l.pick("Thôn, bản, ấp, tổ dân phố mà tổ phụ trách.", "The villages (thôn, tổ dân phố) the team covers.")
        case .villageAdd: return l.pick("Thêm một thôn/tổ dân phố.", "Add a village.")
        case .villageName: return l.pick("Tên thôn/tổ dân phố, ví dụ \"Thôn 3\".", "The village name, such as \"Thôn 3\".")
        case .villageList: return l.pick("Liệt kê các thôn/tổ dân phố và số hộ.", "List the villages and their households.")
        case .villageAssign:
            return l.pick(
                "Cho biết thôn của một xã cũ bị chia (2025) thuộc xã mới nào, để báo cáo tính đúng.",
                "Say which 2025 commune a village of a split pre-2025 commune went to, so reports count it there.")
        case .newCommune: return l.pick("Mã xã mới (2025) mà thôn thuộc về.", "The 2025 commune code the village belongs to.")
        case .household: return l.pick("Ghi, sửa, xem và tìm hộ.", "Register, change, show and find households.")
        case .householdAdd:
            return l.pick(
                "Ghi một hộ mới. Trong cửa sổ dòng lệnh, không kèm --village: hỏi từng bước, rồi mời thêm thành viên.",
                "Register a household. In a terminal, without --village: asks step by step, then offers to add its members.")
        case .yesDuplicate:
            return l.pick(
                "Vẫn ghi dù thôn đã có hộ cùng tên chủ hộ (khi không chạy trong cửa sổ dòng lệnh).",
                "Register even though the village has a household with the same head (when not run in a terminal).")
        case .whereCommand:
            return l.pick(
                "Cho biết dữ liệu nằm ở đâu: tệp kho và vì sao là tệp đó (--db, TUNGNHA_DB, XDG_DATA_HOME…), thư mục tệp xuất và quarantine.",
                "Say where the data lives: the store file and why that one (--db, TUNGNHA_DB, XDG_DATA_HOME…), the exports and quarantine folders.")
        case .householdEdit: return l.pick("Sửa thông tin hộ. Để trống (\"\") thì xoá trường đó.", "Change a household. An empty value (\"\") clears the field.")
        case .householdList: return l.pick("Liệt kê các hộ.", "List households.")
        case .householdShow: return l.pick("Xem một hộ: thành viên, lượt đến hộ, đã đạt chưa và còn thiếu gì.", "Show a household: members, visits, whether it is covered and what is missing.")
        case .householdSearch: return l.pick("Tìm hộ theo tên chủ hộ hoặc địa chỉ, không cần dấu.", "Find households by head's name or address; diacritics optional.")
        case .householdSearchText: return l.pick("Tên hoặc địa chỉ, ví dụ \"nguyen van an\".", "A name or address, such as \"nguyen van an\".")
        case .householdMerge: return l.pick("Ghi nhận hai bản ghi là cùng một nhà (gộp hộ trùng).", "Record that two households are the same house (merge a duplicate).")
        case .householdMergeKeep: return l.pick("Mã hộ giữ lại.", "The household to keep.")
        case .householdMergeOther: return l.pick("Mã hộ trùng, được tính vào hộ giữ lại.", "The duplicate, which then counts for the one kept.")
        case .householdHistory: return l.pick("Xem mọi ghi nhận về một hộ (để huỷ ghi nhận nhầm).", "Show every record about a household (to void a mistaken one).")
        case .householdCode: return l.pick("Mã hộ (gõ vài ký tự đầu là đủ).", "The household code (its first few characters will do).")
        case .villageOption: return l.pick("Thôn/tổ dân phố của hộ.", "The household's village.")
        case .head: return l.pick("Tên chủ hộ (chỉ ghi khi hộ đồng ý ghi tên).", "The head of household's name (only with the household's consent).")
        case .noNames: return l.pick("Hộ không đồng ý ghi tên: không ghi tên ai trong hộ.", "The household does not agree to names being kept: no names are recorded.")
        case .address: return l.pick("Địa chỉ, ví dụ \"Số 12, ngõ 5\".", "The address, such as \"Số 12, ngõ 5\".")
        case .phone: return l.pick("Số điện thoại liên hệ (10 chữ số).", "A contact phone number (10 digits).")
        case .declaredMembers: return l.pick("Số nhân khẩu hộ khai.", "How many people the household says live there.")
        case .note: return l.pick("Ghi chú (không ghi số CCCD, mật khẩu hay mã OTP).", "A note (never an ID number, password or one-time code).")
        case .member: return l.pick("Thêm, sửa, bỏ thành viên của hộ.", "Add, change or remove household members.")
        case .memberAdd:
            return l.pick(
                "Thêm thành viên vào hộ. Trong cửa sổ dòng lệnh, không kèm mã hộ: hỏi từng bước.",
                "Add a member to a household. In a terminal, without a household code: asks step by step.")
        case .memberEdit: return l.pick("Sửa thông tin thành viên; --status \"chuyển đi\" hoặc mất khi người đó không còn ở hộ.", "Change a member; --status moved or died when they no longer live there.")
        case .memberRemove: return l.pick("Bỏ thành viên ghi nhầm (huỷ việc thêm).", "Remove a member added by mistake (voids the addition).")
        case .memberCode: return l.pick("Mã thành viên.", "The member code.")
        case .name: return l.pick("Tên (chỉ khi hộ đồng ý ghi tên).", "The name (only with the household's consent).")
        case .birthYear: return l.pick("Năm sinh, ví dụ 1980.", "Year of birth, such as 1980.")
        case .sex: return l.pick("Giới tính: nam hoặc nữ (có dấu hay không đều được; male/female cũng được).", "Sex: male or female (nam/nữ also work).")
        case .relation: return l.pick("Quan hệ với chủ hộ, ví dụ \"vợ\", \"con\".", "Relation to the head, such as \"vợ\" (wife), \"con\" (child).")
        case .status: return l.pick("\"ở nhà\", \"chuyển đi\" hoặc mất (present, moved, died cũng được).", "present, moved or died (ở nhà, chuyển đi, mất also work).")
        case .reason: return l.pick("Lý do.", "Why.")
        case .visit:
            return l.pick(
                "Ghi một lượt đến hộ: ai đến, khi nào, kết quả, đã hỗ trợ gì, và từng thành viên gặp được làm được gì. Trong cửa sổ dòng lệnh, không kèm mã hộ: hỏi từng bước.",
                "Record a visit: who came, when, the outcome, the help given, and what each member met can do. In a terminal, without a household code: asks step by step.")
        case .visitAt:
            return l.pick(
                "Lúc nào (mặc định: bây giờ): ngày và giờ, ví dụ \"20/11/2026 09:30\" hoặc \"2026-11-20 09:30\". Không được ở tương lai.",
                "When (default: now): a day and an hour, such as \"20/11/2026 09:30\" or \"2026-11-20 09:30\". Not in the future.")
        case .visitOutcome:
            return l.pick(
                "Kết quả: gặp (gặp được), vắng (vắng nhà), \"từ chối\", \"chuyển đi\"; có dấu hay không đều được (met, absent, refused, moved cũng được).",
                "Outcome: met, absent, refused, moved (gặp, vắng, từ chối, chuyển đi also work).")
        case .visitBy: return l.pick("Tên người đến hộ; máy nhớ cho các lần sau.", "Who visited; the laptop remembers it.")
        case .visitConsent: return l.pick("Hộ có đồng ý cho ghi tên không: có hoặc không.", "Whether the household agrees to names being kept: yes or no.")
        case .visitHelp:
            return l.pick(
                "Đã hỗ trợ gì (lặp lại được): \"cài VNeID\", \"kích hoạt tài khoản\", \"hướng dẫn đăng nhập\", \"hướng dẫn thủ tục\", \"hướng dẫn thanh toán\" (installed-vneid, activated-account, guided-login, guided-procedure, guided-payment cũng được).",
                "Help given (repeatable): installed-vneid, activated-account, guided-login, guided-procedure, guided-payment.")
        case .visitProcedure: return l.pick("Thủ tục đã hướng dẫn, ví dụ \"Đăng ký thường trú\".", "The procedure guided, such as \"Đăng ký thường trú\".")
        case .visitFollowUp: return l.pick("Ngày hẹn đến lại, từ hôm nay trở đi, ví dụ 27/11/2026 hoặc 2026-11-27.", "The day to come back, today or later, such as 2026-11-27.")
        case .visitMember:
            return l.pick(
                "Một thành viên gặp được và những gì thấy được; lặp lại cho mỗi người. Viết MÃ:mục=giá_trị,… với các mục: vneid (tài khoản định danh điện tử VNeID: none chưa có, pending chưa kích hoạt, 1 hoặc 2 là mức đã kích hoạt), login (tự đăng nhập được: yes/no), dvctt (đã tự làm được một thủ tục dịch vụ công trực tuyến: yes/no), paid (đã thanh toán trực tuyến: yes/no), phone (có điện thoại thông minh: yes/no). Mục nào không xem thì bỏ qua. Ví dụ: --member M4K2:vneid=2,login=yes,dvctt=yes --member Q7:vneid=pending",
                "A member met and what was observed; repeat for each person. Write CODE:item=value,… with the items vneid (VNeID electronic identity account: none, pending = not activated, 1 or 2 = activated level), login (logs in unaided: yes/no), dvctt (has completed an online public service procedure unaided: yes/no), paid (has paid a fee online: yes/no), phone (owns a smartphone: yes/no). Leave out what was not checked. Example: --member M4K2:vneid=2,login=yes,dvctt=yes --member Q7:vneid=pending")
        case .visitCorrects: return l.pick("Lượt đến hộ ghi nhầm mà lượt này thay thế (mã ghi nhận, xem household history).", "A visit recorded wrongly that this one replaces (record id; see household history).")
        case .void: return l.pick("Huỷ một ghi nhận nhầm (việc huỷ cũng được đồng bộ).", "Void a record made by mistake (the void syncs too).")
        case .voidEvent: return l.pick("Mã ghi nhận (ít nhất 4 ký tự đầu; xem household history).", "The record id (at least its first 4 characters; see household history).")
        case .limit: return l.pick("Số dòng tối đa.", "At most this many rows.")
        case .demo:
            return l.pick(
                "Chạy thử cả quy trình trên các phường thật của Lâm Đồng: ba máy của tổ ghi hộ, xuất lô; máy tổng hợp của một phường gộp lô của phường mình và chuyển lên máy tổng hợp của tỉnh; tỉnh gộp và lập báo cáo.",
                "Run the whole flow on real wards of Lâm Đồng: three team laptops record and export; one ward's gathering machine merges its own and forwards them to the province's gathering machine, which merges and reports.")
        case .demoDir: return l.pick("Thư mục tạo các kho, tệp và báo cáo (mặc định: demo).", "The folder for the stores, files and report (default: demo).")
        case .demoForce: return l.pick("Thay thư mục đã có.", "Replace the folder if it exists.")
        case .report:
            return l.pick(
                "Báo cáo theo xã (mặc định): hộ dự kiến, đã ghi, đã đến, đã đạt; người trưởng thành dùng DVCTT; VNeID mức 2; so với chỉ tiêu.",
                "Coverage report by commune (default): households expected, registered, visited, covered; adults using online services; VNeID level 2; against targets.")
        case .reportBy: return l.pick("Gộp theo: village (thôn), commune (xã), district (huyện trước 2025), province (tỉnh), volunteer (người đến hộ).", "Group by village, commune, district (pre-2025), province or volunteer.")
        case .reportProvince: return l.pick("Chỉ tỉnh này (mã 2025).", "Only this province (2025 code).")
        case .reportCommune: return l.pick("Chỉ xã này (mã 2025).", "Only this commune (2025 code).")
        case .reportAsOf: return l.pick("Số liệu đến hết ngày này (ví dụ 2026-09-30), để lập báo cáo quý về sau.", "The state at the end of this day (e.g. 2026-09-30), for a quarter's report made later.")
        case .reportFormat:
            return l.pick(
                "Dạng: table (bảng, mặc định), xlsx (Excel, mỗi cấp một trang tính), csv (Excel/LibreOffice tiếng Việt), json, html (văn bản in khổ A4 có quốc hiệu, chữ ký và biểu đồ).",
                "Format: table (default), xlsx (Excel, a sheet per level), csv (Excel/LibreOffice in the language's locale), json, html (an A4 document with the national heading, signatures and charts).")
        case .reportOut: return l.pick("Ghi vào tệp này thay vì in ra màn hình.", "Write to this file instead of the screen.")
        case .target: return l.pick("Chỉ tiêu của tỉnh hoặc xã.", "Targets of a province or commune.")
        case .targetSet:
            return l.pick(
                "Đặt chỉ tiêu: households=100% (hộ có người biết sử dụng) adults-dvctt=40% (người trưởng thành dùng DVCTT). Không có --province/--commune: chỉ tiêu chung.",
                "Set targets: households=100% (covered households) adults-dvctt=40% (adults using online services). Without --province/--commune: the general target.")
        case .targetList: return l.pick("Xem các chỉ tiêu đã đặt.", "Show the targets set.")
        case .targetSettings: return l.pick("Chỉ tiêu, ví dụ households=100% adults-dvctt=40%.", "Targets, such as households=100% adults-dvctt=40%.")
        case .register:
            return l.pick(
                "Sổ hộ của xã: số hộ từng thôn (register import, cho báo cáo) hoặc danh sách hộ (register households, để tổ đánh dấu thay vì gõ lại).",
                "A commune's household register: households per village (register import, for reports) or the list of households (register households, so teams check them off instead of typing them).")
        case .registerImport: return l.pick("Nạp số hộ từng thôn từ tệp CSV (mã xã, thôn, số hộ); báo cáo dùng nó thay cho TĐTDS 2019.", "Load households per village from CSV (commune code, village, households); reports use it instead of the 2019 census.")
        case .registerFile: return l.pick("Tệp CSV: mã xã (2025), tên thôn, số hộ.", "The CSV file: commune code (2025), village, households.")
        case .registerHouseholds:
            return l.pick(
                "Nạp danh sách hộ của xã (sổ hộ: chủ hộ, địa chỉ, thôn; có thể có điện thoại, số nhân khẩu) từ Excel (.xlsx) hoặc CSV vào máy của tổ. Hộ được ghi không kèm tên; tên chủ hộ chỉ ở trên máy này cho đến khi hộ đồng ý ghi tên. Nạp lại cùng tệp không tạo hộ trùng. Chạy thử trước với --dry-run.",
                "Import the commune's household list (head, address, village; optionally phone and members) from Excel (.xlsx) or CSV onto a team laptop. Households are registered without names; the head's name stays on this machine until the household agrees to names being kept. Importing the same file again creates nothing new. Try it first with --dry-run.")
        case .registerHouseholdsFile: return l.pick("Tệp .xlsx hoặc .csv (dấu phẩy, chấm phẩy hoặc tab; UTF-8).", "An .xlsx or .csv file (comma, semicolon or tab; UTF-8).")
        case .dryRun: return l.pick("Chỉ cho xem sẽ ghi những gì, không ghi gì cả.", "Show what would be created; write nothing.")
        case .registerSheet: return l.pick("Trang tính cần đọc: tên hoặc số thứ tự (1 là trang đầu). Mặc định: trang đầu.", "The sheet to read: its name or number (1 is the first). Default: the first.")
        case .registerVillage:
            return l.pick(
                "Thôn/tổ dân phố của mọi hộ trong tệp (khi tệp không có cột thôn), hoặc chỉ nạp các hộ của thôn này.",
                "The village of every household in the file (when it has no village column), or the one village to import from it.")
        case .registerColumn(let field):
            return l.pick(
                "Cột \(field.text(l)): tên cột trong tệp (không cần dấu) hoặc chữ cái của cột, ví dụ C. Mặc định: tìm theo tên cột.",
                "The \(field.text(l)) column: its header (diacritics optional) or its letter, such as C. Default: found by its header.")
        case .reportUnit:
            return l.pick("Tên đơn vị ghi ở đầu báo cáo HTML/xlsx, ví dụ \"UBND XÃ AN PHÚ\". Mặc định: theo xã hoặc tỉnh của báo cáo.", "The unit written at the top of the HTML/xlsx report, such as \"UBND XÃ AN PHÚ\". Default: the report's commune or province.")
        case .reportPlace: return l.pick("Địa danh ghi trước ngày tháng, ví dụ \"An Phú\".", "The place written before the date, such as \"An Phú\".")
        case .reportAudit:
            return l.pick(
                "Với --format html: thêm phụ lục kiểm tra cách ghi lượt đến hộ theo xã (đọc mọi lượt đến hộ: vài giây với một tỉnh).",
                "With --format html: add the audit of how visits were recorded, per commune, as an appendix (reads every visit: some seconds for a province).")
        case .followupsFormat:
            return l.pick(
                "Dạng: table (bảng, mặc định), csv (Excel), json, html (danh sách in khổ A4 cho từng thôn, có ô đánh dấu và chỗ ghi chú).",
                "Format: table (default), csv (Excel), json, html (a list for each village to print on A4, with a box to tick and room for notes).")
        case .followupsOut: return l.pick("Ghi vào tệp này thay vì in ra màn hình.", "Write to this file instead of the screen.")
        case .followups:
            return l.pick(
                "Danh sách hộ cần đến: hộ chưa đạt (còn thiếu gì, lần đến gần nhất, ngày hẹn) và hộ chưa đến lần nào.",
                "Households to visit: those not covered (what is missing, last visit, follow-up date) and those never visited.")
        case .export:
            return l.pick(
                "Trên máy của tổ: xuất các ghi nhận chưa gửi thành một tệp đồng bộ (lô) để gửi về máy tổng hợp. Trên máy tổng hợp: xuất mọi ghi nhận của một xã (--commune; máy của xã: mặc định là xã mình) để gửi lại cho các máy của xã.",
                "On a team's laptop: write every event not yet exported as one batch file for the gathering machine. On a gathering machine: write everything known of one commune (--commune; on a commune's machine, its own by default) for that commune's laptops.")
        case .exportOut: return l.pick("Thư mục ghi tệp (mặc định: exports).", "The folder to write to (default: exports).")
        case .exportAgain: return l.pick("Ghi lại lô số N đúng như lần trước, khi tệp bị thất lạc.", "Write batch N again, unchanged, when the file was lost.")
        case .exportCommune: return l.pick("Máy tổng hợp: xã cần xuất (mã).", "Gathering machine: the commune to write for (code).")
        case .merge:
            return l.pick(
                "Gộp các tệp đồng bộ (tệp hoặc thư mục) vào kho: ghi nhận đã có được bỏ qua, tệp hỏng bị từ chối cả tệp và chép vào quarantine/.",
                "Merge batch files (files or folders) into the store: known events are skipped; a damaged file is refused whole and copied to quarantine/.")
        case .mergePaths: return l.pick("Tệp hoặc thư mục chứa tệp đồng bộ.", "Batch files, or folders holding them.")
        case .sync: return l.pick("Tình trạng gửi và nhận tệp đồng bộ.", "What has been sent and received.")
        case .syncStatus:
            return l.pick(
                "Trên máy tổng hợp: mỗi máy đã gửi bao nhiêu lô, lô nào bị thiếu, giờ đáng ngờ; trên máy của xã, còn gì chưa chuyển lên tỉnh. Trên máy của tổ: còn gì chưa xuất.",
                "On a gathering machine: batches per device, missing batches, suspicious times; on a commune's, what is not yet forwarded to the province. On a laptop: what is not yet exported.")
        case .conflicts:
            return l.pick("Liệt kê các chỗ hai máy sửa cùng một thông tin khác nhau, kèm lệnh để xác nhận.", "List fields changed differently on two devices, with the command to settle each.")
        case .forward:
            return l.pick(
                "Trên máy tổng hợp của xã: chuyển lên tỉnh các tệp đã nhận mà chưa chuyển, giữ nguyên từng byte (để tỉnh vẫn kiểm tra được), cùng lô ghi nhận của chính máy này; máy tổng hợp của tỉnh gộp thư mục đó bằng tungnha merge.",
                "On a commune's gathering machine: write the files received and not yet forwarded, byte for byte (so the province can still check them), with this machine's own batch, for the province's gathering machine to merge with tungnha merge.")
        case .forwardOut: return l.pick("Thư mục ghi tệp (mặc định: to-province).", "The folder to write to (default: to-province).")
        case .forwardAgain: return l.pick("Ghi lại lần chuyển số N đúng như lần trước, khi thư mục bị thất lạc.", "Write forward N again, unchanged, when its folder was lost.")
        case .duplicates: return l.pick("Liệt kê các cặp hộ có thể bị ghi trùng (cùng thôn, tên hoặc địa chỉ giống nhau).", "List likely duplicate households (same village, name or address alike).")
        }
    }
}
