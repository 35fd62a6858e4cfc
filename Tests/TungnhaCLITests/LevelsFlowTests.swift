import Foundation
import Testing

/// The levels of 2026 through the real binary: two laptops of Phường Phủ Lý send their files to Phủ Lý's gathering
/// machine, which forwards them to Ninh Bình's; a laptop of Phường Hà Nam sends straight to the province. The province
/// gets the same report as a province machine given every laptop's file directly.
@Suite struct LevelsFlowTests {
    let cli = CLI()
    var phuLyFiles: [String] = []
    var haNamFile = ""
    var an = "", anAgain = ""

    init() throws {
        let cli = self.cli
        try cli.run("init", "--commune", "13285", "--device-name", "Laptop tổ 1", db: "a.sqlite")
        try cli.run("init", "--commune", "13285", "--device-name", "Laptop tổ 2", db: "b.sqlite")
        try cli.run("init", "--commune", "13366", "--device-name", "Laptop Hà Nam", db: "h.sqlite")
        for db in ["a.sqlite", "b.sqlite", "h.sqlite"] { try cli.run("village", "add", "Tổ dân phố Lê Lợi", db: db) }

        try cli.run("init", "--gathering-machine", "--commune", "13285", "--device-name", "Máy tổng hợp Phủ Lý", db: "commune.sqlite")
        try cli.run("init", "--gathering-machine", "--province", "37", "--device-name", "Máy tổng hợp Ninh Bình", db: "province.sqlite")
        try cli.run("init", "--district-server", "--province", "37", "--device-name", "Máy tham chiếu", db: "direct.sqlite")
        // Phủ Lý's machine forwards to Ninh Bình's; Phủ Lý's laptops enroll with it, Hà Nam's with the province's,
        // and all three with the machine that gets every file straight.
        try cli.enroll("province.sqlite", into: "commune.sqlite", forwardsTo: true)
        for db in ["a.sqlite", "b.sqlite"] { try cli.enrollEachOther(laptop: db, district: "commune.sqlite") }
        try cli.enrollEachOther(laptop: "h.sqlite", district: "province.sqlite")
        for db in ["a.sqlite", "b.sqlite", "h.sqlite"] { try cli.enrollEachOther(laptop: db, district: "direct.sqlite") }
        // The province learns Phủ Lý's laptops from the file of Phủ Lý's machine.
        try cli.enroll("commune.sqlite", into: "province.sqlite")


        let anHousehold = try cli.json("household", "add", "--village", "Tổ dân phố Lê Lợi", "--head", "Nguyễn Văn An", "--address", "Số 12", db: "a.sqlite") as! [String: Any]
        an = anHousehold["code"] as! String
        let member = try cli.json("member", "add", an, "--name", "Nguyễn Văn An", "--birth-year", "1970", db: "a.sqlite") as! [String: Any]
        try cli.run("visit", an, "--outcome", "gặp", "--by", "Lan", "--member", "\(member["code"]!):vneid=2,login=yes,dvctt=yes", db: "a.sqlite")
        try cli.run("household", "add", "--village", "Tổ dân phố Lê Lợi", "--no-names", "--address", "Số 14", db: "a.sqlite")
        phuLyFiles.append(try export("a.sqlite"))
        anAgain = (try cli.json("household", "add", "--village", "to dan pho le loi", "--head", "Nguyen Van An", "--address", "Số 12", "--yes", db: "b.sqlite") as! [String: Any])["code"] as! String
        phuLyFiles.append(try export("b.sqlite"))
        try cli.run("household", "add", "--village", "Tổ dân phố Lê Lợi", "--head", "Bùi Thị Hà", "--address", "Số 5", db: "h.sqlite")
        haNamFile = try export("h.sqlite")

    }

