import GRDB

/// Covered households drawn at random for a supervisor to visit again, per volunteer: the share the rules say (at
/// least a few each), the same households again for the same seed and the same records.
public struct BackcheckDraw: Sendable, Codable, Equatable {
    public struct Household: Sendable, Codable, Equatable {
        public var code: String
        public var commune: String
        public var scheme: Scheme
        public var village: String
        /// Only where the household agreed to names.
        public var headName: String?
        public var address: String?
        public var volunteer: String
        public var device: String
        public var deviceLabel: String?
        /// The visit to check again: the household's latest visit that met someone (back-checks aside).
        public var visit: String
        public var visitedAt: String
        /// The members that visit's household counts as able, by code, with their names where agreed.
        public var ableMembers: [String]
        /// A back-check of that visit is recorded already.
        public var checked: Bool
    }

    public struct Volunteer: Sendable, Codable, Equatable {
        public var commune: String
        public var scheme: Scheme
        public var volunteer: String
        public var device: String
        public var deviceLabel: String?
        public var covered: Int
        public var drawn: Int
    }

    public var seed: UInt64
    public var rate: Double
    public var minimum: Int
    public var madeOn: String
    public var volunteers: [Volunteer]
    public var households: [Household]
}

extension Store {
    /// Draws the back-check sample: for each volunteer (a name on a device), `rate` of the covered households whose
    /// latest visit they made, at least `minimum`, shuffled by a generator seeded with `seed` and the volunteer.
    public func drawBackchecks(seed: UInt64, rules: AuditRules = AuditRules(), commune: String? = nil) throws -> BackcheckDraw {
        let identity = try identity()
        return try read { db in
            let labels = try Self.deviceLabels(db, identity: identity)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT h.key, h.code, h.scheme, h.commune, h.village, h.head_name, h.address, v.event, v.volunteer, v.device, v.at,
                        (SELECT count(*) FROM visit b WHERE b.household_key = h.key AND b.backcheck_of = v.event) AS checked
                    FROM household h JOIN visit v ON v.household_key = h.key AND v.event = (
                        SELECT event FROM visit WHERE household_key = h.key AND outcome = 'met' AND backcheck_of IS NULL ORDER BY at_ms DESC, event DESC LIMIT 1)
                    WHERE h.covered = 1 AND h.merged_into IS NULL AND h.moved = 0\(commune == nil ? "" : " AND h.commune = ?")
                    ORDER BY h.code
                    """, arguments: StatementArguments(commune.map { [$0] } ?? []))
            if let commune, rows.isEmpty, try Int.fetchOne(db, sql: "SELECT count(*) FROM household WHERE commune = ?", arguments: [commune]) == 0 {
                throw AuditError.unknownCommune(code: commune)
            }
            var groups: [String: [Row]] = [:]
            for row in rows { groups["\(row["device"] as String)|\(Folding.fold(row["volunteer"]))", default: []].append(row) }
            var volunteers: [BackcheckDraw.Volunteer] = []
            var households: [BackcheckDraw.Household] = []
            for key in groups.keys.sorted() {
                let members = groups[key]!
                let drawn = Self.sample(members.count, rate: rules.backcheckRate, minimum: rules.backcheckMinPerVolunteer, seed: seed, key: key)
                let first = members[0]
                volunteers.append(
                    BackcheckDraw.Volunteer(
                        commune: first["commune"], scheme: Scheme(rawValue: first["scheme"]) ?? .y2025, volunteer: first["volunteer"],
                        device: first["device"], deviceLabel: labels[first["device"] as String], covered: members.count, drawn: drawn.count))
                for index in drawn {
                    let row = members[index]
                    let able = try Row.fetchAll(
                        db, sql: "SELECT code, name FROM member WHERE household_key = ? AND able = 1 AND status = 'present' ORDER BY code",
                        arguments: [row["key"] as Int64]
                    ).map { member in
                        String((member["code"] as String).prefix(ShortCode.shownLength)) + ((member["name"] as String?).map { " " + $0 } ?? "")
                    }
                    households.append(
                        BackcheckDraw.Household(
                            code: row["code"], commune: row["commune"], scheme: Scheme(rawValue: row["scheme"]) ?? .y2025, village: row["village"],
                            headName: row["head_name"], address: row["address"], volunteer: row["volunteer"], device: row["device"],
                            deviceLabel: labels[row["device"] as String], visit: row["event"], visitedAt: row["at"], ableMembers: able,
                            checked: (row["checked"] as Int) > 0))
                }
            }
            households.sort { ($0.commune, Folding.fold($0.village), $0.code) < ($1.commune, Folding.fold($1.village), $1.code) }
            return BackcheckDraw(
                seed: seed, rate: rules.backcheckRate, minimum: rules.backcheckMinPerVolunteer, madeOn: now.vietnamDate.description,
                volunteers: volunteers, households: households)
        }
    }

    /// Which of `count` households (in code order) are drawn: `rate` of them rounded up, at least `minimum`, by a
    /// Fisher–Yates shuffle written here on SplitMix64, so that a seed draws the same households on every version.
    static func sample(_ count: Int, rate: Double, minimum: Int, seed: UInt64, key: String) -> [Int] {
        // In thousandths, so that 10% of 30 is 3, not the 4 that 30 × 0.1 rounded up would give.
        let permille = Int((rate * 1000).rounded())
        let wanted = min(count, max(minimum, (count * permille + 999) / 1000))
        var mixed = seed
        for byte in key.utf8 { mixed = (mixed ^ UInt64(byte)) &* 0x100_0000_01B3 }
        let random = RandomSource(seed: mixed)
        var order = Array(0..<count)
        for index in stride(from: count - 1, to: 0, by: -1) {
            order.swapAt(index, Int(random.next() % UInt64(index + 1)))
        }
        return order.prefix(wanted).sorted()
    }
}
