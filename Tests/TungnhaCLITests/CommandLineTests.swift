import Foundation
import Testing

/// The command line in the user's language: Vietnamese option values, the parser's refusals, "did you mean",
/// global options anywhere, and the likely mistakes refused before anything is recorded.
@Suite struct CommandLineTests {
    /// A laptop of Phường Phủ Lý with one village.
    func laptop() throws -> CLI {
        let cli = CLI()
        #expect(try cli.run("init", "--commune", "13285", "--device-name", "Laptop tổ 1").status == 0)
        #expect(try cli.run("village", "add", "Tổ dân phố Lê Lợi").status == 0)
        return cli
    }

    @Test func vietnameseOptionValuesWithOrWithoutDiacritics() throws {
        let cli = try laptop()
        let household = try cli.json("household", "add", "--village", "Tổ dân phố Lê Lợi", "--head", "Đặng Thị Hoà") as! [String: Any]
        let code = household["shortCode"] as! String
        let member = try cli.json("member", "add", code, "--name", "Đặng Thị Hoà", "--birth-year", "1985", "--sex", "nữ") as! [String: Any]
        #expect(member["sex"] as? String == "female")
        let other = try cli.json("member", "add", code, "--birth-year", "2010", "--sex", "NAM") as! [String: Any]
        #expect(other["sex"] as? String == "male")
        let visit = try cli.run(
            "visit", code, "--outcome", "gặp", "--by", "Lan", "--consent", "có", "--assist", "cài VNeID", "--assist", "huong dan thu tuc",
            "--member", "\(member["shortCode"]!):vneid=2,login=có,dvctt=không")
        #expect(visit.status == 0)
        #expect(visit.stderr == "")
        #expect(visit.stdout == "Đã ghi lượt đến hộ \(code) lúc 20/11/2026 09:00 (gặp được).\n✗ Hộ chưa có người biết sử dụng. Người gần đạt nhất: Đặng Thị Hoà (\(member["shortCode"]!)), còn thiếu: chưa tự làm được thủ tục DVCTT.\n")
        cli.now = "2026-11-20T10:00:00+07:00"
        let absent = try cli.json("visit", code, "--outcome", "vang nha") as! [String: Any]
        #expect(absent["outcome"] as? String == "absent")
        cli.now = "2026-11-20T11:00:00+07:00"
        let refused = try cli.json("visit", code, "--outcome", "từ chối") as! [String: Any]
        #expect(refused["outcome"] as? String == "refused")
        let moved = try cli.json("member", "edit", other["shortCode"] as! String, "--status", "chuyen di") as! [String: Any]
        #expect(moved["status"] as? String == "moved")
        let detail = try cli.json("household", "show", code) as! [String: Any]
        let visits = detail["visits"] as! [[String: Any]]
        #expect(visits.map { $0["outcome"] as! String } == ["refused", "absent", "met"])
        #expect(visits[2]["help"] as? [String] == ["installed-vneid", "guided-procedure"])
        // The English words scripts use still work.
        #expect(try cli.run("visit", code, "--outcome", "met", "--assist", "guided-login").status == 0)
    }

    @Test func aValueNotInTheListNamesTheWordsToUse() throws {
        let cli = try laptop()
        let output = try cli.run("member", "add", "ABCD", "--birth-year", "1980", "--sex", "x")
        #expect(output.status == 64)
        #expect(output.stderr == "Lỗi: Giá trị 'x' không dùng được cho '--sex <nam|nữ>'. Hãy dùng một trong: nam, nữ.\nXem cách dùng: tungnha member add --help\n")
        let english = try cli.run("member", "add", "ABCD", "--birth-year", "1980", "--sex", "x", "--lang", "en")
        #expect(english.stderr == "Error: The value 'x' is not valid for '--sex <male|female>'. Use one of: male, female.\nSee how to use it: tungnha member add --help\n")
    }

    @Test func misspeltSubcommandSuggestsInTheUsersLanguage() throws {
        let cli = CLI()
        let english = try cli.run(["--lang", "en", "household", "lisst"], db: nil)
        #expect(english.status == 64)
        #expect(english.stdout == "")
        #expect(english.stderr == "Error: tungnha household has no subcommand 'lisst'. Did you mean 'list'?\nSee how to use it: tungnha household --help\n")
        let vietnamese = try cli.run(["houshold", "list"], db: nil)
        #expect(vietnamese.stderr == "Lỗi: Lệnh tungnha không có lệnh con 'houshold'. Có phải bạn muốn 'household'?\nXem cách dùng: tungnha --help\n")
        let far = try cli.run(["sync", "zzz"], db: nil)
        #expect(far.stderr == "Lỗi: Lệnh tungnha sync không có lệnh con 'zzz'. Các lệnh con: status, reissue.\nXem cách dùng: tungnha sync --help\n")
    }

