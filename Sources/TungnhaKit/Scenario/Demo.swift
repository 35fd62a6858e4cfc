import Foundation

public enum DemoError: TungnhaError, Equatable {
    case folderExists(path: String)
    case cannotCreate(path: String, detail: String)
}

/// What `tungnha demo` left behind, for scripts and tests.
public struct DemoResult: Sendable, Codable {
    public var folder: String
    public var district: String
    public var laptops: [String]
    public var exports: [String]
    public var asOf: String
    public var merge: MergeOutcome
    public var duplicates: [DuplicatePair]
    public var report: CoverageReport
    public var html: String
}

/// The whole flow on real communes, through the same code as the commands: three team laptops in two wards
/// of Lâm Đồng that were Đắk Nông before 2025 record households and visits for six weeks, export their
/// batches, and the district merges them (one twice, one out of order) and reports.
public enum Demo {
    public static let scenario = Scenario(Scenario.Config(
        seed: 2026,
        communes: [CommuneRef(code: "24611", scheme: .y2025), CommuneRef(code: "24611", scheme: .y2025), CommuneRef(code: "24617", scheme: .y2025)],
        devicesPerCommune: 1, householdsPerDevice: 110, villagesPerDevice: 2, duplicateShare: 0.06,
        start: LocalDate("2026-09-07")!, weeks: 6, batchesPerDevice: 3))

    /// The last day of the campaign: the report's date, so that two runs give the same figures.
    public static var lastDay: LocalDate { scenario.config.start.adding(days: scenario.config.weeks * 7 - 1) }

    public static func run(in folder: String, force: Bool, language l: Language, progress: (String) -> Void) throws -> DemoResult {
        let files = FileManager.default
        if files.fileExists(atPath: folder) {
            guard force else { throw DemoError.folderExists(path: folder) }
            try files.removeItem(atPath: folder)
        }
        do {
            try files.createDirectory(atPath: folder + "/exports", withIntermediateDirectories: true)
        } catch {
            throw DemoError.cannotCreate(path: folder, detail: error.localizedDescription)
        }
        let clock = ScenarioClock()
        let random = RandomSource(seed: scenario.config.seed)
        var environment = StoreEnvironment(now: { clock.now }, random: random)
        // The same keys every run, so that the fingerprints shown are the same too.
        environment.keySeed = scenario.config.seed
        clock.set(Moment(millis: scenario.config.start.endMillis - 86_400_000 + 1))
        progress(Messages.demoIntro(folder: folder, l))

        let districtPath = folder + "/district.sqlite"
        let district = try Store.initialize(at: districtPath, role: .district, label: "Máy chủ huyện", commune: nil, province: "68", environment: environment).store
        progress(Messages.demoDistrict(districtPath, l))
        let districtFile = folder + "/enrollment/district.tungnha"
        try files.createDirectory(atPath: folder + "/enrollment", withIntermediateDirectories: true)
        let districtKeys = try district.ownEnrollment(writingTo: districtFile)

        var laptops: [String] = []
        var exports: [[ExportResult]] = []
        progress(Messages.demoCampaign(start: scenario.config.start, end: lastDay, l))
        for index in 0..<scenario.deviceCount {
            let plan = scenario.device(index)
            let path = folder + "/laptop-\(index + 1).sqlite"
            let store = try Store.initialize(at: path, role: .laptop, label: plan.label, commune: plan.commune, province: nil, environment: environment).store
            try enroll(store, with: district, districtFile: districtFile, districtFingerprint: districtKeys.fingerprint, file: folder + "/enrollment/laptop-\(index + 1).tungnha")
            let written = try ScenarioPlayer.play(plan, on: store, clock: clock, exports: folder + "/exports")
            let households = try store.households()
            progress(Messages.demoLaptop(
                label: plan.label, commune: plan.commune, households: households.count, members: households.reduce(0) { $0 + $1.members },
                visits: households.reduce(0) { $0 + $1.visits }, batches: written.count, l))
            laptops.append(path)
            exports.append(written)
        }
        progress(Messages.demoEnrolled(district: districtKeys.fingerprint, l))

        // Batches reach the district the way they do in the field: the first laptop's batch 3 before its batch 2,
        // and the second laptop's batch 1 twice.
        var arrivals = exports.flatMap { $0.map(\.file) }
        let late = exports[0][1].file
        arrivals.removeAll { $0 == late }
        arrivals.append(late)
        arrivals.append(exports[1][0].file)
        clock.set(Moment(millis: lastDay.endMillis + 9 * 3_600_000))
        progress(Messages.demoMerging(arrivals.count, l))
        let merge = try district.merge(arrivals, language: l) { file in progress("   " + Messages.mergeProgress(file, l)) }
        progress("   " + Messages.mergeSummary(merge, l).split(separator: "\n").prefix(2).joined(separator: "\n   "))

        let duplicates = try district.duplicateCandidates(limit: 50)
        progress(Messages.demoDuplicates(duplicates, l))

        let request = ReportRequest(level: .commune, asOf: lastDay)
        let report = try district.report(request)
        let html = folder + "/report.html"
        let page = ReportHTML.render(report, trend: try district.weeklyTrend(request, weeks: scenario.config.weeks + 1), generatedAt: Moment(clock.now), l)
        try page.write(toFile: html, atomically: true, encoding: .utf8)
        progress(Messages.demoReport(report, html: html, l))
        progress(Messages.demoNext(district: districtPath, laptop: laptops[0], asOf: lastDay, l))
        return DemoResult(
            folder: folder, district: districtPath, laptops: laptops, exports: arrivals, asOf: lastDay.description, merge: merge,
            duplicates: duplicates, report: report, html: html)
    }

    /// Enrollment both ways, as the officer and a volunteer do it: each side reads the other's file and checks the
    /// fingerprint the other shows.
    static func enroll(_ laptop: Store, with district: Store, districtFile: String, districtFingerprint: String, file: String) throws {
        let own = try laptop.ownEnrollment(writingTo: file)
        _ = try district.enroll(try district.readEnrollment(file), fingerprint: own.fingerprint)
        _ = try laptop.enroll(try laptop.readEnrollment(districtFile), fingerprint: districtFingerprint)
    }
}
