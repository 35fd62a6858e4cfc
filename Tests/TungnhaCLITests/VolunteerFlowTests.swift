import Foundation
import Testing

/// The README's walk-through, run on the real binary: Phường Phủ Lý, one village, three households.
@Suite struct VolunteerFlowTests {
    @Test func oneHouseholdCoveredTwoNotEachWithItsReason() throws {
        let cli = CLI()
        #expect(try cli.run("init", "--commune", "13285", "--device-name", "Laptop tổ 1").status == 0)
        #expect(try cli.run("village", "add", "Tổ dân phố Lê Lợi").status == 0)
        let an = try cli.json("household", "add", "--village", "Tổ dân phố Lê Lợi", "--head", "Nguyễn Văn An", "--address", "Số 12, ngõ 5") as! [String: Any]
        let hoa = try cli.json("household", "add", "--village", "to dan pho le loi", "--head", "Đặng Thị Hoà", "--address", "Số 14, ngõ 5") as! [String: Any]
        let none = try cli.json("household", "add", "--village", "Tổ dân phố Lê Lợi", "--no-names", "--address", "Số 16, ngõ 5") as! [String: Any]
        let anCode = an["shortCode"] as! String, hoaCode = hoa["shortCode"] as! String, noneCode = none["shortCode"] as! String

        let anMember = try cli.json("member", "add", anCode, "--name", "Nguyễn Văn An", "--birth-year", "1970", "--sex", "male", "--relation", "chủ hộ") as! [String: Any]
        let hoaMember = try cli.json("member", "add", hoaCode, "--name", "Đặng Thị Hoà", "--birth-year", "1985", "--sex", "female") as! [String: Any]
        let noneMember = try cli.json("member", "add", noneCode, "--birth-year", "1950") as! [String: Any]
        #expect(noneMember["name"] == nil)

        cli.now = "2026-11-20T15:00:00+07:00"
        let visit = try cli.run(
            "visit", anCode, "--outcome", "met", "--by", "Lan", "--assist", "installed-vneid", "--assist", "guided-procedure",
            "--member", "\((anMember["shortCode"] as! String).prefix(3)):vneid=2,login=yes,dvctt=yes,phone=yes")
        #expect(visit.status == 0)
        #expect(visit.stdout.contains("✓ Hộ đã có người biết sử dụng: Nguyễn Văn An"))
        #expect(try cli.run("visit", hoaCode, "--outcome", "met", "--member", "\(hoaMember["shortCode"]!):vneid=pending,phone=yes", "--follow-up", "2026-11-27").status == 0)
        #expect(try cli.run("visit", noneCode, "--outcome", "absent", "--at", "2026-11-20 10:30").status == 0)

        let list = try cli.run("household", "list").stdout
        let lines = list.split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        #expect(lines.filter { $0.contains("✓") }.count == 1)
        #expect(lines.filter { $0.contains("✗") }.count == 2)

        let showHoa = try cli.run("household", "show", hoaCode).stdout
        #expect(showHoa.contains("✗ Hộ chưa có người biết sử dụng. Người gần đạt nhất: Đặng Thị Hoà (\(hoaMember["shortCode"]!)), còn thiếu: tài khoản VNeID chưa kích hoạt; chưa tự đăng nhập được; chưa tự làm được thủ tục DVCTT."))
        let showNone = try cli.run("household", "show", noneCode).stdout
        #expect(showNone.contains("✗ Hộ chưa có người biết sử dụng. Người gần đạt nhất: thành viên (\(noneMember["shortCode"]!)), còn thiếu: chưa có tài khoản VNeID; chưa tự đăng nhập được; chưa tự làm được thủ tục DVCTT."))
        let english = try cli.run("household", "show", noneCode, "--lang", "en").stdout
        #expect(english.contains("✗ Not covered. Closest member: member (\(noneMember["shortCode"]!)), who still lacks: no VNeID account; cannot log in unaided; never completed an online procedure unaided."))
    }