    @Test func misspeltOptionSuggests() throws {
        let cli = try laptop()
        let output = try cli.run("visit", "ABCD", "--outcom", "gặp")
        #expect(output.status == 64)
        #expect(output.stderr == "Lỗi: Lệnh tungnha visit không có tuỳ chọn '--outcom'. Có phải bạn muốn '--outcome'?\nXem cách dùng: tungnha visit --help\n")
    }

    @Test func parserRefusalsInTheUsersLanguage() throws {
        let cli = CLI()
        let missingValue = try cli.run(["init", "--device-name", "Laptop", "--commune"], db: nil)
        #expect(missingValue.stderr == "Lỗi: Thiếu giá trị sau '--commune <code>'.\nXem cách dùng: tungnha init --help\n")
        let missingArgument = try cli.run(["household", "show"], db: nil)
        #expect(missingArgument.stderr == "Lỗi: Lệnh tungnha household show cần '<code>'.\nXem cách dùng: tungnha household show --help\n")
        let extra = try cli.run(["household", "show", "Nguyễn", "Văn"], db: nil)
        #expect(extra.stderr == "Lỗi: Lệnh tungnha household show không cần 'Văn'. (Tên có dấu cách thì đặt trong ngoặc kép.)\nXem cách dùng: tungnha household show --help\n")
        let english = try cli.run(["init", "--device-name", "Laptop", "--commune", "--lang", "en"], db: nil)
        #expect(english.stderr.hasPrefix("Error: "))
    }

    @Test func globalOptionsBeforeOrAfterTheSubcommand() throws {
        let cli = try laptop()
        let before = try cli.run(["--lang", "en", "--db", cli.path("laptop.sqlite"), "village", "list", "--json"], db: nil)
        let after = try cli.run(["village", "list", "--json", "--lang", "en"])
        #expect(before.status == 0)
        #expect(before.stdout == after.stdout)
        #expect(before.stdout.contains("\"name\" : \"Tổ dân phố Lê Lợi\""))
        let english = try cli.run(["--lang", "en", "household", "show", "ZZZZ"])
        #expect(english.stderr == "Error: No household's code starts with \"ZZZZ\". List the codes: tungnha household list, or search by name: tungnha household search \"name\".\n")
    }

    @Test func helpFrameInEitherLanguage() throws {
        let cli = CLI()
        let vietnamese = try cli.run(["household", "--help"], db: nil).stdout
        #expect(vietnamese.hasPrefix("TỔNG QUAN: Ghi, sửa, xem và tìm hộ.\n\nCÁCH DÙNG: tungnha household <lệnh con>\n\nTUỲ CHỌN:\n"))
        #expect(vietnamese.contains("\n\nLỆNH CON:\n  add  "))
        #expect(vietnamese.contains("  Xem hướng dẫn chi tiết của một lệnh con: 'tungnha help household <lệnh con>'.\n\nVÍ DỤ:\n"))
        let english = try cli.run(["--lang", "en", "help", "household"], db: nil).stdout
        #expect(english.hasPrefix("OVERVIEW: Register, change, show and find households.\n\nUSAGE: tungnha household <subcommand>\n\nOPTIONS:\n"))
        #expect(english.contains("  See 'tungnha help household <subcommand>' for detailed help.\n\nEXAMPLES:\n"))
        // A command group run alone shows its help, in the same frame.
        let group = try cli.run(["household"], db: nil)
        #expect(group.status == 0)
        #expect(group.stdout.hasPrefix("TỔNG QUAN: Ghi, sửa, xem và tìm hộ.\n\nCÁCH DÙNG: tungnha household <lệnh con>\n"))
        let leaf = try cli.run(["--lang", "en", "visit", "--help"], db: nil).stdout
        #expect(leaf.contains("\n\nARGUMENTS:\n  <household>               The household code (its first few characters will do).\n"))
        #expect(leaf.contains("  -h, --help                Show help information.\n"))
    }