    func export(_ db: String) throws -> String {
        (try cli.json("export", "--out", cli.path("laptops"), db: db) as! [String: Any])["file"] as! String
    }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func forwardedThroughTheCommuneTheProvinceReportsAsIfStraightFromTheLaptops() throws {
        let merged = try cli.run(["merge"] + phuLyFiles + [haNamFile], db: "commune.sqlite")
        #expect(merged.status == 2)
        #expect(merged.stdout.contains("Tệp này là của xã 13366 (danh mục 2025), không phải của 13285 Phường Phủ Lý, xã mà máy tổng hợp này phục vụ."))
        #expect(merged.stdout.contains("Tệp áp dụng: 2 · đã gộp từ trước: 0 · Tệp bị từ chối: 1"))
        // Laptop 1: its village, An, his member and visit, the house at Số 14; laptop 2: its village and An again.
        #expect(try cli.run("sync", "status", db: "commune.sqlite").stdout.contains("Chưa chuyển lên tỉnh: 2 tệp đã nhận (7 ghi nhận). Chuyển: tungnha forward"))

        let forward = try cli.run(["forward", "--out", cli.path("to-province")], db: "commune.sqlite")
        #expect(forward.status == 0)
        #expect(forward.stdout.contains("Đã chuyển lần 1 vào \(cli.path("to-province")): 2 tệp đã nhận, giữ nguyên từng byte (7 ghi nhận)."))
        #expect(forward.stdout.contains("Nếu thư mục bị thất lạc: tungnha forward --again 1"))
        for file in phuLyFiles {
            #expect(try bytes(cli.path("to-province/") + (file as NSString).lastPathComponent) == bytes(file))
        }
        #expect(try cli.run("sync", "status", db: "commune.sqlite").stdout.contains("Mọi tệp đã nhận và mọi ghi nhận của máy này đã được chuyển lên tỉnh."))

        #expect(try cli.run(["merge", cli.path("to-province"), haNamFile], db: "province.sqlite").status == 0)
        #expect(try cli.run(["merge"] + phuLyFiles + [haNamFile], db: "direct.sqlite").status == 0)
        let report = try cli.run("report", "--json", db: "province.sqlite").stdout
        #expect(report == (try cli.run("report", "--json", db: "direct.sqlite").stdout))
        #expect(try cli.run("household", "list", "--json", db: "province.sqlite").stdout == cli.run("household", "list", "--json", db: "direct.sqlite").stdout)
        let rows = (try JSONSerialization.jsonObject(with: Data(report.utf8)) as! [String: Any])["rows"] as! [[String: Any]]
        // Phủ Lý: An, the house at Số 14, An again (An covered); Hà Nam: Hà.
        #expect(rows.map { [$0["code"] as! String, String($0["householdsRegistered"] as! Int), String($0["householdsCovered"] as! Int)] }
            == [["13285", "3", "1"], ["13366", "1", "0"]])

