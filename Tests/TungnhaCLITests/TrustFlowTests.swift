import Foundation
import Testing
import TungnhaKit

/// Enrolling and revoking a laptop as the README tells an officer, and what a crafted name does to a terminal,
/// through the real binary.
@Suite struct TrustFlowTests {
    let cli = CLI()

    init() throws {
        try cli.run("init", "--commune", "13285", "--device-name", "Laptop tổ 1", db: "laptop.sqlite")
        try cli.run("init", "--district-server", "--device-name", "Máy chủ huyện", db: "district.sqlite")
    }

    func shown(_ db: String, _ file: String) throws -> [String: Any] {
        try cli.json("enroll", "show", "--out", cli.path(file), db: db) as! [String: Any]
    }

    @Test func anOfficerEnrollsAndRevokesALaptop() throws {
        // 1. The laptop writes its file and shows its code; 2. the officer adds it, giving the code read over the phone.
        let laptop = try shown("laptop.sqlite", "laptop.tungnha")
        let show = try cli.run("enroll", "show", db: "laptop.sqlite")
        #expect(show.stdout.contains("Mã đối chiếu: \(laptop["fingerprint"] as! String)"))
        let wrong = try cli.run("enroll", "add", cli.path("laptop.tungnha"), "--fingerprint", "00000-00000-00000-00000-00000", db: "district.sqlite")
        #expect(wrong.status == 1)
        #expect(wrong.stderr.hasPrefix("Lỗi: Mã đối chiếu 00000-00000-00000-00000-00000 không khớp với mã của \"Laptop tổ 1\""))
        let noCode = try cli.run("enroll", "add", cli.path("laptop.tungnha"), db: "district.sqlite")
        #expect(noCode.stderr.contains("thêm --fingerprint MÃ"))
        let added = try cli.run("enroll", "add", cli.path("laptop.tungnha"), "--fingerprint", laptop["fingerprint"] as! String, db: "district.sqlite")
        #expect(added.status == 0)
        #expect(added.stdout.hasPrefix("Đã ghi danh Laptop tổ 1 (mã máy "))
        // 3. The laptop adds the district's file, checking its code.
        let district = try shown("district.sqlite", "district.tungnha")
        #expect(try cli.run("enroll", "add", cli.path("district.tungnha"), "--fingerprint", district["fingerprint"] as! String, db: "laptop.sqlite").status == 0)
        // Its batches are signed and sealed, and merge.
        try cli.run("village", "add", "Thôn 1", db: "laptop.sqlite")
        try cli.run("household", "add", "--village", "Thôn 1", "--head", "Nguyễn Văn An", db: "laptop.sqlite")
        let exported = try cli.run("export", "--out", cli.path("exports"), db: "laptop.sqlite")
        #expect(exported.stdout.contains("Tệp đã được ký và niêm phong: chỉ Máy chủ huyện mở được."))
        #expect(try cli.run("merge", cli.path("exports"), db: "district.sqlite").status == 0)
        let list = try cli.run("enroll", "list", db: "district.sqlite")
        #expect(list.stdout.contains("Laptop tổ 1"))
        #expect(list.stdout.contains("nhận lô của máy này"))
        // 4. The laptop is lost: revoked, its later batches are refused.
        let revoked = try cli.run("enroll", "revoke", "Laptop tổ 1", db: "district.sqlite")
        #expect(revoked.stdout.hasPrefix("Đã thu hồi Laptop tổ 1"))
        try cli.run("household", "add", "--village", "Thôn 1", "--head", "Trần Văn Bình", db: "laptop.sqlite")
        try FileManager.default.removeItem(atPath: cli.path("exports"))
        try cli.run("export", "--out", cli.path("exports"), db: "laptop.sqlite")
        let refused = try cli.run("merge", cli.path("exports"), db: "district.sqlite")
        #expect(refused.status == 2)
        #expect(refused.stdout.contains("\"Laptop tổ 1\" đã bị thu hồi"))
        #expect(try cli.run("enroll", "list", db: "district.sqlite").stdout.contains("đã thu hồi"))
    }

    @Test func aCraftedLabelOrNameReachesTheTerminalEscaped() throws {
        try cli.run("init", "--commune", "13285", "--device-name", "Laptop\u{1B}]0;pwned\u{07}\u{1B}[2J", db: "crafted.sqlite")
        try cli.enrollEachOther(laptop: "crafted.sqlite", district: "district.sqlite")
        try cli.run("village", "add", "Thôn 1", db: "crafted.sqlite")
        try cli.run("household", "add", "--village", "Thôn 1", "--head", "Nguyễn\u{202E}nA", db: "crafted.sqlite")
        try cli.run("export", "--out", cli.path("exports"), db: "crafted.sqlite")
        var outputs = [try cli.run("merge", cli.path("exports"), db: "district.sqlite")]
        for command in [["sync", "status"], ["household", "list"], ["enroll", "list"], ["report", "--by", "volunteer"]] {
            outputs.append(try cli.run(command, db: "district.sqlite"))
        }
        outputs.append(try cli.run(["household", "list", "--json"], db: "district.sqlite"))
        for output in outputs {
            #expect(!(output.stdout + output.stderr).unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
        }
        #expect(outputs[1].stdout.contains("Laptop\\u{1B}]0;pwned\\u{7}\\u{1B}[2J"))
        #expect(outputs[2].stdout.contains("Nguyễn\\u{202E}nA"))
        #expect(outputs.last!.stdout.contains("Nguyễn\\u202enA"))
    }

    @Test func enrollExplainsItselfWithAnExample() throws {
        for command in ["enroll show", "enroll add", "enroll list", "enroll revoke"] {
            let output = try cli.run(command.split(separator: " ").map(String.init) + ["--help"], db: nil)
            #expect(output.status == 0, "\(command): \(output.stderr)")
            #expect(output.stdout.contains("CÁCH DÙNG: tungnha \(command)"), "\(command)")
            #expect(output.stdout.contains("VÍ DỤ:\n  tungnha \(command)"), "\(command)")
        }
        #expect(try cli.run(["enroll", "add", "--help", "--lang", "en"], db: nil).stdout.contains("--fingerprint <code>"))
    }
}