    @Test func aDayWithoutAnHourIsRefusedNotGuessed() throws {
        let cli = try laptop()
        let household = try cli.json("household", "add", "--village", "Tổ dân phố Lê Lợi", "--no-names") as! [String: Any]
        let output = try cli.run("visit", household["shortCode"] as! String, "--outcome", "vắng", "--by", "Lan", "--at", "2026-11-19")
        #expect(output.status == 1)
        #expect(output.stderr == "Lỗi: Thời điểm \"2026-11-19\" mới có ngày, chưa có giờ; tungnha không tự đoán giờ. Hãy ghi cả giờ, ví dụ \"2026-11-19 09:30\". Các dạng được nhận: 2026-11-20 09:30, 20/11/2026 09:30, 2026-11-20T09:30:00+07:00 (giờ Việt Nam). Không có gì được ghi.\n")
        let past = try cli.run("visit", household["shortCode"] as! String, "--outcome", "vắng", "--by", "Lan", "--follow-up", "2026-11-19")
        #expect(past.stderr == "Lỗi: Ngày hẹn đến lại 19/11/2026 đã qua (hôm nay là 20/11/2026). Hãy hẹn từ hôm nay trở đi, ví dụ 27/11/2026. Không có gì được ghi.\n")
        let detail = try cli.json("household", "show", household["shortCode"] as! String) as! [String: Any]
        #expect((detail["visits"] as! [Any]).isEmpty)
        #expect(try cli.run("visit", household["shortCode"] as! String, "--outcome", "vắng", "--by", "Lan", "--at", "19/11/2026 16:00", "--follow-up", "2026-11-20").status == 0)
    }

    @Test func aMistypedMergePathIsATypoNotAQuarantinedFile() throws {
        let cli = CLI()
        try cli.run(["init", "--district-server", "--device-name", "Máy chủ huyện"], db: "district.sqlite")
        let output = try cli.run(["merge", "exprots/tungnha_1.jsonl"], db: "district.sqlite")
        #expect(output.status == 64)
        #expect(output.stderr == "Lỗi: Không có tệp hay thư mục \"exprots/tungnha_1.jsonl\". Kiểm tra lại đường dẫn (có thể gõ nhầm). Không có gì được gộp, và không tệp nào bị chuyển vào quarantine/.\nXem cách dùng: tungnha merge --help\n")
        #expect(!FileManager.default.fileExists(atPath: cli.path("quarantine")))
    }

    @Test func aVillageTypoSuggestsTheVillageThatExists() throws {
        let cli = try laptop()
        let output = try cli.run("household", "add", "--village", "to dan pho le loj", "--no-names")
        #expect(output.status == 1)
        #expect(output.stderr == "Lỗi: Chưa có thôn/tổ dân phố \"to dan pho le loj\" trên máy này. Có phải bạn muốn:\n  \"Tổ dân phố Lê Lợi\"\nHãy gõ lại đúng tên (không cần dấu). Chỉ khi đây thật sự là thôn mới: tungnha village add \"to dan pho le loj\".\n")
    }

    @Test func theSameHeadInTheSameVillageNeedsYes() throws {
        let cli = try laptop()
        let first = try cli.json("household", "add", "--village", "Tổ dân phố Lê Lợi", "--head", "Nguyễn Văn An", "--address", "Số 12") as! [String: Any]
        let again = try cli.run("household", "add", "--village", "to dan pho le loi", "--head", "nguyen van an")
        #expect(again.status == 1)
        #expect(again.stderr == "Lỗi: Thôn này đã có hộ cùng tên chủ hộ:\n  \(first["shortCode"]!)  Nguyễn Văn An, Số 12, Tổ dân phố Lê Lợi\nCó thể là cùng một nhà được ghi lại. Nếu đúng là cùng nhà, dùng mã đã có (tungnha household show MÃ). Nếu đúng là một hộ khác, chạy lại lệnh với --yes. Chưa có gì được ghi.\n")
        #expect((try cli.json("household", "list") as! [Any]).count == 1)
        #expect(try cli.run("household", "add", "--village", "Tổ dân phố Lê Lợi", "--head", "Nguyễn Văn An", "--yes").status == 0)
        #expect((try cli.json("household", "list") as! [Any]).count == 2)
    }

    @Test func iAndYAreOneLetterInSearches() throws {
        let cli = try laptop()
        try cli.run("household", "add", "--village", "Tổ dân phố Lê Lợi", "--head", "Trần Thị Lý")
        let found = try cli.json("household", "search", "tran thi li") as! [[String: Any]]
        #expect(found.map { $0["headName"] as! String } == ["Trần Thị Lý"])
        let units = try cli.run(["units", "search", "Phủ Lí"], db: nil).stdout
        #expect(units.contains("13285  Phường Phủ Lý"))
    }

    @Test func whereTheDataLives() throws {
        let cli = CLI()
        cli.environment["TUNGNHA_DB"] = cli.path("kho/tungnha.sqlite")
        let output = try cli.json("where", db: nil) as! [String: Any]
        #expect(output["source"] as? String == "environment")
        #expect((output["store"] as? String)?.hasSuffix("/kho/tungnha.sqlite") == true)
        #expect((output["quarantine"] as? String)?.hasSuffix("/kho/quarantine") == true)
        #expect(output["storeExists"] as? Bool == false)
        let text = try cli.run(["where", "--db", "laptop.sqlite"], db: nil).stdout
        #expect(text.contains("/laptop.sqlite  (chọn bằng --db)\n  (chưa có: tạo bằng tungnha init)\n"))
    }
}
