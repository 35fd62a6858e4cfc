import GRDB

/// Two households of one village that are likely the same house, registered twice.
public struct DuplicatePair: Sendable, Codable, Equatable {
    /// The one to keep: more visits, then more members, then registered first.
    public var keep: HouseholdSummary
    public var other: HouseholdSummary
    /// 0…1, higher is likelier.
    public var score: Double
    public var nameSimilarity: Double?
    public var addressSimilarity: Double?
}

extension Store {
    /// Likely duplicate pairs in the same commune and village, best first: head names or addresses
    /// alike after folding diacritics (names are compared only where the household consented to them).
    public func duplicateCandidates(limit: Int = 50) throws -> [DuplicatePair] {
        try read { db in
            struct Candidate {
                var row: HouseholdRecord
                var name: String?
                var address: String?
            }
            var groups: [String: [Candidate]] = [:]
            for household in try HouseholdRecord.counted(db: db) {
                let name = household.headName.map(Folding.fold)
                let address = household.address.map(Folding.fold)
                guard name != nil || address != nil else { continue }
                let key = "\(household.commune.scheme.rawValue)|\(household.commune.code)|\(Folding.fold(household.village))"
                groups[key, default: []].append(Candidate(row: household, name: name, address: address))
            }
            func similarity(_ a: String?, _ b: String?) -> Double? {
                guard let a, let b, !a.isEmpty, !b.isEmpty else { return nil }
                if a == b { return 1 }
                let longest = max(a.unicodeScalars.count, b.unicodeScalars.count)
                return 1 - Double(Folding.distance(a, b)) / Double(longest)
            }
            var found: [(score: Double, name: Double?, address: Double?, a: HouseholdRecord, b: HouseholdRecord)] = []
            for (_, members) in groups {
                // Only pairs sharing a given name (the last word) or a house number are compared.
                var blocks: [String: [Int]] = [:]
                for (index, candidate) in members.enumerated() {
                    if let name = candidate.name, let given = name.split(separator: " ").last { blocks["n:" + given, default: []].append(index) }
                    if let address = candidate.address {
                        let numbers = address.split(whereSeparator: { !$0.isNumber }).joined(separator: "-")
                        blocks["a:" + (numbers.isEmpty ? address : numbers), default: []].append(index)
                    }
                }
                var seen = Set<Int>()
                for (_, indices) in blocks where indices.count > 1 {
                    for i in 0..<indices.count {
                        for j in (i + 1)..<indices.count {
                            let (x, y) = (indices[i], indices[j])
                            guard seen.insert(x * members.count + y).inserted else { continue }
                            let name = similarity(members[x].name, members[y].name)
                            let address = similarity(members[x].address, members[y].address)
                            let nameAlike = (name ?? 0) >= 0.85 && (address ?? 1) >= 0.5
                            let addressAlike = (address ?? 0) >= 0.9 && (name ?? 1) >= 0.5
                            guard nameAlike || addressAlike else { continue }
                            let known = [name, address].compactMap { $0 }
                            let score = known.reduce(0, +) / Double(known.count) * (known.count == 2 ? 1 : 0.8)
                            found.append((score, name, address, members[x].row, members[y].row))
                        }
                    }
                }
            }
            found.sort { ($0.score, $1.a.code) > ($1.score, $0.a.code) }
            return try found.prefix(limit).map { pair in
                let both = try RegisterNames.annotate([try Queries.summary(pair.a, db: db), try Queries.summary(pair.b, db: db)], db: db)
                let (first, second) = (both[0], both[1])
                let registeredFirst = (Moment(rfc3339: pair.a.registeredAt)?.millis ?? 0) <= (Moment(rfc3339: pair.b.registeredAt)?.millis ?? 0)
                let keepFirst = (first.visits, first.members) != (second.visits, second.members)
                    ? (first.visits, first.members) > (second.visits, second.members) : registeredFirst
                return DuplicatePair(
                    keep: keepFirst ? first : second, other: keepFirst ? second : first,
                    score: (pair.score * 100).rounded() / 100, nameSimilarity: pair.name.map { ($0 * 100).rounded() / 100 },
                    addressSimilarity: pair.address.map { ($0 * 100).rounded() / 100 })
            }
        }
    }
}
