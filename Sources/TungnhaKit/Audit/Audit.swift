import Foundation
import GRDB

extension Store {
    /// Audits how the visits were recorded: flags with their severity, the records behind each, a summary per
    /// commune and the back-checks per volunteer. Reads the event log and the derived rows; changes nothing. On a
    /// laptop it audits the laptop's own records; `commune` keeps the flags of one commune (either list's code).
    public func audit(rules: AuditRules = AuditRules(), commune: String? = nil) throws -> AuditReport {
        let identity = try identity()
        let today = now.vietnamDate
        return try read { db in
            // A scan gains nothing from a large page cache; the audit keeps its memory for the visits it holds.
            try db.execute(sql: "PRAGMA cache_size = -8192")
            defer { try? db.execute(sql: "PRAGMA cache_size = -32768") }
            let own = identity.role == .laptop ? identity.id : nil
            let ownKey = try own.map { try EventLog.existingDeviceKey($0, db: db) ?? -1 }
            var devices: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT rowid, id FROM device") { devices[row[0]] = row[1] }
            defer { Trace.report() }
            // The checks of the derived rows first: what they hold is gone before the visits are read.
            var findings = try Trace.time("audit: members") { try AuditHouseholdChecks.findings(db, rules: rules, year: today.year, device: own) }
            AuditMemory.note("members")
            var context = AuditContext(input: try AuditInput.read(db, rules: rules, device: ownKey), rules: rules, devices: devices)
            AuditMemory.note("visits read")
            findings += Trace.time("audit: visit checks") { context.visitChecks() }
            AuditMemory.note("visit checks")
            findings += Trace.time("audit: member checks") { context.memberChecks() }
            AuditMemory.note("member checks")
            let (checked, agreements) = try context.backcheckFindings(db)
            findings += checked
            // What naming the flags needs of the visits read; the rest is let go.
            let visitCount = context.input.visits.count
            context.input.visits = []
            context.input.seen = []
            let labels = try Self.deviceLabels(db, identity: identity)
            let reviews = try AuditReviews.read(db)
            let input = context.input
            var flags: [AuditFlag] = []
            for finding in Trace.time("audit: name records", { findings }) where commune == nil || finding.commune.code == commune {
                let code = AuditFlag.code(finding.kind, finding.subject)
                let device = finding.deviceKey.flatMap { devices[$0] }
                let events = try finding.events ?? finding.rowids.compactMap { try AuditContext.eventID($0, db) }
                flags.append(
                    AuditFlag(
                        code: code, kind: finding.kind, severity: finding.severity, commune: finding.commune.code, scheme: finding.commune.scheme,
                        volunteer: finding.volunteer.map { input.volunteers[Int($0)].name }, device: device, deviceLabel: device.flatMap { labels[$0] },
                        household: finding.household, village: finding.village, member: finding.member, measure: finding.measure, events: events,
                        eventCount: finding.eventCount, review: reviews[code]))
            }
            // Open flags first, the most serious first; those reviewed after them.
            func order(_ flag: AuditFlag) -> (Int, String, Int, String, String) {
                ((flag.review == nil ? 0 : 3) + 2 - flag.severity.rank, flag.commune + "|" + flag.scheme.rawValue,
                 AuditFlag.Kind.allCases.firstIndex(of: flag.kind)!, flag.volunteer ?? "", flag.code)
            }
            flags.sort { order($0) < order($1) }
            let backchecks = agreements.map { item -> AuditReport.BackcheckAgreement in
                let volunteer = input.volunteers[Int(item.volunteer)]
                let place = input.communes[volunteer.commune]
                let device = devices[volunteer.device] ?? ""
                return AuditReport.BackcheckAgreement(
                    commune: place.code, scheme: place.scheme, volunteer: volunteer.name, device: device, deviceLabel: labels[device],
                    backchecks: item.backchecks, compared: item.compared, agreed: item.agreed, rate: Share(item.agreed, of: item.compared))
            }.filter { commune == nil || $0.commune == commune }
            var places = Set(input.communes)
            for flag in flags { places.insert(CommuneRef(code: flag.commune, scheme: flag.scheme)) }
            let summaries = places.filter { commune == nil || $0.code == commune }.sorted { ($0.code, $0.scheme.rawValue) < ($1.code, $1.scheme.rawValue) }
                .map { Self.summary($0, flags: flags, backchecks: backchecks) }
            return AuditReport(
                madeOn: today.description, device: own, rules: rules, visits: visitCount, visitsWithoutEntryTime: input.withoutEntryTime,
                flags: flags, communes: summaries, backchecks: backchecks)
        }
    }

