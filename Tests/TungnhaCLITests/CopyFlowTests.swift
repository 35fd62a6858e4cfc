import Foundation
import Testing
import TungnhaKit

/// A store copied by hand, restored from a backup, or set up once and copied to a second laptop: every household
/// reaches the district, and no two machines write under one device id. When they did anyway (a copy said to be a
/// move), the district says so loudly and the laptop that lost re-issues its events under a new id.
@Suite struct CopyFlowTests {
    let cli = CLI()

    init() throws {
        try cli.run("init", "--commune", "13285", "--device-name", "Laptop tổ 1", db: "a.sqlite")
        try cli.run("village", "add", "Tổ dân phố Lê Lợi", db: "a.sqlite")
        try cli.run("init", "--district-server", "--device-name", "Máy chủ huyện", db: "district.sqlite")
        try cli.enrollEachOther(laptop: "a.sqlite", district: "district.sqlite")
    }

    /// Registers a household on `db` (as another machine when `machine` is set); its code.
    func add(_ head: String, on db: String, machine: String? = nil) throws -> String {
        let output = try on(machine) { try cli.run(["household", "add", "--village", "Tổ dân phố Lê Lợi", "--head", head, "--json"], db: db) }
        let household = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as! [String: Any]
        return household["code"] as! String
    }

    func export(_ db: String, machine: String? = nil, to folder: String = "exports") throws -> [String: Any] {
        let output = try on(machine) { try cli.run(["export", "--out", cli.path(folder), "--json"], db: db) }
        return try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as! [String: Any]
    }

    /// The officer enrolls the laptop store `db` (on machine `machine`) at the district: it signs with keys of its own.
    func enrollAtDistrict(_ db: String, machine: String? = nil) throws {
        let file = cli.path("enroll-\(db).tungnha")
        let shown = try on(machine) { try cli.run(["enroll", "show", "--out", file, "--json"], db: db) }
        let fingerprint = (try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as! [String: Any])["fingerprint"] as! String
        #expect(try cli.run("enroll", "add", file, "--fingerprint", fingerprint, db: "district.sqlite").status == 0)
    }

    func on<T>(_ machine: String?, _ body: () throws -> T) rethrows -> T {
        cli.environment["TUNGNHA_MACHINE_ID"] = machine
        defer { cli.environment["TUNGNHA_MACHINE_ID"] = nil }
        return try body()
    }

    func copy(_ from: String, _ to: String) throws {
        try FileManager.default.copyItem(atPath: cli.path(from), toPath: cli.path(to))
    }

    func districtHouseholds() throws -> Set<String> {
        Set((try cli.json("household", "list", db: "district.sqlite") as! [[String: Any]]).map { $0["code"] as! String })
    }

    func deviceID(_ db: String, machine: String? = nil) throws -> String {
        let output = try on(machine) { try cli.run(["init", "--commune", "13285", "--device-name", "Laptop tổ 1", "--json"], db: db) }
        return ((try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as! [String: Any])["device"] as! [String: Any])["id"] as! String
    }

    @Test func aStoreCopiedByHandTakesANewIdOnItsFirstRunAndBothReachTheDistrict() throws {
        let first = try add("Nguyễn Văn An", on: "a.sqlite")
        _ = try export("a.sqlite")
        // Recorded, not yet sent, when the store was copied.
        let second = try add("Trần Văn Bình", on: "a.sqlite")
        let original = try deviceID("a.sqlite")
        try copy("a.sqlite", "b.sqlite")

        let where_ = try cli.run("where", db: "b.sqlite")
        #expect(where_.stdout.contains("(kho này trước ở \(cli.path("a.sqlite")). Lệnh tới sẽ cho nó mã máy mới"))
        let copied = try cli.run(["household", "add", "--village", "Tổ dân phố Lê Lợi", "--head", "Lê Thị Cúc", "--json"], db: "b.sqlite")
        #expect(copied.status == 0)
        #expect(copied.stderr.hasPrefix("Chú ý: kho dữ liệu này là một bản chép (trước ở \(cli.path("a.sqlite"))). Để hai máy không ghi chung một mã máy, từ nay kho này ghi với mã máy mới "))
        #expect(copied.stderr.contains("Không mất ghi nhận nào: 1 ghi nhận của mã cũ chưa gửi sẽ đi kèm lần xuất tới.\n"))
        let third = (try JSONSerialization.jsonObject(with: Data(copied.stdout.utf8)) as! [String: Any])["code"] as! String
        #expect(try deviceID("b.sqlite") != original)
        // The original is the same file as before: it says nothing and keeps its id.
        let fourth = try add("Phạm Văn Dũng", on: "a.sqlite")
        #expect(try deviceID("a.sqlite") == original)

        // The copy signs with keys of its own: the officer enrolls it (it says it continues the old id).
        try enrollAtDistrict("b.sqlite")
        let fromCopy = try export("b.sqlite")
        // The copy sends the old id's unsent event too, as that id's next batch.
        #expect((fromCopy["handovers"] as! [[String: Any]]).map { $0["events"] as! Int } == [1])
        _ = try export("a.sqlite")
        let merged = try cli.run("merge", cli.path("exports"), db: "district.sqlite")
        #expect(merged.status == 0)
        #expect(merged.stdout.contains("trùng mã khác nội dung: 0"))
        #expect(try districtHouseholds() == [first, second, third, fourth])
        let status = try cli.run("sync", "status", db: "district.sqlite")
        #expect(status.stdout.contains("tiếp nối mã máy \(original.prefix(8)) từ 20/11/2026 (kho được chép bằng tay)."))
    }

