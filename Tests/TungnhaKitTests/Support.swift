import Foundation
import GRDB
@testable import TungnhaKit

/// A folder of its own for each test, removed at the end.
final class TemporaryFolder {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "tungnha-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }
}

/// 2026-11-20 09:00 in Vietnam, and a clock that can be moved.
let fixedStart = Moment(rfc3339: "2026-11-20T09:00:00+07:00")!

final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ moment: Moment = fixedStart) { current = moment.date }

    var now: Date { lock.withLock { current } }

    func advance(minutes: Int) { lock.withLock { current = current.addingTimeInterval(Double(minutes) * 60) } }

    func set(_ moment: Moment) { lock.withLock { current = moment.date } }
}

func environment(_ clock: TestClock, seed: UInt64 = 42) -> StoreEnvironment {
    StoreEnvironment(now: { clock.now }, random: RandomSource(seed: seed))
}

/// A laptop store for Phường Phủ Lý (13285, scheme 2025) with one village.
func phuLyLaptop(_ folder: TemporaryFolder, clock: TestClock = TestClock(), name: String = "laptop.sqlite", seed: UInt64 = 42, label: String = "Laptop tổ 1")
    throws -> Store
{
    let store = try Store.initialize(
        at: folder.file(name), role: .laptop, label: label, commune: CommuneRef(code: "13285", scheme: .y2025), province: nil,
        environment: environment(clock, seed: seed)
    ).store
    try enrollGathering(in: store)
    _ = try store.addVillage(name: "Tổ dân phố Lê Lợi")
    return store
}

let phuLy = CommuneRef(code: "13285", scheme: .y2025)

/// The member tally kept by the projection, and the same figures counted afresh from the member rows.
func tallyAndRecount(_ store: Store) throws -> (kept: [String], recounted: [String]) {
    try store.read { db in
        let kept = try Row.fetchAll(db, sql: "SELECT * FROM member_tally WHERE members > 0 ORDER BY scheme, commune, village_key, birth_year").map(\.description)
        let recounted = try Row.fetchAll(
            db,
            sql: """
                SELECT scheme, commune, village_key, birth_year, count(*) AS members, coalesce(sum(dvctt = 1), 0) AS dvctt,
                    coalesce(sum(vneid = 'level2'), 0) AS level2
                FROM member WHERE counted = 1 GROUP BY scheme, commune, village_key, birth_year ORDER BY scheme, commune, village_key, birth_year
                """
        ).map(\.description)
        return (kept, recounted)
    }
}
