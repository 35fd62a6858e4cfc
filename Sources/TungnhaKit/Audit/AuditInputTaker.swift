import GRDB
import GRDBSQLite

extension AuditInput {
    /// Takes the visits read, one at a time in log order, into the compact arrays: the volunteer (a name on a
    /// device), the household and its village, the observation pattern; visits entered late and clocks that
    /// disagree with their batches are counted as they go.
    struct Taker {
        struct NameKey: Hashable {
            var device: Int64
            var hash: UInt64
        }

        var input: AuditInput
        let rules: AuditRules
        /// When each batch was written, by its row.
        let written: [Int64: Int64]
        var names: [NameKey: UInt32] = [:]
        var patternIndex: [UInt64: Int32] = [:]
        var communeIndex: [CommuneRef: Int]

        init(input: AuditInput, rules: AuditRules, written: [Int64: Int64]) {
            self.input = input
            self.rules = rules
            self.written = written
            communeIndex = Dictionary(input.communes.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        }

        mutating func commune(_ ref: CommuneRef) -> Int {
            if let index = communeIndex[ref] { return index }
            input.communes.append(ref)
            communeIndex[ref] = input.communes.count - 1
            return input.communes.count - 1
        }

        mutating func volunteer(_ read: Read, deviceKey: Int64, commune: Int, body: UnsafeBufferPointer<UInt8>) -> UInt32 {
            let key = NameKey(device: deviceKey, hash: read.visit.volunteerHash)
            if let index = names[key] { return index }
            let name = read.name ?? String(decoding: UnsafeBufferPointer(rebasing: body[read.visit.volunteer]), as: UTF8.self)
            // Spellings of one name on one device are one volunteer.
            let index = input.volunteer(device: deviceKey, name: name, commune: commune)
            names[key] = index
            return index
        }

        mutating func take(_ rowid: Int64, deviceKey: Int64, batch: Int64?, _ read: Read, body: UnsafeBufferPointer<UInt8>) {
            let visit = read.visit
            let commune = commune(visit.commune)
            let volunteer = volunteer(read, deviceKey: deviceKey, commune: commune, body: body)
            let row = UInt32(clamping: rowid)
            if let entered = visit.entered {
                let delay = entered - visit.at
                if delay > Int64(rules.lateEntryHours) * 3_600_000 { input.late[volunteer, default: Tally()].add(row, minutes: delay / 60_000) }
                let afterBatch = batch.flatMap { written[$0] }.map { entered - $0 } ?? 0
                let wrong = max(afterBatch, -delay)
                if wrong > Int64(rules.clockToleranceMinutes) * 60_000 { input.clock[deviceKey, default: Tally()].add(row, minutes: wrong / 60_000) }
            } else {
                input.withoutEntryTime += 1
            }
            var pattern: Int32 = -1
            if visit.outcome == .met, !visit.seen.isEmpty {
                let codes = visit.seen.map(\.pattern).sorted()
                var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(codes.count)
                for code in codes { hash = (hash ^ UInt64(code)) &* 0x100_0000_01B3 }
                pattern = patternIndex[hash] ?? {
                    input.patterns.append(codes)
                    patternIndex[hash] = Int32(input.patterns.count - 1)
                    return Int32(input.patterns.count - 1)
                }()
            }
            let (household, place) = input.households.find(visit.household)
            let index = UInt32(input.visits.count)
            input.visits.append(
                Visit(
                    rowid: row, at: AuditInput.seconds(visit.at), volunteer: volunteer, household: household,
                    packed: UInt32(place ?? Int(Visit.noPlace)) | UInt32(VisitOutcome.allCases.firstIndex(of: visit.outcome)!) << 28
                        | (visit.backcheckOf == nil ? 0 : 1 << 30),
                    pattern: pattern))
            for item in visit.seen { input.seen.append(Seen(member: item.member, visit: index, values: item.values)) }
            if let original = visit.backcheckOf {
                input.backchecks.append(Backcheck(visit: Int(index), original: original, observations: read.observations ?? []))
            }
        }

        func finish() -> AuditInput { input }
    }
}

/// Each household code with its village, in code order, found by halving; merged households under their root.
/// Codes seen in visits but with no household (its registration not arrived, or voided) are numbered after them.
struct HouseholdPlaces {
    var codes: [UInt64] = []
    var places: [UInt32] = []
    var roots: [UInt32: UInt32] = [:]
    var extra: [UInt64] = []
    var extraIndex: [UInt64: UInt32] = [:]

    var count: Int { codes.count + extra.count }

    func code(_ index: UInt32) -> UInt64 { Int(index) < codes.count ? codes[Int(index)] : extra[Int(index) - codes.count] }

    static func read(_ db: Database, into input: inout AuditInput) throws -> HouseholdPlaces {
        var result = HouseholdPlaces()
        var placeIndex: [UInt64: UInt32] = [:]
        var communeIndex: [CommuneRef: Int] = [:]
        var merged: [(UInt64, UInt64)] = []
        var rows: [(code: UInt64, place: UInt32)] = []
        // Read in the table's order (a scan), then sorted here: faster than a million lookups in code order.
        try AuditHouseholdChecks.rows(db, "SELECT code, merged_into, scheme, commune, village_key FROM household", nil) { row in
            func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(start: sqlite3_column_text(row, column), count: Int(sqlite3_column_bytes(row, column)))
            }
            guard let code = AuditCode.pack(bytes(0)) else { return }
            if sqlite3_column_type(row, 1) != SQLITE_NULL, let root = AuditCode.pack(bytes(1)) { merged.append((code, root)) }
            let hash = AuditHouseholdChecks.fnv(bytes(4), from: AuditHouseholdChecks.fnv(bytes(3), from: AuditHouseholdChecks.fnv(bytes(2)) ^ 0x7C) ^ 0x7C)
            let place = placeIndex[hash] ?? {
                let (scheme, code, village) = (AuditHouseholdChecks.text(row, 2), AuditHouseholdChecks.text(row, 3), AuditHouseholdChecks.text(row, 4))
                let commune = CommuneRef(code: code, scheme: Scheme(rawValue: scheme) ?? .y2025)
                let index = communeIndex[commune] ?? {
                    input.communes.append(commune)
                    communeIndex[commune] = input.communes.count - 1
                    return input.communes.count - 1
                }()
                input.places.append(("\(scheme)|\(code)|\(village)", index))
                placeIndex[hash] = UInt32(input.places.count - 1)
                return UInt32(input.places.count - 1)
            }()
            rows.append((code, place))
        }
        rows.sort { $0.code < $1.code }
        result.codes = rows.map(\.code)
        result.places = rows.map(\.place)
        rows = []
        for (code, root) in merged {
            if let index = result.position(code), let found = result.position(root) { result.roots[index] = found }
        }
        return result
    }

    func position(_ code: UInt64) -> UInt32? {
        var low = 0
        var high = codes.count
        while low < high {
            let middle = (low + high) / 2
            if codes[middle] < code { low = middle + 1 } else { high = middle }
        }
        return low < codes.count && codes[low] == code ? UInt32(low) : nil
    }

    /// The household a visit's code counts under, and its village.
    mutating func find(_ text: String) -> (index: UInt32, place: Int?) {
        let code = AuditCode.pack(text) ?? 0
        if let index = position(code) {
            let root = roots[index] ?? index
            return (root, Int(places[Int(root)]))
        }
        if let index = extraIndex[code] { return (index, nil) }
        extra.append(code)
        extraIndex[code] = UInt32(count - 1)
        return (UInt32(count - 1), nil)
    }
}