    @Test func aSetUpStoreCopiedToASecondLaptopWritesUnderItsOwnId() throws {
        try copy("a.sqlite", "b.sqlite")
        let onFirst = try add("Nguyễn Văn An", on: "a.sqlite")
        let second = try on("second-laptop") { try cli.run(["household", "add", "--village", "Tổ dân phố Lê Lợi", "--head", "Lê Thị Cúc"], db: "b.sqlite") }
        #expect(second.stderr.hasPrefix("Chú ý: kho dữ liệu này là một bản chép (trước ở \(cli.path("a.sqlite")), trên máy khác)."))
        // Once: the copy is now bound to where it is.
        let onSecond = try add("Lê Văn Em", on: "b.sqlite", machine: "second-laptop")
        #expect(try on("second-laptop") { try cli.run("sync", "status", db: "b.sqlite") }.stderr == "")
        try enrollAtDistrict("b.sqlite", machine: "second-laptop")
        _ = try export("a.sqlite")
        _ = try export("b.sqlite", machine: "second-laptop")
        #expect(try cli.run("merge", cli.path("exports"), db: "district.sqlite").status == 0)
        let codes = try districtHouseholds()
        #expect(codes.count == 3)
        #expect(codes.isSuperset(of: [onFirst, onSecond]))
    }

    @Test func aRestoredBackupContinuesUnderANewIdAndNothingIsLost() throws {
        let first = try add("Nguyễn Văn An", on: "a.sqlite")
        _ = try export("a.sqlite")
        let second = try add("Trần Văn Bình", on: "a.sqlite")
        let backup = try cli.run("backup", cli.path("usb/tungnha.sqlite"), db: "a.sqlite")
        #expect(backup.status == 0)
        #expect(backup.stdout.contains("3 ghi nhận, 2 hộ"))
        // A backup is not used as it is.
        let used = try cli.run("household", "list", db: "usb/tungnha.sqlite")
        #expect(used.status == 1)
        #expect(used.stderr.contains("là một tệp sao lưu, không dùng trực tiếp được"))
        // The laptop goes on, sends its work, and is lost.
        let third = try add("Lê Thị Cúc", on: "a.sqlite")
        _ = try export("a.sqlite")
        let original = try deviceID("a.sqlite")

        // A new laptop: restored from the backup.
        let restored = try on("new-laptop") { try cli.run(["restore", cli.path("usb/tungnha.sqlite")], db: "new.sqlite") }
        #expect(restored.status == 0)
        #expect(restored.stdout.contains("tiếp nối mã cũ \(original.prefix(8))"))
        #expect(try on("new-laptop") { try cli.run(["restore", cli.path("usb/tungnha.sqlite")], db: "new.sqlite") }.status == 1)
        let fourth = try add("Phạm Văn Dũng", on: "new.sqlite", machine: "new-laptop")
        #expect(try deviceID("new.sqlite", machine: "new-laptop") != original)
        try enrollAtDistrict("new.sqlite", machine: "new-laptop")
        _ = try export("new.sqlite", machine: "new-laptop")
        let merged = try cli.run("merge", cli.path("exports"), db: "district.sqlite")
        #expect(merged.status == 0)
        #expect(try districtHouseholds() == [first, second, third, fourth])
        #expect(try cli.run("sync", "status", db: "district.sqlite").stdout.contains("(khôi phục từ bản sao lưu)."))
    }

