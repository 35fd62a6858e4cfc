import Foundation
@testable import TungnhaKit

/// A hand-made campaign in Phường Phủ Lý (13285), built as events and merged at a province's gathering machine, for
/// the audit's tests. The honest campaign, day by day:
/// - Laptop tổ 1 (device A), volunteer Lan, village Tổ 1: households A01–A24. Laptop tổ 2 (device B), volunteer
///   Minh, villages Tổ 2 (B01–B12) and Tổ 3 (B13–B24). Each household has a head (born 1950 + i) and a spouse
///   (born 1955 + i), all with names of their own, registered with consent.
/// - Household i (0-based) is registered and first visited on 1 Sep + i/4, at 08:00 + (i mod 4) hours: the head's
///   account (level 2, not activated or none, in turn) and smartphone, the spouse's smartphone.
/// - Its second visit, on 8 Sep + i at 14:00, finds the head able (level 2, logs in, online procedure) and the
///   spouse not (level 1 or not activated, cannot log in): every household covered, half of all members able.
/// - Thu, a supervisor on Laptop giám sát (device C), back-checks the second visits of A01, A05, A09, A13 and B02,
///   B06, B10, B14 on 5–6 Oct, one an hour, and finds what they recorded.
/// - Every laptop writes one batch on 10 Oct at 18:00.
struct AuditCampaign {
    struct Laptop {
        let device: String
        let label: String
        var events: [Event] = []
        /// Where each batch ends (an index into `events`) and when it was written.
        var batches: [(end: Int, writtenAt: String)] = []

        @discardableResult
        mutating func add(_ at: String, household: String?, member: String? = nil, entered: String? = nil, _ body: EventBody) -> Event {
            let moment = AuditCampaign.moment(at)
            let event = Event(
                device: device, seq: Int64(events.count + 1), at: moment, entered: entered.map(AuditCampaign.moment) ?? moment, commune: phuLy,
                household: household, member: member, body: body)
            events.append(event)
            return event
        }
    }

    var a = Laptop(device: deviceA, label: "Laptop tổ 1")
    var b = Laptop(device: deviceB, label: "Laptop tổ 2")
    var c = Laptop(device: "cccccccc-0000-4000-8000-000000000003", label: "Laptop giám sát")
    /// Each household's members: head, then spouse.
    var members: [String: [String]] = [:]
    /// Each household's visits, in the order they were made here.
    var visits: [String: [Event]] = [:]

    /// "2026-09-01 08:00" (Vietnam time).
    static func moment(_ text: String) -> Moment { Moment(rfc3339: text.replacingOccurrences(of: " ", with: "T") + ":00+07:00")! }

    static func code(_ letter: String, _ number: Int) -> String { letter + String(repeating: "0", count: 7) + (number < 10 ? "0" : "") + String(number) }
    static func day(_ start: LocalDate, plus days: Int) -> String { start.adding(days: days).description }

    static let september = LocalDate("2026-09-01")!

    /// A household registered with its two members, ten and eight minutes before `at`; the codes of its members.
    @discardableResult
    mutating func household(
        on laptop: WritableKeyPath<AuditCampaign, Laptop>, _ code: String, village: String, at: String, head: String, spouse: String?,
        born: Int
    ) -> [String] {
        let start = Self.moment(at).millis
        func before(_ minutes: Int64) -> String { String(Moment(millis: start - minutes * 60_000).rfc3339.prefix(16)).replacingOccurrences(of: "T", with: " ") }
        self[keyPath: laptop].add(
            before(10), household: code,
            .householdRegistered(HouseholdData(village: village, headName: head, address: nil, phone: nil, declaredMembers: nil, note: nil, consent: true)))
        let letter = String(code.prefix(1))
        var codes = ["M" + letter + String(code.suffix(7)) + "1"]
        self[keyPath: laptop].add(before(8), household: code, member: codes[0], .memberAdded(MemberData(name: head, birthYear: born, sex: .male, relation: "chủ hộ")))
        if let spouse {
            codes.append("M" + letter + String(code.suffix(7)) + "2")
            self[keyPath: laptop].add(
                before(6), household: code, member: codes[1], .memberAdded(MemberData(name: spouse, birthYear: born + 5, sex: .female, relation: "vợ")))
        }
        members[code] = codes
        return codes
    }

    @discardableResult
    mutating func visit(
        on laptop: WritableKeyPath<AuditCampaign, Laptop>, _ household: String, at: String, by volunteer: String, outcome: VisitOutcome = .met,
        _ observations: [Observation] = [], entered: String? = nil, backcheckOf: Event? = nil
    ) -> Event {
        let event = self[keyPath: laptop].add(
            at, household: household, entered: entered,
            .visitRecorded(VisitData(volunteer: volunteer, outcome: outcome, observations: observations, backcheckOf: backcheckOf?.id)))
        visits[household, default: []].append(event)
        return event
    }