        // The commune machine's report is its commune's.
        let communeRows = (try cli.json("report", db: "commune.sqlite") as! [String: Any])["rows"] as! [[String: Any]]
        #expect(communeRows.map { $0["code"] as! String } == ["13285"])
    }

    @Test func theCommuneMachinesOwnMergeTravelsAndAForwardIsWrittenAgain() throws {
        try cli.run(["merge"] + phuLyFiles, db: "commune.sqlite")
        try cli.run(["forward", "--out", cli.path("up1")], db: "commune.sqlite")
        // The commune's file for its laptops takes the machine's batch number 1.
        let relay = try cli.json("export", "--out", cli.path("relay"), db: "commune.sqlite") as! [String: Any]
        #expect(relay["kind"] as! String == "relay")
        #expect(relay["commune"] as! String == "13285")
        #expect(relay["batch"] as! Int == 1)
        try cli.run("household", "merge", an, anAgain, db: "commune.sqlite")
        #expect(try cli.run("sync", "status", db: "commune.sqlite").stdout.contains("Chưa chuyển lên tỉnh: 1 ghi nhận của máy này. Chuyển: tungnha forward"))
        let second = try cli.json("forward", "--out", cli.path("up2"), db: "commune.sqlite") as! [String: Any]
        #expect(second["run"] as! Int == 2)
        #expect((second["files"] as! [Any]).isEmpty)
        let own = second["own"] as! [String: Any]
        #expect(own["events"] as! Int == 1)
        #expect(own["batch"] as! Int == 2)

        #expect(try cli.run("merge", cli.path("up1"), cli.path("up2"), db: "province.sqlite").status == 0)
        let province = try cli.json("report", "--commune", "13285", db: "province.sqlite") as! [String: Any]
        let commune = try cli.json("report", db: "commune.sqlite") as! [String: Any]
        #expect(NSArray(array: province["rows"] as! [Any]) == NSArray(array: commune["rows"] as! [Any]))
        // An's house counts once: two households.
        #expect((province["rows"] as! [[String: Any]])[0]["householdsRegistered"] as! Int == 2)
        // The province sees no batch of the commune machine missing: its batch 1 went to its laptops.
        #expect(!(try cli.run("sync", "status", db: "province.sqlite").stdout.contains("chưa về")))

        // Forward 1 again: the same bytes.
        let again = try cli.run(["forward", "--again", "1", "--out", cli.path("again")], db: "commune.sqlite")
        #expect(again.stdout.contains("Đã ghi lại lần chuyển 1, giống hệt lần trước"))
        for file in phuLyFiles {
            let name = (file as NSString).lastPathComponent
            #expect(try bytes(cli.path("again/") + name) == bytes(cli.path("up1/") + name))
        }
        let nothing = try cli.run("forward", db: "commune.sqlite")
        #expect(nothing.status == 1)
        #expect(nothing.stderr.contains("Không có gì mới để chuyển lên tỉnh"))
        #expect(nothing.stderr.contains("tungnha forward --again 2"))
    }

    @Test func theTwoKindsOfMachineCannotBeTakenForEachOther() throws {
        let province = try cli.run("init", "--province", "37", "--device-name", "Tỉnh", db: "x.sqlite")
        #expect(province.status != 0)
        #expect(province.stderr.contains("--province chỉ dùng cho máy tổng hợp của tỉnh: tungnha init --gathering-machine --province MÃ_TỈNH"))
        let neither = try cli.run("init", "--gathering-machine", "--device-name", "Máy", db: "x.sqlite")
        #expect(neither.stderr.contains("Máy tổng hợp của xã hay của tỉnh? Thêm --commune MÃ_XÃ (máy của UBND xã) hoặc --province MÃ_TỈNH (máy của tỉnh)."))
        #expect(!FileManager.default.fileExists(atPath: cli.path("x.sqlite")))

        let roles = try ["a.sqlite", "commune.sqlite", "province.sqlite", "direct.sqlite"].map { db in
            ((try cli.json("init", "--commune", "13285", "--device-name", "?", db: db) as? [String: Any])?["error"] as? [String: Any])?["message"] as? String ?? ""
        }
        #expect(roles[1].contains("(máy tổng hợp của xã 13285)"))
        #expect(roles[2].contains("(máy tổng hợp của tỉnh 37)"))
        #expect(roles[3].contains("(máy tổng hợp của tỉnh 37)"))

        // A volunteer on the gathering machine is told where to record; an officer on a laptop, where to forward from.
        let record = try cli.run("household", "add", "--village", "Thôn 1", "--head", "Lê Văn Bảy", db: "commune.sqlite")
        #expect(record.stderr.contains("là kho của một máy tổng hợp, nơi không ghi hộ"))
        let forward = try cli.run("forward", db: "a.sqlite")
        #expect(forward.stderr.contains("Máy của tổ gửi ghi nhận của mình bằng: tungnha export"))
        #expect(try cli.run("where", db: "commune.sqlite").stdout.contains("Tệp chuyển lên tỉnh (tungnha forward, mặc định trong thư mục đang đứng):\n  \(cli.path("to-province"))"))
        #expect(!(try cli.run("where", db: "a.sqlite").stdout.contains("to-province")))
        let json = try cli.json("init", "--gathering-machine", "--commune", "13285", "--device-name", "Máy tổng hợp Phủ Lý", db: "commune.sqlite") as! [String: Any]
        #expect((json["device"] as! [String: Any])["role"] as! String == "commune-gathering")
    }
}
