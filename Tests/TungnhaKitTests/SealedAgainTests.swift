import Foundation
import Testing
@testable import TungnhaKit

/// A sealed file merged before is known again by its own checksum, without being opened: merging a province's
/// whole folder again every week costs a read and a hash per file, not a decryption.
@Suite struct SealedAgainTests {
    @Test func aSealedFileMergedBeforeIsKnownWithoutBeingOpened() throws {
        let folder = TemporaryFolder()
        let clock = TestClock(Moment(rfc3339: "2026-11-20T08:00:00+07:00")!)
        let commune = try Store.initialize(
            at: folder.file("commune.sqlite"), role: .communeGathering, label: "Máy tổng hợp Phủ Lý", commune: phuLy, province: nil,
            environment: environment(clock, seed: 41)
        ).store
        let laptop = try phuLyLaptop(folder, clock: clock, name: "laptop.sqlite", seed: 43)
        try enrollEachOther(laptop, commune)
        _ = try laptop.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Nguyễn Văn An"))
        clock.advance(minutes: 60)
        let batch = try laptop.export(to: folder.file("exports"))
        #expect(try String(contentsOfFile: batch.file, encoding: .utf8).hasPrefix("{\"batch\":{"))
        #expect(try commune.merge([batch.file]).applied == 1)

        // Read with no key at all, it is still "merged before", with the header the first merge kept.
        let known = try commune.read(Store.mergedSealed)
        let reading = BatchFile.read(batch.file, named: true, merged: [], mergedSealed: known, keys: nil) { _ in }
        guard case .alreadyMerged(let header) = reading else {
            Issue.record("not known: \(reading)")
            return
        }
        #expect(header.deviceLabel == "Laptop tổ 1")
        #expect(header.batch == 1)
        // The village and the household.
        #expect(header.events == 2)
        let again = try commune.merge([batch.file])
        #expect(again.files.map(\.status) == [.alreadyMerged])
        #expect(again.files.map(\.knownEvents) == [2])

        // One character of the sealed text changed: not known, opened, and refused for its checksum.
        var lines = try String(contentsOfFile: batch.file, encoding: .utf8).components(separatedBy: "\n")
        let changed = lines[1].first == "A" ? "B" : "A"
        lines[1] = changed + lines[1].dropFirst()
        let tampered = folder.file("tampered/" + (batch.file as NSString).lastPathComponent)
        try FileManager.default.createDirectory(atPath: folder.file("tampered"), withIntermediateDirectories: true)
        try lines.joined(separator: "\n").write(toFile: tampered, atomically: true, encoding: .utf8)
        #expect(try commune.merge([tampered]).files.map(\.refusal) == ["checksumMismatch"])
    }
}