    /// The head of a household (0) or its spouse (1).
    func member(_ household: String, _ index: Int = 0) -> String { members[household]![index] }

    static func honest() -> AuditCampaign {
        var campaign = AuditCampaign()
        let males = Names.maleGiven, females = Names.femaleGiven
        for i in 0..<24 {
            let first = day(september, plus: i / 4) + " " + (i % 4 < 2 ? "0" : "") + String(8 + i % 4) + ":00"
            let second = day(september, plus: 7 + i) + " 14:00"
            let heads: [VneidStatus?] = [.level2, .pending, VneidStatus.none]
            for (laptop, letter, family, volunteer) in [(\AuditCampaign.a, "A", "Nguyễn", "Lan"), (\AuditCampaign.b, "B", "Trần", "Minh")] {
                let code = code(letter, i + 1)
                let village = letter == "A" ? "Tổ 1" : i < 12 ? "Tổ 2" : "Tổ 3"
                let born = 1950 + i
                let people = campaign.household(
                    on: laptop, code, village: village, at: first, head: "\(family) Văn \(males[i])", spouse: "\(family == "Nguyễn" ? "Phạm" : "Lê") Thị \(females[i])",
                    born: born)
                campaign.visit(
                    on: laptop, code, at: first, by: volunteer,
                    [Observation(member: people[0], vneid: heads[i % 3], smartphone: i % 2 == 0), Observation(member: people[1], smartphone: i % 2 == 1)])
                campaign.visit(
                    on: laptop, code, at: second, by: volunteer,
                    [
                        Observation(member: people[0], vneid: .level2, login: true, dvctt: true, paidOnline: i % 2 == 0 ? true : nil),
                        Observation(member: people[1], vneid: i % 4 == 0 ? .level1 : .pending, login: false),
                    ])
            }
        }
        let checked = ["A01", "A05", "A09", "A13", "B02", "B06", "B10", "B14"]
        for (index, name) in checked.enumerated() {
            let code = code(String(name.prefix(1)), Int(name.dropFirst())!)
            let at = day(september, plus: 34 + index / 4) + " " + String(10 + index % 4) + ":00"
            campaign.backcheck(code, at: at, login: true)
        }
        return campaign
    }

    /// Thu's back-check of a household's second visit, finding its head's account at level 2 and `login` as given.
    mutating func backcheck(_ household: String, at: String, login: Bool, outcome: VisitOutcome = .met) {
        let original = visits[household]![1]
        visit(
            on: \.c, household, at: at, by: "Thu", outcome: outcome,
            outcome == .met ? [Observation(member: member(household), vneid: .level2, login: login)] : [], backcheckOf: original)
    }

    /// Writes each laptop's batches (one on 10 Oct at 18:00 unless others were set) and merges them at a province's
    /// gathering machine, whose clock says 20 Nov 2026.
    func store(in folder: TemporaryFolder) throws -> Store {
        let store = try Store.initialize(
            at: folder.file("province-\(UUID().uuidString).sqlite"), role: .provinceGathering, label: "Máy tổng hợp", commune: nil, province: nil,
            environment: environment(TestClock())
        ).store
        var files: [String] = []
        for laptop in [a, b, c] where !laptop.events.isEmpty { try enroll(laptop.device, label: laptop.label, in: store) }
        for laptop in [a, b, c] where !laptop.events.isEmpty {
            var start = 0
            for (number, batch) in (laptop.batches.isEmpty ? [(laptop.events.count, "2026-10-10 18:00")] : laptop.batches).enumerated() {
                let events = laptop.events[start..<batch.end]
                let header = BatchHeader(
                    kind: .device, device: laptop.device, deviceLabel: laptop.label, commune: phuLy, batch: number + 1, events: events.count,
                    firstSeq: Int64(start + 1), lastSeq: Int64(batch.end), writtenAt: Self.moment(batch.writtenAt), tool: "test")
                var writer = BatchWriter(header: header)
                for event in events { writer.append(EventCodec.canonical(event)) }
                files.append(try Store.place(writer.finishSigned(events: events.count, by: laptop.device), named: header.fileName, in: folder.file("batches")))
                start = batch.end
            }
        }
        let outcome = try store.merge(files)
        precondition(outcome.applied == files.count, "\(outcome.files.map(\.message))")
        return store
    }

    /// The flags, each as "kind severity subject count", sorted: what a test compares with what it expects.
    static func summary(_ report: AuditReport) -> [String] {
        report.flags.map { flag in
            "\(flag.kind.rawValue) \(flag.severity.rawValue) \(flag.member ?? flag.household ?? flag.volunteer ?? flag.deviceLabel ?? flag.commune) \(flag.measure.count)"
        }.sorted()
    }
}
