import Foundation
import GRDB
import PropertyBased
import Testing
@testable import TungnhaKit

/// An enrolled laptop's signed batch, mutated a thousand ways by someone who can recompute the checksum but not the
/// signature. Whatever the file becomes, the merge neither crashes nor hangs, and the store ends either as it was or
/// as the untouched file leaves it.
final class MutationBench: @unchecked Sendable {
    let field: Field
    let lines: [String]
    let end: JSONObject
    let before: String
    let afterValid: String
    let pristine: String
    /// The district store, opened again after each reset.
    var store: Store

    init() throws {
        field = try Field()
        let device = Field.mallory
        lines = [
            OutsiderFile.header(device: device, label: "Laptop tổ 9", batch: 1, events: 5),
            OutsiderFile.event(device: device, seq: 1, at: "2026-11-20T09:00:00+07:00", type: "village.added", data: #"{"name":"Thôn 9"}"#),
            OutsiderFile.event(device: device, seq: 2, at: "2026-11-20T09:10:00+07:00", type: "household.registered", household: "MAXXRY0001",
                               data: #"{"village":"Thôn 9","headName":"Lê Văn Tư","address":"Số 4","consent":true}"#),
            OutsiderFile.event(device: device, seq: 3, at: "2026-11-20T09:12:00+07:00", type: "member.added", household: "MAXXRY0001", member: "MAXXRY0002",
                               data: #"{"name":"Lê Văn Tư","birthYear":1960,"sex":"male"}"#),
            OutsiderFile.event(device: device, seq: 4, at: "2026-11-20T09:30:00+07:00", type: "visit.recorded", household: "MAXXRY0001",
                               data: #"{"volunteer":"Tư","outcome":"met","help":["guided-login"],"observations":[{"member":"MAXXRY0002","vneid":"level2","login":true,"dvctt":true}]}"#),
            OutsiderFile.event(device: device, seq: 5, at: "2026-11-20T09:40:00+07:00", type: "event.voided", household: "MAXXRY0001",
                               data: #"{"target":"\#(device):4","reason":"ghi nhầm"}"#),
        ]
        let valid = try OutsiderFile(header: lines[0], events: Array(lines.dropFirst())).bytes(signer: signer(device))
        let endLine = Array(String(decoding: valid, as: UTF8.self).split(separator: "\n").last!.utf8)
        guard case .object(let object) = try endLine.withUnsafeBufferPointer({ try JSONParser.parse($0) }) else { throw StoreError.damaged(what: "end") }
        end = object
        let copy = field.folder.file("pristine.sqlite")
        pristine = copy
        try field.district.queue.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [copy]) }
        before = try field.district.snapshot()
        try valid.write(to: URL(fileURLWithPath: field.folder.file("valid.jsonl")))
        #expect(try field.district.merge([field.folder.file("valid.jsonl")]).applied == 1)
        afterValid = try field.district.snapshot()
        store = field.district
        try reset()
    }

    /// Puts the district store back as it was before any file.
    func reset() throws {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: field.folder.file("district.sqlite") + suffix) }
        try FileManager.default.copyItem(atPath: pristine, toPath: field.folder.file("district.sqlite"))
        store = try Store.open(at: field.folder.file("district.sqlite"), environment: environment(field.clock, seed: 7))
    }

    /// The file after `kind` of mutation at `spot`, with the end line's count and checksum recomputed and its
    /// signature kept.
    func mutated(kind: Int, spot: Int, seed: Int) -> Data {
        var random = RandomSource(seed: UInt64(seed)).generator
        var lines = self.lines
        let index = spot % lines.count
        var line = Array(lines[index].utf8)
        let at = line.isEmpty ? 0 : Int.random(in: 0..<line.count, using: &random)
        let hostile = ["\u{1B}[2J", "mật khẩu 123456", String(repeating: "x", count: 5000), "001/234/567/890", "\u{202E}", "", "\\ud800", "9999-12-31T23:59:59+14:00"]
        let numbers = ["0", "-1", "9223372036854775807", "9223372036854775808", "1e999", "1.5", "100001", "1000000000001", "null", "\"7\""]
        var tail = ""
        var prefix = Data()
        switch kind % 13 {
        case 0: if !line.isEmpty { line[at] ^= UInt8.random(in: 1...255, using: &random) }
        case 1: if !line.isEmpty { line.remove(at: at) }
        case 2: line.insert(UInt8.random(in: 0...255, using: &random), at: at)
        case 3:
            let text = String(decoding: line, as: UTF8.self)
            let digits = text.indices.filter { text[$0].isNumber }
            if let start = digits.randomElement(using: &random) {
                var end = start
                while end < text.endIndex, text[end].isNumber { end = text.index(after: end) }
                line = Array((text[..<start] + numbers.randomElement(using: &random)! + text[end...]).utf8)
            }
        case 4: lines.insert(lines[max(1, index)], at: max(1, index))
        case 5: if lines.count > 1 { lines.remove(at: max(1, index)) }
        case 6: lines.swapAt(index, Int.random(in: 0..<lines.count, using: &random))
        case 7:
            let text = String(decoding: line, as: UTF8.self)
            if let quote = text.indices.filter({ text[$0] == ":" }).randomElement(using: &random) {
                let value = hostile.randomElement(using: &random)!
                line = Array((text[...quote] + "\"" + value + "\"," + "\"_\":" + text[text.index(after: quote)...]).utf8)
            }
        case 8: tail = String(decoding: line, as: UTF8.self) + "\n"
        case 9: line = Array(String(decoding: line, as: UTF8.self).replacingOccurrences(of: Field.mallory, with: field.laptopID).utf8)
        case 10: line = Array(String(decoding: line, as: UTF8.self).replacingOccurrences(of: "13285", with: "13294").utf8)
        case 11: line = Array(String(decoding: line, as: UTF8.self).replacingOccurrences(of: "MAXXRY0001", with: field.household).utf8)
        default: prefix = Data([0xEF, 0xBB, 0xBF])
        }
        if kind % 13 != 4, kind % 13 != 5, kind % 13 != 6 { lines[index] = String(decoding: line, as: UTF8.self) }
        let body = lines.map { $0 + "\n" }.joined()
        var end = self.end
        end["events"] = .int(Int64(lines.count - 1))
        end["sha256"] = .string(SHA256Hex.of(Array(body.utf8)))
        var file = prefix + Data(body.utf8) + Data((JSONWriter.canonical(.object(end)) + "\n" + tail).utf8)
        if kind % 26 == 25 { file = file.prefix(Int.random(in: 0..<file.count, using: &random)) }
        return kind % 39 == 12 ? Data(String(decoding: file, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8) : file
    }
}

@Suite struct MutationTests {
    @Test(.timeLimit(.minutes(3))) func aThousandMutatedBatchesChangeNothingAValidOneWouldNot() async throws {
        let bench = try MutationBench()
        let counts = Counts()
        await propertyCheck(count: 1000, input: Gen.int(in: 0...10_000), Gen.int(in: 0...1_000), Gen.int(in: 0...1_000_000)) { kind, spot, seed in
            let path = bench.field.folder.file("mutated/\(kind)-\(spot)-\(seed).jsonl")
            try FileManager.default.createDirectory(atPath: bench.field.folder.file("mutated"), withIntermediateDirectories: true)
            try bench.mutated(kind: kind, spot: spot, seed: seed).write(to: URL(fileURLWithPath: path))
            let store = bench.store
            let outcome = try store.merge([path])
            let after = try store.snapshot()
            if outcome.applied == 1 {
                // Only a file that reads as the valid one (a byte-order mark, Windows line endings) applies.
                #expect(after == bench.afterValid, "\(kind) \(spot) \(seed)")
                try bench.reset()
                counts.add(applied: true)
            } else {
                #expect(after == bench.before, "\(kind) \(spot) \(seed)")
                counts.add(applied: false)
            }
        }
        // Most mutations break the signature; the benign ones (BOM, CRLF) must apply.
        #expect(counts.applied > 0)
        #expect(counts.refused > 800)
    }
}

final class Counts: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var applied = 0
    private(set) var refused = 0

    func add(applied yes: Bool) { lock.withLock { if yes { applied += 1 } else { refused += 1 } } }
}
