import Testing
@testable import TungnhaKit

/// The line a long merge, export, report or import shows on a terminal.
@Suite struct ProgressTests {
    @Test func timeLeftAtThePaceSoFar() {
        #expect(ProgressEstimate(done: 25, total: 100, seconds: 10).remaining == 30)
        #expect(ProgressEstimate(done: 0, total: 100, seconds: 3).remaining == nil)
        #expect(ProgressEstimate(done: 5, total: nil, seconds: 3).remaining == nil)
        #expect(ProgressEstimate.clock(42) == "0:42")
        #expect(ProgressEstimate.clock(725) == "12:05")
        #expect(ProgressEstimate.clock(3729) == "1:02:09")
        #expect(ProgressEstimate.clock(0.2) == "0:01")
    }

    @Test func theLineInBothLanguages() {
        let estimate = ProgressEstimate(done: 3_000_000, total: 10_000_000, seconds: 18)
        #expect(Messages.progressLine("Đang gộp", files: (3, 10), items: (12_345, nil), estimate: estimate, .vi)
            == "Đang gộp · tệp 3/10 · 12.345 ghi nhận · 0:18 · còn khoảng 0:42")
        #expect(Messages.progressLine("Merging", files: (3, 10), items: (12_345, nil), estimate: estimate, .en)
            == "Merging · file 3/10 · 12,345 events · 0:18 · about 0:42 left")
        #expect(Messages.progressLine("Đang lập báo cáo", estimate: ProgressEstimate(done: 0, total: nil, seconds: 4), .vi) == "Đang lập báo cáo · 0:04")
    }
}