    static func summary(_ place: CommuneRef, flags: [AuditFlag], backchecks: [AuditReport.BackcheckAgreement]) -> AuditReport.CommuneSummary {
        let mine = flags.filter { $0.commune == place.code && $0.scheme == place.scheme }
        let open = mine.filter { $0.review == nil }
        var byVolunteer: [String: Int] = [:]
        for flag in open where flag.severity >= .medium { if let name = flag.volunteer { byVolunteer[name, default: 0] += 1 } }
        let checks = backchecks.filter { $0.commune == place.code && $0.scheme == place.scheme }
        return AuditReport.CommuneSummary(
            commune: place.code, scheme: place.scheme, name: AdminUnits.shared.commune(place)?.name ?? place.code,
            high: open.filter { $0.severity == .high }.count, medium: open.filter { $0.severity == .medium }.count,
            low: open.filter { $0.severity == .low }.count, reviewed: mine.count - open.count,
            volunteers: byVolunteer.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map(\.key),
            backchecks: checks.reduce(0) { $0 + $1.backchecks }, backchecksCompared: checks.reduce(0) { $0 + $1.compared },
            backchecksAgreed: checks.reduce(0) { $0 + $1.agreed })
    }

    /// Each device's name for people: the latest a batch of it gave, and this machine's own.
    static func deviceLabels(_ db: Database, identity: DeviceIdentity) throws -> [String: String] {
        var labels: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT device, label FROM batch ORDER BY written_ms") { labels[row[0]] = row[1] }
        labels[identity.id] = identity.label
        return labels
    }
}

/// Officers' reviews of flags, read from the log: they are few, and reading them with their voids applies the void
/// rule in its one place (`Derivation.voidedIDs`), so that voiding a review withdraws it.
enum AuditReviews {
    static func read(_ db: Database) throws -> [String: AuditFlag.Review] {
        // Reviews and their voids carry no household: the partial index of such events finds them.
        let events = try String.fetchAll(db, sql: "SELECT body FROM event WHERE household IS NULL AND type IN ('flag.reviewed', 'event.voided')")
            .map(EventLog.decode).sorted { $0.order < $1.order }
        let voided = Derivation.voidedIDs(events)
        var reviews: [String: AuditFlag.Review] = [:]
        for event in events where !voided.contains(event.id) {
            guard case .flagReviewed(let review) = event.body else { continue }
            reviews[review.flag] = AuditFlag.Review(
                event: event.id, at: event.at.rfc3339, device: event.device, note: review.note, events: review.events,
                reviews: (reviews[review.flag]?.reviews ?? 0) + 1)
        }
        return reviews
    }
}

extension Store {
    /// Records an officer's review of a flag (found by a prefix of its code), with a note: an event that syncs like
    /// any other and changes no figure. On a gathering machine only: a volunteer does not review their own flags.
    public func review(flag text: String, note: String, rules: AuditRules = AuditRules()) throws -> AuditFlag {
        let identity = try identity()
        guard identity.role != .laptop else { throw AuditError.reviewOnGatheringOnly }
        guard let note = try Self.text(note, .note) else { throw AuditError.noteMissing }
        let prefix = ShortCode.normalize(text)
        guard prefix.count >= 4 else { throw AuditError.flagCodeTooShort(code: text) }
        let found = try audit(rules: rules).flags.filter { $0.code.hasPrefix(prefix) }
        guard var flag = found.first else { throw AuditError.flagNotFound(code: text) }
        guard found.count == 1 else { throw AuditError.flagAmbiguous(code: text, candidates: found.map(\.code)) }
        let commune = identity.commune ?? CommuneRef(code: flag.commune, scheme: flag.scheme)
        let events = try write { db in
            try append([Draft(commune: commune, body: .flagReviewed(FlagReview(flag: flag.code, note: note, events: flag.eventCount)))], db: db)
        }
        let event = events[0]
        flag.review = AuditFlag.Review(
            event: event.id, at: event.at.rfc3339, device: event.device, note: note, events: flag.eventCount, reviews: (flag.review?.reviews ?? 0) + 1)
        return flag
    }
}

/// With `TUNGNHA_TRACE` (bench/ only): the process's memory after each step of the audit, on stderr.
enum AuditMemory {
    static func note(_ step: String) {
        guard Trace.enabled, let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return }
        let lines = status.split(separator: "\n").filter { $0.hasPrefix("VmRSS") || $0.hasPrefix("VmHWM") }
        FileHandle.standardError.write(Data(("audit memory after \(step): " + lines.joined(separator: " ") + "\n").utf8))
    }
}
