import Foundation

public enum DemoError: TungnhaError, Equatable {
    case folderExists(path: String)
    case cannotCreate(path: String, detail: String)
}

/// What `tungnha demo` left behind, for scripts and tests.
public struct DemoResult: Sendable, Codable {
    public var folder: String
    /// The store of the province's gathering machine, and of Phường Bắc Gia Nghĩa's.
    public var province: String
    public var commune: String
    public var laptops: [String]
    /// The files as they reached Bắc Gia Nghĩa's machine.
    public var exports: [String]
    public var asOf: String
    /// What Bắc Gia Nghĩa's machine merged, what it forwarded, and what the province's merged.
    public var merge: MergeOutcome
    public var forward: ForwardResult
    public var provinceMerge: MergeOutcome
    public var duplicates: [DuplicatePair]
    public var report: CoverageReport
    public var html: String
    /// The audit's flags at the province: "kind severity volunteer".
    public var flags: [String]
    public var rules: String
}

/// The whole flow on real communes, through the same code as the commands: three team laptops in two wards
/// of Lâm Đồng that were Đắk Nông before 2025 record households and visits for six weeks and export their
/// batches. The two teams of Phường Bắc Gia Nghĩa send theirs to the ward's gathering machine (one twice, one out
/// of order), which merges a duplicate and forwards everything to the province's gathering machine; Phường Đông
/// Gia Nghĩa's team sends straight to the province, which reports.
public enum Demo {
    public static let scenario = Scenario(Scenario.Config(
        seed: 2026,
        communes: [CommuneRef(code: "24611", scheme: .y2025), CommuneRef(code: "24611", scheme: .y2025), CommuneRef(code: "24617", scheme: .y2025)],
        devicesPerCommune: 1, householdsPerDevice: 110, villagesPerDevice: 2, duplicateShare: 0.06,
        start: LocalDate("2026-09-07")!, weeks: 6, batchesPerDevice: 3,
        // In the last week, one volunteer of the first team "meets" a dozen households an hour, writes every head
        // able with the same answers, and types it all in two days later: what the audit must find.
        inflation: Scenario.Inflation(device: 0, volunteer: "Phúc", days: [35, 36, 37, 38], householdsPerDay: 14, minutesApart: 5, enteredDaysLater: 2)))

    /// The ward with a gathering machine of its own.
    static let ward = CommuneRef(code: "24611", scheme: .y2025)

    /// The last day of the campaign.
    public static var lastDay: LocalDate { scenario.config.start.adding(days: scenario.config.weeks * 7 - 1) }
    /// The day after, when the files are gathered: the report's date, so that two runs give the same figures.
    public static var reportDay: LocalDate { lastDay.adding(days: 1) }

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

        let provincePath = folder + "/province.sqlite"
        let communePath = folder + "/commune-\(ward.code).sqlite"
        let province = try Store.initialize(
            at: provincePath, role: .provinceGathering, label: "Máy tổng hợp tỉnh Lâm Đồng", commune: nil, province: "68", environment: environment
        ).store
        let commune = try Store.initialize(
            at: communePath, role: .communeGathering, label: "Máy tổng hợp phường Bắc Gia Nghĩa", commune: ward, province: nil, environment: environment
        ).store
        progress(Messages.demoMachines(province: provincePath, commune: communePath, ward: ward, l))
        // Enrollment as the officers do it: the ward's machine knows the province's machine it forwards to, so its
        // laptops seal their batches to both.
        try files.createDirectory(atPath: folder + "/enrollment", withIntermediateDirectories: true)
        let provinceFile = folder + "/enrollment/province.tungnha"
        let communeFile = folder + "/enrollment/commune-\(ward.code).tungnha"
        let provinceKeys = try province.ownEnrollment(writingTo: provinceFile)
        _ = try commune.enroll(try commune.readEnrollment(provinceFile, outbound: true), fingerprint: provinceKeys.fingerprint)
        let communeKeys = try commune.ownEnrollment(writingTo: communeFile)

