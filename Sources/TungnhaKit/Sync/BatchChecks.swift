/// Numbers a batch may hold: far beyond any campaign, and far from where the tool's arithmetic would overflow.
public enum BatchLimits {
    /// A batch a day for 270 years.
    public static let batch: Int64 = 100_000
    /// Sequence numbers of one device.
    public static let seq: Int64 = 1_000_000_000_000
    /// An event may be dated this much after its batch was written (two clocks a few minutes apart).
    public static let afterWritten: Int64 = SyncStatus.clockTolerance
    /// A batch or an event may be dated this much after the merge (a laptop clock set a few hours wrong, such as one
    /// reading the hardware clock as UTC); later, it is refused, so that a wrong clock cannot win for good.
    public static let afterMerge: Int64 = 24 * 3_600_000
}

/// What the checks that need no store learnt of a batch, for the checks that do (`BatchTrust`, in the merge's
/// transaction): per household and per file, so that those stay cheap.
struct BatchFacts: Sendable {
    /// The latest event time, in milliseconds.
    var latestMillis: Int64 = .min
    /// Households the file's events are about (`household`, and a merge's `into`), with the first line naming each.
    var households: [String: Int] = [:]
    /// Households registered in this file, with the line.
    var registered: [String: Int] = [:]
    /// The consent each household has after this file's events, for those whose consent the file sets.
    var consent: [String: Bool] = [:]
    /// Households this file names people of without saying whether they agreed: the store knows (first line).
    var namesAwaitingConsent: [String: Int] = [:]
    /// Events this file voids or corrects.
    var targets: [(line: Int, target: String)] = []
    /// The highest sequence number among events in the reading machine's own name.
    var ownSeq: Int64 = 0
    /// The file was sealed (and opened with this machine's key).
    var sealed = false
}

/// The checks of a batch that need no store, run on the merge's reading thread once the file is read: the signature,
/// gaps in the sequence, times against `writtenAt`, names without consent within the file.
enum BatchChecks {
    static func check(_ batch: ParsedBatch, own: String?, sealed: Bool) throws -> ParsedBatch {
        var batch = batch
        guard let signature = batch.footer.signature else { throw BatchRefusal.unsigned }
        guard signature.isValid(for: batch.footer.sha256) else { throw BatchRefusal.badSignature(signer: signature.signer) }
        if batch.header.kind == .device { try checkSequence(batch) }
        var facts = BatchFacts()
        facts.sealed = sealed
        var namesLine: [String: Int] = [:]
        let written = batch.header.writtenAt.millis
        for parsed in batch.events {
            let event = parsed.event
            let line = parsed.line
            if event.at.millis > written + BatchLimits.afterWritten {
                throw BatchRefusal.afterWritten(line: line, at: event.at, writtenAt: batch.header.writtenAt)
            }
            facts.latestMillis = max(facts.latestMillis, event.at.millis)
            if event.device == own { facts.ownSeq = max(facts.ownSeq, event.seq) }
            if let household = event.household, facts.households[household] == nil { facts.households[household] = line }
            func names(_ carries: Bool) {
                if carries, let household = event.household, namesLine[household] == nil { namesLine[household] = line }
            }
            switch event.body {
            case .householdRegistered(let data):
                if let household = event.household {
                    if facts.registered[household] == nil { facts.registered[household] = line }
                    facts.consent[household] = data.consent
                }
                names(data.headName != nil)
            case .householdChanged(let change):
                if case .flag(let consent)? = change.set[.consent], let household = event.household { facts.consent[household] = consent }
                names(change.set[.headName]?.text != nil)
            case .visitRecorded(let visit):
                if let consent = visit.consent, let household = event.household { facts.consent[household] = consent }
                if let checked = visit.backcheckOf { facts.targets.append((line, checked)) }
            case .memberAdded(let member):
                names(member.name != nil)
            case .memberChanged(let change):
                names(change.set[.name]?.text != nil)
            case .householdMerged(let into):
                if facts.households[into] == nil { facts.households[into] = line }
            case .eventVoided(let target, _):
                facts.targets.append((line, target))
            case .eventCorrected(let target, let replacement):
                facts.targets.append((line, target))
                switch replacement {
                case .householdRegistered(let data): names(data.headName != nil)
                case .memberAdded(let member): names(member.name != nil)
                default: break
                }
            case .villageAdded, .villageChanged, .deviceCopied, .flagReviewed:
                break
            }
        }
        // Judged on the household's consent at the end of the file; when the file does not say, the store does.
        for (household, line) in namesLine {
            switch facts.consent[household] {
            case false?: throw BatchRefusal.namesWithoutConsent(line: line, household: household)
            case true?: break
            case nil: facts.namesAwaitingConsent[household] = line
            }
        }
        batch.facts = facts
        return batch
    }

    /// A device batch holds each number of `firstSeq…lastSeq` once: a gap is an event lost (or held back), a number
    /// twice a file made by hand.
    static func checkSequence(_ batch: ParsedBatch) throws {
        guard let first = batch.header.firstSeq, let last = batch.header.lastSeq else { return }
        // The header's range was checked against the limits; events outside it were refused while reading.
        let size = Int(last - first + 1)
        guard size <= batch.events.count else {
            var seen = Set(batch.events.map(\.event.seq))
            seen.insert(last + 1)
            let missing = (first...last).first { !seen.contains($0) } ?? first
            throw BatchRefusal.seqGap(missing: missing, first: first, last: last)
        }
        var present = [Bool](repeating: false, count: size)
        for parsed in batch.events {
            let index = Int(parsed.event.seq - first)
            guard !present[index] else { throw BatchRefusal.seqTwice(line: parsed.line, seq: parsed.event.seq) }
            present[index] = true
        }
    }
}
