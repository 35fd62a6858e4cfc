import Foundation
import Testing
import TungnhaKit

/// Two laptops and a district, through the real binary: nothing lost, nothing counted twice.
@Suite struct SyncFlowTests {
    let cli = CLI()
    var batches: [String] = []
    var batchOfA1 = ""

    init() throws {
        let cli = self.cli
        try cli.run("init", "--commune", "13285", "--device-name", "Laptop tổ 1", db: "a.sqlite")
        try cli.run("init", "--commune", "13285", "--device-name", "Laptop tổ 2", db: "b.sqlite")
        // Both laptops enroll with the district machine (and the reference one), and it with them: batches are
        // signed and sealed to both.
        try cli.run("init", "--district-server", "--device-name", "Máy chủ huyện", db: "district.sqlite")
        try cli.run("init", "--district-server", "--device-name", "Máy tham chiếu", db: "reference.sqlite")
        for laptop in ["a.sqlite", "b.sqlite"] {
            for district in ["district.sqlite", "reference.sqlite"] { try cli.enrollEachOther(laptop: laptop, district: district) }
        }
        try cli.run("village", "add", "Tổ dân phố Lê Lợi", db: "a.sqlite")
        try cli.run("village", "add", "Tổ dân phố Trần Hưng Đạo", db: "b.sqlite")

        // Laptop 1: two households, one member able; batch 1, then more work and batch 2.
        let an = try cli.json("household", "add", "--village", "Tổ dân phố Lê Lợi", "--head", "Nguyễn Văn An", "--address", "Số 12", db: "a.sqlite") as! [String: Any]
        let anCode = an["code"] as! String
        let member = try cli.json("member", "add", anCode, "--name", "Nguyễn Văn An", "--birth-year", "1970", db: "a.sqlite") as! [String: Any]
        batchOfA1 = try exportFile(db: "a.sqlite")
        cli.now = "2026-11-21T10:00:00+07:00"
        try cli.run("visit", anCode, "--outcome", "met", "--by", "Lan", "--member", "\(member["code"]!):vneid=2,login=yes,dvctt=yes", db: "a.sqlite")
        try cli.run("household", "add", "--village", "Tổ dân phố Lê Lợi", "--no-names", "--address", "Số 14", db: "a.sqlite")
        let batchOfA2 = try exportFile(db: "a.sqlite")

        // Laptop 2: one household with two members, one visit; one batch.
        let binh = try cli.json("household", "add", "--village", "Tổ dân phố Trần Hưng Đạo", "--head", "Trần Thị Bình", db: "b.sqlite") as! [String: Any]
        let binhCode = binh["code"] as! String
        let child = try cli.json("member", "add", binhCode, "--name", "Lê Văn Cường", "--birth-year", "2001", db: "b.sqlite") as! [String: Any]
        try cli.run("member", "add", binhCode, "--name", "Trần Thị Bình", "--birth-year", "1975", db: "b.sqlite")
        try cli.run("visit", binhCode, "--outcome", "met", "--by", "Minh", "--member", "\(child["code"]!):vneid=pending", db: "b.sqlite")
        let batchOfB1 = try exportFile(db: "b.sqlite")
        batches = [batchOfA1, batchOfA2, batchOfB1]
    }

    func exportFile(db: String) throws -> String {
        let result = try cli.json("export", "--out", cli.path("exports"), db: db) as! [String: Any]
        return result["file"] as! String
    }

    func snapshot(_ name: String) throws -> String {
        try Store.open(at: cli.path(name)).snapshot()
    }

    @Test func mergeIsRightWhateverTheOrderRepeatsAndDamage() throws {
        try cli.run("init", "--district-server", "--device-name", "Máy chủ huyện", db: "district.sqlite")
        // Reverse order.
        let first = try cli.run(["merge"] + batches.reversed(), db: "district.sqlite")
        #expect(first.status == 0)
        #expect(first.stdout.contains("Tệp áp dụng: 3 · đã gộp từ trước: 0 · Tệp bị từ chối: 0"))
        // All again: nothing new.
        let again = try cli.run(["merge", cli.path("exports")], db: "district.sqlite")
        #expect(again.status == 0)
        #expect(again.stdout.contains("Tệp áp dụng: 0 · đã gộp từ trước: 3 · Tệp bị từ chối: 0"))
        #expect(again.stdout.contains("Ghi nhận mới: 0"))

        // A copy cut short, and a copy with one byte changed.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: batches[1]))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: cli.path("cut.jsonl")))
        // The file is sealed: one character of its third line changes (still base64), and the file is not what was written.
        var changed = bytes
        let third = changed.indices.filter { changed[$0] == 0x0A }[1] + 10
        changed[third] = changed[third] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        try changed.write(to: URL(fileURLWithPath: cli.path("changed.jsonl")))
        let damaged = try cli.run("merge", cli.path("cut.jsonl"), cli.path("changed.jsonl"), db: "district.sqlite")
        #expect(damaged.status == 2)
        #expect(damaged.stdout.contains("Tệp bị từ chối: 2"))

        let quarantine = try FileManager.default.contentsOfDirectory(atPath: cli.path("quarantine")).sorted()
        #expect(quarantine.count == 4)
        let reasons = try quarantine.filter { $0.hasSuffix(".reason.txt") }.map {
            try String(contentsOfFile: cli.path("quarantine/" + $0), encoding: .utf8)
        }
        #expect(reasons.contains { $0.contains("Lý do: Mã kiểm tra SHA-256 không khớp: tệp đã bị thay đổi sau khi xuất.") })
        #expect(reasons.contains { $0.contains("Lý do: Tệp bị cắt ngắn: sau ") })

        // One store that merged everything once, in order, holds the same events and state.
        try cli.run("init", "--district-server", "--device-name", "Máy tham chiếu", db: "reference.sqlite")
        try cli.run(["merge"] + batches, db: "reference.sqlite")
        #expect(try snapshot("district.sqlite") == snapshot("reference.sqlite"))

        // Each laptop sees its own households exactly as the district does.
        let district = try Store.open(at: cli.path("district.sqlite"))
        for laptop in ["a.sqlite", "b.sqlite"] {
            for household in try Store.open(at: cli.path(laptop)).households() {
                #expect(try district.household(household.code) == Store.open(at: cli.path(laptop)).household(household.code))
            }
        }
    }