        var laptops: [String] = []
        var exports: [[ExportResult]] = []
        progress(Messages.demoCampaign(start: scenario.config.start, end: lastDay, l))
        for index in 0..<scenario.deviceCount {
            let plan = scenario.device(index)
            let path = folder + "/laptop-\(index + 1).sqlite"
            let store = try Store.initialize(at: path, role: .laptop, label: plan.label, commune: plan.commune, province: nil, environment: environment).store
            // The ward's two teams send to the ward's machine; the third commune has no machine of its own yet.
            let (receiver, receiverFile, receiverKeys) = plan.commune == ward ? (commune, communeFile, communeKeys) : (province, provinceFile, provinceKeys)
            try enroll(store, with: receiver, receiverFile: receiverFile, receiverFingerprint: receiverKeys.fingerprint, file: folder + "/enrollment/laptop-\(index + 1).tungnha")
            let written = try ScenarioPlayer.play(plan, on: store, clock: clock, exports: folder + "/exports")
            let households = try store.households()
            progress(Messages.demoLaptop(
                label: plan.label, commune: plan.commune, households: households.count, members: households.reduce(0) { $0 + $1.members },
                visits: households.reduce(0) { $0 + $1.visits }, batches: written.count, l))
            laptops.append(path)
            exports.append(written)
        }
        // The province's officer enrolls the ward's machine from its file, which now vouches for the ward's laptops.
        let communeNow = try commune.ownEnrollment(writingTo: communeFile)
        _ = try province.enroll(try province.readEnrollment(communeFile), fingerprint: communeNow.fingerprint)
        progress(Messages.demoEnrolled(commune: communeKeys.fingerprint, province: provinceKeys.fingerprint, l))

        // Batches reach the ward's machine the way they do in the field: the first laptop's batch 3 before its
        // batch 2, and the second laptop's batch 1 twice.
        var arrivals = exports.prefix(2).flatMap { $0.map(\.file) }
        let late = exports[0][1].file
        arrivals.removeAll { $0 == late }
        arrivals.append(late)
        arrivals.append(exports[1][0].file)
        clock.set(Moment(millis: lastDay.endMillis + 9 * 3_600_000))
        progress(Messages.demoCommuneMerging(arrivals.count, l))
        let merge = try commune.merge(arrivals, language: l) { file in progress("   " + Messages.mergeProgress(file, l)) }
        progress("   " + Messages.mergeSummary(merge, l).split(separator: "\n").prefix(2).joined(separator: "\n   "))

        // The two teams of the ward registered some houses of a shared village twice; the ward's machine merges one.
        let duplicates = try commune.duplicateCandidates(limit: 50)
        if let first = duplicates.first { _ = try commune.mergeHouseholds(keep: first.keep.code, other: first.other.code) }
        progress(Messages.demoDuplicates(duplicates, l))

        clock.set(Moment(millis: lastDay.endMillis + 10 * 3_600_000))
        let forward = try commune.forward(to: folder + "/to-province")
        progress(Messages.demoForwarded(forward, l))
        let straight = exports[2].map(\.file)
        let provinceMerge = try province.merge([forward.folder] + straight, language: l)
        progress(Messages.demoProvinceMerging(straight.count, l) + "\n   " + Messages.mergeSummary(provinceMerge, l).split(separator: "\n").prefix(2).joined(separator: "\n   "))

        let request = ReportRequest(level: .commune, asOf: reportDay)
        let report = try province.report(request)
        // The province reports on the campaign's last day: the day the audit compares coverage gains against.
        let rulesPath = folder + "/quy-tac.json"
        try "{\"reportDays\": [\"\(lastDay)\"]}\n".write(toFile: rulesPath, atomically: true, encoding: .utf8)
        let audit = try province.audit(rules: try AuditRules.read(file: rulesPath))
        let html = folder + "/report.html"
        let page = ReportHTML.render(
            report, trend: try province.weeklyTrend(request, weeks: scenario.config.weeks + 1), generatedAt: Moment(clock.now), audit: audit, l)
        try page.write(toFile: html, atomically: true, encoding: .utf8)
        progress(Messages.demoReport(report, html: html, l))
        progress(Messages.demoAudit(audit, rules: rulesPath, province: provincePath, l))
        progress(Messages.demoNext(province: provincePath, commune: communePath, laptop: laptops[0], asOf: reportDay, l))
        return DemoResult(
            folder: folder, province: provincePath, commune: communePath, laptops: laptops, exports: arrivals, asOf: reportDay.description, merge: merge, forward: forward,
            provinceMerge: provinceMerge, duplicates: duplicates, report: report, html: html,
            flags: audit.flags.map { "\($0.kind.rawValue) \($0.severity.rawValue) \($0.volunteer ?? "-")" }, rules: rulesPath)
    }

    /// Enrollment both ways, as the officer and a volunteer do it: each side reads the other's file and checks the
    /// fingerprint the other shows.
    static func enroll(_ laptop: Store, with receiver: Store, receiverFile: String, receiverFingerprint: String, file: String) throws {
        let own = try laptop.ownEnrollment(writingTo: file)
        _ = try receiver.enroll(try receiver.readEnrollment(file), fingerprint: own.fingerprint)
        _ = try laptop.enroll(try laptop.readEnrollment(receiverFile), fingerprint: receiverFingerprint)
    }
}
