import Foundation
import Testing
@testable import TungnhaKit

#if canImport(Glibc)
import Glibc
#endif

/// The holes of issue 9 under "Ordinary files refused or lost", "Quarantine loses evidence" and "Clashes are hidden".
@Suite struct RealFilesTests {
    func villages(_ device: String, _ names: [String], first: Int64 = 1, batch: Int64 = 1) -> OutsiderFile {
        let events = names.enumerated().map { index, name in
            OutsiderFile.event(device: device, seq: first + Int64(index), type: "village.added", data: #"{"name":"\#(name)"}"#)
        }
        return OutsiderFile(header: OutsiderFile.header(device: device, label: "Laptop tổ 9", batch: batch, events: events.count, first: first), events: events)
    }

    @Test func windowsLineEndingsAndAByteOrderMarkAreReadAsWritten() throws {
        let field = try Field()
        let crlf = try villages(Field.mallory, ["Thôn 1"]).write(to: field.folder.file("in/crlf.jsonl"), signer: signer(Field.mallory), newline: "\r\n")
        let bom = try villages(Field.mallory, ["Thôn 2"], first: 2, batch: 2).write(to: field.folder.file("in/bom.jsonl"), signer: signer(Field.mallory), bom: true)
        // Notepad: a BOM and CRLF together, found in a folder (and the laptop's own sealed batch, converted likewise).
        try FileManager.default.createDirectory(atPath: field.folder.file("folder"), withIntermediateDirectories: true)
        _ = try villages(Field.mallory, ["Thôn 3"], first: 3, batch: 3).write(to: field.folder.file("folder/notepad.txt"), signer: signer(Field.mallory), newline: "\r\n", bom: true)
        _ = try field.laptop.recordVisit(household: field.household, VisitInput(outcome: .absent, volunteer: "Lan"))
        let sealed = try Data(contentsOf: URL(fileURLWithPath: try field.laptop.export(to: field.folder.file("exports")).file))
        try (Data([0xEF, 0xBB, 0xBF]) + Data(String(decoding: sealed, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8))
            .write(to: URL(fileURLWithPath: field.folder.file("folder/sealed.jsonl")))
        let outcome = try field.district.merge([crlf, bom, field.folder.file("folder")])
        #expect(outcome.files.map(\.status) == [.applied, .applied, .applied, .applied])
        #expect(outcome.newEvents == 4)
        #expect(try field.district.villages().map(\.name).filter { $0.hasPrefix("Thôn") } == ["Thôn 1", "Thôn 2", "Thôn 3"])
    }

    @Test func linesAcrossTheReadersChunksReadWhole() throws {
        // A byte-order mark, CRLF endings, a line of 2.5 MiB across three chunks, and a last line without a newline.
        let folder = TemporaryFolder()
        let long = String(repeating: "x", count: 5 << 19)
        let text = "\u{FEFF}first\r\n" + long + "\r\n\r\nlast"
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder.file("long.jsonl")))
        for input in [BatchInput.file(folder.file("long.jsonl")), .memory(Data(text.utf8), sealedFile: "s", sealedSHA256: "")] {
            var reader = try LineReader(input)
            var lines: [(length: Int, first: UInt8?, ended: Bool)] = []
            try reader.forEachLine { line, number, ended in
                #expect(number == lines.count + 1)
                lines.append((line.count, line.first, ended))
                return true
            }
            reader.close()
            #expect(lines.map(\.length) == [5, 2_621_440, 0, 4])
            #expect(lines.map(\.first) == [UInt8(ascii: "f"), UInt8(ascii: "x"), nil, UInt8(ascii: "l")])
            #expect(lines.map(\.ended) == [true, true, true, false])
        }
    }