    @Test func refusalsSayWhyAndExitNonZero() throws {
        let cli = CLI()
        let unknown = try cli.run("init", "--commune", "99999", "--device-name", "Laptop")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("Lỗi: Không có xã/phường nào mã 99999 trong danh mục 2025. Không có gì được tạo.\nCó phải bạn muốn:\n"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("laptop.sqlite")))

        try cli.run("init", "--commune", "13285", "--device-name", "Laptop tổ 1")
        try cli.run("village", "add", "Thôn 3")
        let digits = try cli.run("household", "add", "--village", "Thôn 3", "--head", "Trần Văn Bình", "--note", "CCCD 035090001234")
        #expect(digits.status == 1)
        #expect(digits.stderr == "Lỗi: Ghi chú có một dãy từ 9 chữ số trở lên (dấu cách, dấu chấm, gạch chéo… xen giữa vẫn tính là một dãy), giống số căn cước (CCCD) hoặc mã OTP. Để bảo vệ người dân, tungnha không lưu các số này. Hãy bỏ dãy số đó đi; số điện thoại của hộ thì ghi riêng: tungnha household edit MÃ_HỘ --phone SỐ. Không có gì được ghi.\n")
        let missing = try cli.run("household", "show", "ZZZZ")
        #expect(missing.stderr == "Lỗi: Không có hộ nào có mã bắt đầu bằng \"ZZZZ\". Xem mã các hộ: tungnha household list, hoặc tìm theo tên: tungnha household search \"tên\".\n")
        let english = try cli.run("household", "show", "ZZZZ", "--lang", "en")
        #expect(english.stderr == "Error: No household's code starts with \"ZZZZ\". List the codes: tungnha household list, or search by name: tungnha household search \"name\".\n")
        let json = try cli.run("household", "show", "ZZZZ", "--json")
        #expect(json.status == 1)
        #expect(json.stdout.contains("\"kind\" : \"LookupError.notFound\""))
    }

    @Test func everyCommandExplainsItself() throws {
        let cli = CLI()
        let commands = [
            "init", "units search", "units show", "village add", "village list", "village assign", "household add", "household edit",
            "household list", "household show", "household search", "household merge", "household history", "member add", "member edit",
            "member remove", "visit", "void", "export", "merge", "sync status", "conflicts", "duplicates", "report", "target set",
            "target list", "register import", "register households", "followups", "demo", "where",
        ]
        for command in commands {
            let output = try cli.run(command.split(separator: " ").map(String.init) + ["--help"], db: nil)
            #expect(output.status == 0, "\(command): \(output.stderr)")
            #expect(output.stdout.contains("CÁCH DÙNG: tungnha \(command)"), "\(command)")
            // Every command's help ends with an example of itself.
            #expect(output.stdout.contains("VÍ DỤ:\n  tungnha \(command)"), "\(command)")
        }
        #expect(try cli.run(["visit", "--help"], db: nil).stdout.contains("--member <code:observations>"))
    }

    @Test func englishWhenLangSaysSo() throws {
        let cli = CLI()
        cli.environment["LANG"] = "en_US.UTF-8"
        let output = try cli.run("init", "--commune", "13285", "--device-name", "Laptop tổ 1")
        #expect(output.stdout.hasPrefix("Set up team laptop \"Laptop tổ 1\", 13285  Phường Phủ Lý, Ninh Bình (2025 list)."))
    }

    @Test func storeLocationFromEnvironment() throws {
        let cli = CLI()
        cli.environment["XDG_DATA_HOME"] = cli.path("data")
        let output = try cli.run(["init", "--commune", "13285", "--device-name", "Laptop tổ 1"], db: nil)
        #expect(output.status == 0)
        #expect(FileManager.default.fileExists(atPath: cli.path("data/tungnha/tungnha.sqlite")))
    }
}
