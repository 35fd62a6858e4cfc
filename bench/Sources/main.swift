// tungnha-bench: makes the inputs of the benchmarks in bench/ (see bench/README.md).
//
//   tungnha-bench generate --out DIR [--households N] [--devices N] [--province CODE] [--seed N] [--seal-to FILE]
//       Writes the batch files of a province-scale campaign: real 2025 communes of the province,
//       about 2.5 members and 2 visits per household, a few batches per device. Each device signs its batches; they
//       are sealed to the machine whose enrollment file --seal-to names. DIR.enrollment.jsonl vouches for every device:
//       `tungnha enroll add DIR.enrollment.jsonl --fingerprint CODE` (the code it prints) lets a store accept them.
//   tungnha-bench laptop --db PATH [--households N] [--seed N]
//       Builds one laptop store through the store's own commands (Phường Phủ Lý, 13285).
import Foundation
import TungnhaKit

Store.prepareProcess()
let arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String, _ fallback: String? = nil) -> String? {
    guard let index = arguments.firstIndex(of: "--" + name), index + 1 < arguments.count else { return fallback }
    return arguments[index + 1]
}
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

let seed = UInt64(option("seed", "2026")!) ?? 2026
switch arguments.first {
case "generate":
    guard let out = option("out") else { fail("generate needs --out DIR") }
    let households = Int(option("households", "1000000")!)!
    let devices = Int(option("devices", String(max(1, households / 500)))!)!
    let province = option("province", "68")!
    let communes = AdminUnits.shared.communes[.y2025]!.values.filter { $0.province == province }.map(\.code).sorted()
    guard !communes.isEmpty else { fail("no 2025 commune in province \(province)") }
    let perCommune = max(1, (devices + communes.count - 1) / communes.count)
    let used = communes.prefix((devices + perCommune - 1) / perCommune).map { CommuneRef(code: $0, scheme: .y2025) }
    let scenario = Scenario(Scenario.Config(
        seed: seed, communes: Array(used), devicesPerCommune: perCommune, householdsPerDevice: max(1, households / (used.count * perCommune)),
        start: LocalDate("2026-09-01")!, weeks: 10, batchesPerDevice: 3))
    var files = 0, events = 0
    let started = Date()
    let trust = try ScenarioTrust(seed: seed, sealTo: option("seal-to"))
    for index in 0..<scenario.deviceCount {
        let written = try ScenarioFiles.write(scenario, device: index, to: out, trust: trust)
        files += written.files
        events += written.events
        if index % 100 == 99 {
            FileHandle.standardError.write(Data("\(index + 1)/\(scenario.deviceCount) devices, \(events) events\n".utf8))
        }
    }
    let fingerprint = try trust.writeEnrollment(to: out + ".enrollment.jsonl")
    print("generated \(files) files, \(events) events, \(scenario.deviceCount) devices in \(used.count) communes of province \(province), \(scenario.config.householdsPerDevice) households per device, in \(Int(Date().timeIntervalSince(started))) s")
    print("enrollment: \(out).enrollment.jsonl --fingerprint \(fingerprint)")
case "laptop":
    guard let db = option("db") else { fail("laptop needs --db PATH") }
    let households = Int(option("households", "5000")!)!
    let scenario = Scenario(Scenario.Config(
        seed: seed, communes: [CommuneRef(code: "13285", scheme: .y2025)], devicesPerCommune: 1, householdsPerDevice: households,
        villagesPerDevice: 8, start: LocalDate("2026-09-01")!, weeks: 10, batchesPerDevice: 1))
    let clock = ScenarioClock()
    let store = try Store.initialize(
        at: db, role: .laptop, label: "Laptop bench", commune: scenario.config.communes[0], province: nil,
        environment: StoreEnvironment(now: { clock.now }, random: RandomSource(seed: seed))
    ).store
    let started = Date()
    try ScenarioPlayer.play(scenario.device(0), on: store, clock: clock, exports: nil)
    print("built \(db): \(households) households in \(Int(Date().timeIntervalSince(started))) s")
case "inserts":
    // The event log's insert alone, on a fresh store, one transaction: how far from the sqlite3 shell it is.
    let files = arguments.dropFirst().filter { !$0.hasPrefix("--") }
    let path = NSTemporaryDirectory() + "tungnha-inserts-\(UUID().uuidString).sqlite"
    let store = try Store.initialize(at: path, role: .provinceGathering, label: "Bench", commune: nil, province: nil).store
    var batches: [ParsedBatchForBench] = []
    for file in files { batches.append(try BenchAccess.parse(file)) }
    let started = Date()
    let count = try BenchAccess.insertOnly(batches, into: store)
    print("\(count) events inserted in \(Int(Date().timeIntervalSince(started) * 1000)) ms: \(Int(Date().timeIntervalSince(started) * 1_000_000) / max(1, count)) µs/event")
case "phases":
    // Where merge time goes, without the database: reading, parsing, checking, canonical form, derivation.
    let files = arguments.dropFirst().filter { !$0.hasPrefix("--") }
    var lines: [[UInt8]] = []
    var clock = Date()
    for file in files {
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        lines += data.split(separator: 0x0A).map(Array.init).dropFirst().dropLast()
    }
    func lap(_ name: String) {
        let now = Date()
        print("\(name): \(Int(now.timeIntervalSince(clock) * 1_000_000) / max(1, lines.count)) µs/event")
        clock = now
    }
    lap("read \(lines.count) events")
    let values = try lines.map { line in try line.withUnsafeBufferPointer { try JSONParser.parse($0) } }
    lap("parse JSON")
    let events = try values.map { try EventCodec.event(from: $0) }
    lap("check fields")
    let canonical = events.map(EventCodec.canonical)
    lap("canonical form")
    var byHousehold: [String: [Event]] = [:]
    for event in events { if let household = event.household { byHousehold[household, default: []].append(event) } }
    lap("group")
    var covered = 0
    for (code, list) in byHousehold where Derivation.cluster(root: code, events: list)?.root.coverage.covered == true { covered += 1 }
    lap("derive \(byHousehold.count) households (\(covered) covered)")
    _ = canonical
default:
    fail("usage: tungnha-bench generate --out DIR [--households N] [--devices N] [--province CODE] | laptop --db PATH [--households N]")
}