    @Test func quarantineNeverOverwritesNorLosesAFileSilently() throws {
        let field = try Field()
        // Two refused files of one name in one second, from two folders; and a name longer than a file system takes.
        // 237 bytes: a name the file system keeps, too long once the date is put before it.
        let long = String(repeating: "tệp-gửi-qua-zalo-", count: 11) + ".jsonl"
        var paths: [String] = []
        for (index, folder) in ["one", "two"].enumerated() {
            paths.append(try villages(Field.mallory, ["Thôn \(index)"]).write(to: field.folder.file("\(folder)/batch.jsonl"), signer: nil))
        }
        paths.append(try villages(Field.mallory, ["Thôn 9"]).write(to: field.folder.file("three/" + long), signer: nil))
        let (outcome, unchanged) = try field.refusedLeavingUnchanged(paths)
        #expect(unchanged)
        #expect(outcome.files.map(\.refusal) == ["unsigned", "unsigned", "unsigned"])
        let kept = outcome.files.compactMap(\.quarantine)
        #expect(kept.count == 3)
        #expect(Set(kept).count == 3)
        #expect(kept[1].hasSuffix("_batch-2.jsonl"))
        #expect((kept[2] as NSString).lastPathComponent.utf8.count < 255 - 11)
        for (path, original) in zip(kept, paths) {
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(contentsOf: URL(fileURLWithPath: original)))
            #expect(FileManager.default.fileExists(atPath: path + ".reason.txt"))
        }
        // A quarantine that cannot be written is said, not hidden.
        try "".write(toFile: field.folder.file("quarantine-blocked"), atomically: true, encoding: .utf8)
        let blocked = try Store.open(at: field.folder.file("district.sqlite"), environment: environment(field.clock, seed: 33))
        try FileManager.default.removeItem(atPath: field.folder.file("quarantine"))
        try FileManager.default.moveItem(atPath: field.folder.file("quarantine-blocked"), toPath: field.folder.file("quarantine"))
        let failed = try blocked.merge([paths[0]])
        #expect(failed.files[0].quarantine == nil)
        #expect(failed.files[0].quarantineFailed != nil)
        #expect(Messages.mergeProgress(failed.files[0], .vi).contains("Không chép được tệp vào thư mục quarantine/"))
    }

    @Test func aMergeOfTheStoresOwnFolderLeavesItsQuarantineAlone() throws {
        let field = try Field()
        let refused = try villages(Field.mallory, ["Thôn 1"]).write(to: field.folder.file("usb/batch.jsonl"), signer: nil)
        let kept = try #require(try field.district.merge([refused]).files.first?.quarantine)
        #expect(kept.hasPrefix(field.folder.file("quarantine/")))
        // The folder that holds the stores, quarantine/ and the stick's copy: what is in quarantine/ is not tried again.
        let again = try field.district.merge([field.folder.path])
        #expect(again.files.filter { $0.file.contains("/quarantine/") }.isEmpty)
        #expect(again.files.filter { $0.refusal != nil }.map(\.file) == [field.folder.file("usb/batch.jsonl")])
        // Named inside quarantine/, its files are not tried either.
        #expect(try field.district.merge([field.folder.file("quarantine")]).files.isEmpty)
    }

    @Test func aPipeInAMergedFolderIsSkippedWithANoteNotWaitedFor() throws {
        let field = try Field()
        try FileManager.default.createDirectory(atPath: field.folder.file("usb"), withIntermediateDirectories: true)
        #expect(mkfifo(field.folder.file("usb/pipe.jsonl"), 0o600) == 0)
        _ = try villages(Field.mallory, ["Thôn 1"]).write(to: field.folder.file("usb/batch.jsonl"), signer: signer(Field.mallory))
        let outcome = try field.district.merge([field.folder.file("usb"), field.folder.file("usb/pipe.jsonl")])
        #expect(outcome.files.map(\.status) == [.applied, .skipped, .skipped])
        #expect(outcome.files[1].notRegular == .pipe)
        #expect(Messages.mergeProgress(outcome.files[1], .vi) == "- pipe.jsonl: đây là một ống dẫn (pipe), không phải tệp; bỏ qua (gộp chỉ mở tệp thường).")
    }

    @Test func aClashStaysVisibleWhenItsFileComesBackAndConflictsListsIt() throws {
        let field = try Field()
        // Two files under Mallory's name and numbers with other content: a copied store, or a crafted file.
        let first = try villages(Field.mallory, ["Thôn 1"]).write(to: field.folder.file("in/a/tungnha.jsonl"), signer: signer(Field.mallory))
        let second = try villages(Field.mallory, ["Thôn Khác"]).write(to: field.folder.file("in/b/tungnha-copy.jsonl"), signer: signer(Field.mallory))
        #expect(try field.district.merge([first]).clashes == 0)
        let clashed = try field.district.merge([second])
        #expect(clashed.clashes == 1)
        let again = try field.district.merge([second])
        #expect(again.files.map(\.status) == [.alreadyMerged])
        #expect(again.clashes == 1)
        #expect(Messages.mergeProgress(again.files[0], .vi).contains("! Khi gộp lần trước, 1 ghi nhận của tệp này trùng mã với ghi nhận đã có"))
        let clashes = try field.district.idClashes()
        #expect(clashes.map(\.event) == ["\(Field.mallory):1"])
        #expect(clashes.map(\.file) == [second])
        #expect(clashes.map(\.heldFrom) == [first])
        let text = Messages.conflicts(ConflictList(fields: [], idClashes: clashes), .vi)
        #expect(text.contains("eeeeeeee:1 (Laptop tổ 9): giữ riêng từ tệp tungnha-copy.jsonl; ghi nhận đang dùng đến từ tungnha.jsonl."))
    }
}