    @Test func aStoreMovedWithinItsDiskKeepsItsId() throws {
        let original = try deviceID("a.sqlite")
        try FileManager.default.createDirectory(atPath: cli.path("moved"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: cli.path("a.sqlite"), toPath: cli.path("moved/a.sqlite"))
        let output = try cli.run(["household", "add", "--village", "Tổ dân phố Lê Lợi", "--head", "Nguyễn Văn An"], db: "moved/a.sqlite")
        #expect(output.stderr == "")
        #expect(try deviceID("moved/a.sqlite") == original)
    }

    @Test func twoMachinesUnderOneIdAreALoudForkThatReissueMends() throws {
        let first = try add("Nguyễn Văn An", on: "a.sqlite")
        _ = try export("a.sqlite")
        // Copied, and said to be a move: both now write under one id.
        try copy("a.sqlite", "b.sqlite")
        let moved = try cli.run("where", "--moved", db: "b.sqlite")
        #expect(moved.stdout.hasPrefix("Đã ghi nhận: kho được chuyển từ \(cli.path("a.sqlite")) sang \(cli.path("b.sqlite")) và vẫn giữ mã máy."))
        let device = String(try deviceID("a.sqlite").prefix(8))
        let onA = try add("Trần Văn Bình", on: "a.sqlite")
        let onB = try add("Lê Thị Cúc", on: "b.sqlite")
        _ = try export("a.sqlite")
        // Each laptop's own USB stick: both write a batch 2 under the one id.
        let batchOfB = (try export("b.sqlite", to: "from-b"))["file"] as! String
        let notSent = try add("Lê Văn Em", on: "b.sqlite")
        #expect(try cli.run("merge", cli.path("exports"), db: "district.sqlite").status == 0)

        // B's batch has the numbers of A's: never dropped silently.
        let fork = try cli.run("merge", batchOfB, db: "district.sqlite")
        let name = (batchOfB as NSString).lastPathComponent
        #expect(fork.status == 3)
        #expect(fork.stdout.contains("! dòng 2: số thứ tự 3 của máy \(device) đã có một ghi nhận khác (từ tệp \(name)): giữ riêng, chưa áp dụng."))
        #expect(fork.stderr.hasPrefix("!!! HAI MÁY ĐANG GHI CHUNG MỘT MÃ MÁY: máy \"Laptop tổ 1\" (\(device)). Tệp \(name) có 1 ghi nhận mang số thứ tự 3 mà máy tổng hợp đã nhận với nội dung khác."))
        let status = try cli.run("sync", "status", db: "district.sqlite")
        #expect(status.stdout.contains("HAI MÁY GHI CHUNG MỘT MÃ MÁY: Laptop tổ 1 (\(device)), số thứ tự 3. Các ghi nhận từ \(name) được giữ riêng, chưa tính."))
        #expect(try districtHouseholds() == [first, onA])

        // The district sends the commune back; the laptop that lost learns it, and re-issues.
        let relay = try cli.json("export", "--commune", "13285", "--out", cli.path("relay"), db: "district.sqlite") as! [String: Any]
        let learnt = try cli.run("merge", relay["file"] as! String, db: "b.sqlite")
        #expect(learnt.status == 3)
        #expect(learnt.stderr.contains("Chạy ngay: tungnha sync reissue"))
        let reissue = try cli.run("sync", "reissue", db: "b.sqlite")
        #expect(reissue.status == 0)
        #expect(reissue.stdout.contains("Đã chuyển 2 ghi nhận của máy này mà máy tổng hợp chưa có sang mã "))
        #expect(reissue.stdout.contains("(số thứ tự 3–4 → 2–3), giữ nguyên nội dung và mã hộ (2 hộ).\n1 ghi nhận của máy tổng hợp ở các số thứ tự đó nay được áp dụng trên máy này."))
        #expect(try cli.run("sync", "reissue", db: "b.sqlite").status == 1)
        // B now holds what the district holds, and its own.
        let onLaptop = Set((try cli.json("household", "list", db: "b.sqlite") as! [[String: Any]]).map { $0["code"] as! String })
        #expect(onLaptop == [first, onA, onB, notSent])

        try FileManager.default.removeItem(atPath: cli.path("exports"))
        // Under its new id, B signs with new keys: the officer enrolls it again.
        try enrollAtDistrict("b.sqlite")
        _ = try export("b.sqlite")
        // A goes on under the old id: no fork, as B's unsent event moved too.
        _ = try add("Phạm Văn Dũng", on: "a.sqlite")
        _ = try export("a.sqlite")
        let mended = try cli.run("merge", cli.path("exports"), db: "district.sqlite")
        #expect(mended.status == 0)
        #expect(try districtHouseholds().count == 5)
        #expect(try districtHouseholds().isSuperset(of: [first, onA, onB, notSent]))
        #expect(try cli.run("sync", "status", db: "district.sqlite").stdout.contains("Đã xử lý: Laptop tổ 1 (\(device)), số thứ tự 3"))
        let batches = try FileManager.default.contentsOfDirectory(atPath: cli.path("exports")).map { cli.path("exports/" + $0) }
        #expect(try Validator.run(batches, ["--store", cli.path("district.sqlite")]).status == 0)
    }

    @Test func aBackupTakenWhileAMergeRunsIsWhole() throws {
        let scenario = Scenario(Scenario.Config(
            seed: 5, communes: [CommuneRef(code: "13285", scheme: .y2025)], devicesPerCommune: 1, householdsPerDevice: 1500,
            start: LocalDate("2026-09-01")!, weeks: 4, batchesPerDevice: 6))
        let trust = try ScenarioTrust(seed: 5, sealTo: nil)
        try ScenarioFiles.write(scenario, device: 0, to: cli.path("big"), trust: trust)
        let fingerprint = try trust.writeEnrollment(to: cli.path("big.tungnha"))
        #expect(try cli.run("enroll", "add", cli.path("big.tungnha"), "--fingerprint", fingerprint, db: "district.sqlite").status == 0)
        let merge = Process()
        merge.executableURL = URL(fileURLWithPath: CLI.binary)
        merge.arguments = ["merge", cli.path("big"), "--db", cli.path("district.sqlite")]
        merge.environment = ["TUNGNHA_NOW": cli.now, "LANG": "C.UTF-8", "HOME": cli.folder]
        merge.standardOutput = FileHandle.nullDevice
        try merge.run()
        // The merge reads for a moment, then appends and derives for about a second: the backup falls within it.
        Thread.sleep(forTimeInterval: 0.6)
        let backup = try cli.run("backup", cli.path("during.sqlite"), db: "district.sqlite")
        merge.waitUntilExit()
        #expect(merge.terminationStatus == 0)
        #expect(backup.status == 0)
        // Restored and given the files again, it holds what the district holds: it was a consistent store.
        #expect(try cli.run("restore", cli.path("during.sqlite"), db: "restored.sqlite").status == 0)
        #expect(try cli.run("merge", cli.path("big"), db: "restored.sqlite").status == 0)
        let district = try cli.run("report", "--json", db: "district.sqlite").stdout
        #expect(try cli.run("report", "--json", db: "restored.sqlite").stdout == district)
        #expect(try cli.run("household", "list", "--json", db: "restored.sqlite").stdout == cli.run("household", "list", "--json", db: "district.sqlite").stdout)
    }
}

/// The commands of safe corrections and copies explain themselves, with an example, like every other.
@Suite struct CopyAndCorrectionHelpTests {
    @Test func eachNewCommandHasHelpWithAnExample() throws {
        let cli = CLI()
        for command in ["unvoid", "backup", "restore", "sync reissue"] {
            let output = try cli.run(command.split(separator: " ").map(String.init) + ["--help"], db: nil)
            #expect(output.status == 0, "\(command): \(output.stderr)")
            #expect(output.stdout.contains("CÁCH DÙNG: tungnha \(command)"), "\(command)")
            #expect(output.stdout.contains("VÍ DỤ:\n  tungnha \(command)"), "\(command)")
        }
        #expect(try cli.run(["void", "--help"], db: nil).stdout.contains("--whole-household"))
        #expect(try cli.run(["where", "--help", "--lang", "en"], db: nil).stdout.contains("--moved"))
    }
}
