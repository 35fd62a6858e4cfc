import Foundation
import Testing
import TungnhaKit

/// Voiding a whole household asks first; undoing the void gives the household back, on the laptop and at the district.
@Suite struct CorrectionFlowTests {
    let cli = CLI()
    var code = ""
    var registration = ""

    init() throws {
        try cli.run("init", "--commune", "13285", "--device-name", "Laptop tổ 1")
        try cli.run("village", "add", "Tổ dân phố Lê Lợi")
        let household = try cli.json("household", "add", "--village", "Tổ dân phố Lê Lợi", "--head", "Nguyễn Văn An", "--address", "Số 12") as! [String: Any]
        code = household["code"] as! String
        let an = try cli.json("member", "add", code, "--name", "Nguyễn Văn An", "--birth-year", "1970") as! [String: Any]
        try cli.run("member", "add", code, "--name", "Lê Thị Lý", "--birth-year", "1975")
        try cli.run("visit", code, "--outcome", "gặp", "--by", "Lan", "--member", "\(an["code"]!):vneid=2,login=yes,dvctt=yes")
        let history = try cli.json("household", "history", code) as! [[String: Any]]
        registration = EventRef.short(history[0]["id"] as! String)
    }

    @Test func voidingTheRegistrationNeedsTheFlagAndUndoingItGivesTheHouseholdBack() throws {
        let before = try cli.run("household", "show", code, "--json").stdout
        let short = String(code.prefix(6))

        let refused = try cli.run("void", registration)
        #expect(refused.status == 1)
        #expect(refused.stderr == """
            Lỗi: Ghi nhận \(registration) là việc ghi hộ \(short) (Nguyễn Văn An, Số 12, Tổ dân phố Lê Lợi). Huỷ nó là huỷ cả hộ: hộ, 2 thành viên và 1 lượt đến hộ của hộ biến mất khỏi mọi danh sách và báo cáo; hộ đang đạt, nên số hộ đạt giảm 1.
            Chưa huỷ gì. Nếu đúng là muốn huỷ cả hộ: tungnha void \(registration) --whole-household. Nếu chỉ cần sửa thông tin hộ: tungnha household edit \(short)

            """)
        #expect(try cli.run("household", "show", code, "--json").stdout == before)

        let voided = try cli.run("void", registration, "--whole-household", "--reason", "ghi nhầm")
        #expect(voided.status == 0)
        #expect(voided.stdout.hasSuffix("Nếu huỷ nhầm: tungnha unvoid \(registration)\n"))
        #expect((try cli.json("household", "list") as! [Any]).isEmpty)
        #expect(try cli.run("household", "history", code).stdout.contains("\(registration)  20/11/2026 09:00  ghi hộ  [đã huỷ]\n    thôn/tổ dân phố: Tổ dân phố Lê Lợi · tên chủ hộ: Nguyễn Văn An · địa chỉ: Số 12 · đồng ý ghi tên: có\n"))

        let undone = try cli.run("unvoid", registration)
        #expect(undone.status == 0)
        #expect(undone.stdout.contains("Hộ \(short) đã trở lại: 2 thành viên, 1 lượt đến hộ."))
        #expect(try cli.run("household", "show", code, "--json").stdout == before)
        let again = try cli.run("unvoid", registration, "--lang", "en")
        #expect(again.stderr == "Error: Record \(registration) (household registered) counts; there is no void of it to undo. See the records: tungnha household history CODE\n")

        // The void and its undoing travel: the district sees the household, covered, and the batch follows the schema.
        try cli.run("init", "--district-server", "--device-name", "Máy chủ huyện", db: "district.sqlite")
        try cli.enrollEachOther(laptop: "laptop.sqlite", district: "district.sqlite")
        let batch = try cli.json("export", "--out", cli.path("exports")) as! [String: Any]
        #expect(try Validator.run([batch["file"] as! String], ["--store", cli.path("district.sqlite")]).status == 0)
        #expect(try cli.run("merge", batch["file"] as! String, db: "district.sqlite").status == 0)
        let district = try cli.json("household", "list", db: "district.sqlite") as! [[String: Any]]
        #expect(district.map { $0["code"] as! String } == [code])
        #expect(district.map { $0["covered"] as! Bool } == [true])
    }

    @Test func onATerminalItAsksAndANoVoidsNothing() throws {
        let no = try PseudoTerminal(["void", registration], cli: cli)
        try no.waitFor("Huỷ cả hộ? Có thể bỏ huỷ sau bằng tungnha unvoid. (c/k):")
        no.type("k")
        #expect(try no.exitStatus() == 0)
        #expect(no.screen.contains("hộ, 2 thành viên và 1 lượt đến hộ của hộ biến mất"))
        #expect(no.screen.contains("Không ghi gì cả; kho dữ liệu vẫn như trước."))
        #expect((try cli.json("household", "list") as! [Any]).count == 1)

        let yes = try PseudoTerminal(["void", registration], cli: cli)
        try yes.waitFor("(c/k):")
        yes.type("c")
        #expect(try yes.exitStatus() == 0)
        #expect(yes.screen.contains("Đã huỷ ghi nhận \(registration) (ghi hộ)."))
        #expect((try cli.json("household", "list") as! [Any]).isEmpty)
    }

    @Test func otherVoidsAskNothing() throws {
        let history = try cli.json("household", "history", code) as! [[String: Any]]
        let visit = EventRef.short(history.first { $0["type"] as? String == "visit.recorded" }!["id"] as! String)
        let voided = try cli.run("void", visit)
        #expect(voided.status == 0)
        let household = try cli.json("household", "show", code) as! [String: Any]
        #expect((household["visits"] as! [Any]).isEmpty)
        #expect((household["household"] as! [String: Any])["covered"] as? Bool == false)
    }
}

/// `scripts/validate-batch.py` on batch files.
enum Validator {
    /// `options`: such as `--store PATH`, the store sealed files are opened with.
    static func run(_ files: [String], _ options: [String] = []) throws -> (status: Int32, output: String) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("scripts/validate-batch.py").path] + options + files
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}