    @Test func mergingIntoNoStoreSaysHowToMakeOne() throws {
        let output = try cli.run("merge", cli.path("exports"), db: "none.sqlite")
        #expect(output.status == 1)
        #expect(output.stderr.contains("tungnha init --gathering-machine --commune MÃ_XÃ --device-name \"TÊN MÁY\"     (máy của UBND xã)"))
        #expect(output.stderr.contains("tungnha init --gathering-machine --province MÃ_TỈNH --device-name \"TÊN MÁY\"  (máy của tỉnh)"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("none.sqlite")))
    }

    @Test func missingBatchIsNamed() throws {
        try cli.run("init", "--district-server", "--device-name", "Máy chủ huyện", db: "district.sqlite")
        try cli.run(["merge"] + batches.filter { $0 != batchOfA1 }, db: "district.sqlite")
        let status = try cli.run("sync", "status", db: "district.sqlite")
        #expect(status.stdout.contains("Lô 1 của Laptop tổ 1 chưa về. Nhờ máy đó gửi lại: tungnha export --again 1"))
        let json = try cli.json("sync", "status", db: "district.sqlite") as! [String: Any]
        let devices = json["devices"] as! [[String: Any]]
        #expect(devices.map { $0["missing"] as! [Int] }.sorted { $0.count < $1.count } == [[], [1]])
    }

    @Test func twoMergesAtOnceBothFinish() throws {
        try cli.run("init", "--district-server", "--device-name", "Máy chủ huyện", db: "district.sqlite")
        try cli.run("init", "--district-server", "--device-name", "Máy tham chiếu", db: "reference.sqlite")
        try cli.run(["merge"] + batches, db: "reference.sqlite")
        let outputs = try [batches, batches.reversed()].map { files -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CLI.binary)
            process.arguments = ["merge"] + files + ["--db", cli.path("district.sqlite")]
            process.environment = ["TUNGNHA_NOW": cli.now, "LANG": "C.UTF-8"]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in outputs { process.waitUntilExit() }
        #expect(outputs.map(\.terminationStatus) == [0, 0])
        #expect(try snapshot("district.sqlite") == snapshot("reference.sqlite"))
    }

    @Test func exportAgainIsByteForByte() throws {
        let original = try Data(contentsOf: URL(fileURLWithPath: batchOfA1))
        try FileManager.default.removeItem(atPath: batchOfA1)
        let again = try cli.run("export", "--again", "1", "--out", cli.path("exports"), db: "a.sqlite")
        #expect(again.status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: batchOfA1)) == original)
        let nothing = try cli.run("export", "--out", cli.path("exports"), db: "a.sqlite")
        #expect(nothing.status == 1)
        #expect(nothing.stderr == "Lỗi: Không có gì mới để xuất: mọi ghi nhận đã nằm trong các lô trước. Không tạo tệp nào. Nếu tệp lô 2 bị thất lạc: tungnha export --again 2\n")
    }

    @Test func districtSendsACommuneBackSoLaptopsSeeEachOthersHouseholds() throws {
        try cli.run("init", "--district-server", "--device-name", "Máy chủ huyện", db: "district.sqlite")
        try cli.run(["merge"] + batches, db: "district.sqlite")
        let relay = try cli.json("export", "--commune", "13285", "--out", cli.path("relay"), db: "district.sqlite") as! [String: Any]
        let merged = try cli.run("merge", relay["file"] as! String, db: "b.sqlite")
        #expect(merged.status == 0)
        let search = try cli.json("household", "search", "nguyen van an", db: "b.sqlite") as! [[String: Any]]
        #expect(search.map { $0["headName"] as? String } == ["Nguyễn Văn An"])
    }

    @Test func writtenBatchesFollowTheSchemaAndAHandWrittenOneMerges() throws {
        // Sealed to the district machine: the validator opens them with its store's key, and checks the laptops'
        // signatures against the keys it trusts.
        let validated = try Validator.run(batches, ["--store", cli.path("district.sqlite")])
        #expect(validated.status == 0, "\(validated.output)")

        // Written by hand and signed in Python (scripts/make-signed-examples.py): enrolled with the fingerprint the
        // device shows, it merges.
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("TungnhaKitTests/Fixtures")
        let enrolled = try cli.run(
            "enroll", "add", fixtures.appendingPathComponent("handwritten-device.tungnha").path, "--fingerprint", "P3VJ7-JDMXT-N22VW-0MXXG-SAMZV",
            db: "district.sqlite")
        #expect(enrolled.stdout.hasPrefix("Đã ghi danh Điện thoại tổ 2 (mã máy 3f6c2a9e)."))
        let merged = try cli.json("merge", fixtures.appendingPathComponent("handwritten-batch.jsonl").path, db: "district.sqlite") as! [String: Any]
        #expect(merged["applied"] as? Int == 1)
        #expect(merged["newEvents"] as? Int == 4)
        let households = try cli.json("household", "list", db: "district.sqlite") as! [[String: Any]]
        #expect(households.filter { $0["code"] as? String == "HN7Q4XR2KD" }.map { $0["covered"] as? Bool } == [true])
    }
}
