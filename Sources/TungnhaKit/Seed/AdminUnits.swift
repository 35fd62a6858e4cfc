/// Vietnam's administrative units, compiled in from `seed/` (see seed/README.md for provenance).
public final class AdminUnits: Sendable {
    public enum Level: String, Sendable, Codable { case province, district, commune }

    public struct Unit: Sendable, Equatable, Hashable {
        public var code: String
        public var name: String
        public var level: Level
        public var scheme: Scheme
        /// Province code for districts and communes; district code for pre-2025 communes.
        public var parent: String?
        public var province: String?
        /// 2019 census households, approximate (see seed/README.md); nil where not known.
        public var households2019: Int?
    }

    public enum Conversion: String, Sendable, Codable {
        /// The whole old commune went into the new one.
        case whole
        /// Only part of it did: the old commune was split.
        case part
        /// Same territory, possibly renamed.
        case unchanged
    }

    public struct Link: Sendable, Equatable {
        public var old: String
        public var new: String
        public var how: Conversion
    }

    public static let shared = AdminUnits()

    /// One table per scheme, each read from its seed file the first time it is needed:
    /// a command that only names a commune should not pay for parsing all 25,000 units.
    public struct ByScheme<Value: Sendable>: Sendable {
        let current: @Sendable () -> Value
        let before: @Sendable () -> Value

        public subscript(scheme: Scheme) -> Value? { scheme == .y2025 ? current() : before() }
    }

    public var provinces: ByScheme<[String: Unit]> { ByScheme(current: { Tables.provinces2025 }, before: { Tables.provincesPre2025 }) }
    public var communes: ByScheme<[String: Unit]> { ByScheme(current: { Tables.communes2025 }, before: { Tables.communesPre2025 }) }
    public var districts: [String: Unit] { Tables.districts }

    /// Swift initialises each of these once, lazily and thread-safely.
    enum Tables {
        /// Split on bytes: splitting on characters looked for grapheme boundaries in every row, at every start.
        static func rows(_ text: String) -> [[Substring]] {
            text.utf8.split(separator: UInt8(ascii: "\n")).dropFirst().map { line in
                line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map { Substring($0) }
            }
        }

        static func unit(_ row: [Substring], name: Int, level: Level, scheme: Scheme, parent: Int?, province: String?, households: Int?) -> Unit {
            Unit(
                code: String(row[0]), name: String(row[name]), level: level, scheme: scheme, parent: parent.map { String(row[$0]) },
                province: province, households2019: households.flatMap { Int(row[$0]) })
        }

        static func index(_ units: [Unit]) -> [String: Unit] { Dictionary(units.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first }) }

        static let provinces2025 = index(rows(SeedFiles.provinces2025).map {
            unit($0, name: 1, level: .province, scheme: .y2025, parent: nil, province: nil, households: nil)
        })
        static let communes2025 = index(rows(SeedFiles.communes2025).map {
            unit($0, name: 2, level: .commune, scheme: .y2025, parent: 1, province: String($0[1]), households: 3)
        })
        static let provincesPre2025 = index(rows(SeedFiles.provincesPre2025).map {
            unit($0, name: 1, level: .province, scheme: .pre2025, parent: nil, province: nil, households: nil)
        })
        static let districts = index(rows(SeedFiles.districtsPre2025).map {
            unit($0, name: 2, level: .district, scheme: .pre2025, parent: 1, province: String($0[1]), households: nil)
        })
        static let communesPre2025 = index(rows(SeedFiles.communesPre2025).map {
            unit($0, name: 2, level: .commune, scheme: .pre2025, parent: 1, province: districts[String($0[1])]?.province, households: 3)
        })
        static let links: (successors: [String: [Link]], predecessors: [String: [Link]]) = {
            var successors: [String: [Link]] = [:]
            var predecessors: [String: [Link]] = [:]
            for row in rows(SeedFiles.conversionPre2025To2025) {
                guard let how = Conversion(rawValue: String(row[2])) else { continue }
                let link = Link(old: String(row[0]), new: String(row[1]), how: how)
                successors[link.old, default: []].append(link)
                predecessors[link.new, default: []].append(link)
            }
            return (successors, predecessors)
        }()
        /// Every unit with its name folded, for search.
        static let searchable: [(unit: Unit, folded: String)] = {
            var all: [Unit] = []
            all += provinces2025.values
            all += communes2025.values
            all += provincesPre2025.values
            all += districts.values
            all += communesPre2025.values
            return all.map { ($0, Folding.fold($0.name)) }
        }()
    }

    public func commune(_ ref: CommuneRef) -> Unit? { communes[ref.scheme]?[ref.code] }

    public func province(_ code: String, scheme: Scheme) -> Unit? { provinces[scheme]?[code] }

    /// The province a commune lies in, in its own scheme.
    public func province(of ref: CommuneRef) -> Unit? {
        commune(ref).flatMap { $0.province }.flatMap { province($0, scheme: ref.scheme) }
    }

    public func district(of ref: CommuneRef) -> Unit? {
        guard ref.scheme == .pre2025 else { return nil }
        return commune(ref).flatMap { $0.parent }.flatMap { districts[$0] }
    }

    /// The 2025 communes an old commune went into.
    public func successors(of code: String) -> [Link] { Tables.links.successors[code] ?? [] }

    /// The old communes a 2025 commune was made from.
    public func predecessors(of code: String) -> [Link] { Tables.links.predecessors[code] ?? [] }

    /// Units whose name matches `text`, ignoring case and diacritics: the whole phrase first, then all its words.
    public func search(_ text: String, scheme: Scheme? = nil, limit: Int = 20) -> [Unit] {
        let query = Folding.fold(text)
        guard !query.isEmpty else { return [] }
        let words = query.split(separator: " ")
        var scored: [(rank: Int, unit: Unit)] = []
        for (unit, name) in Tables.searchable where scheme == nil || unit.scheme == scheme {
            let bare = Self.withoutTypeWord(name)
            let rank: Int
            if bare == query || name == query {
                rank = 0
            } else if (" " + name).contains(" " + query) {
                rank = 1
            } else if words.allSatisfy({ word in name.split(separator: " ").contains { $0.hasPrefix(word) } }) {
                rank = 2
            } else {
                continue
            }
            scored.append((rank, unit))
        }
        let levelOrder: [Level: Int] = [.province: 0, .district: 1, .commune: 2]
        return scored.sorted { left, right in
            (left.rank, left.unit.scheme == .y2025 ? 0 : 1, levelOrder[left.unit.level]!, left.unit.code)
                < (right.rank, right.unit.scheme == .y2025 ? 0 : 1, levelOrder[right.unit.level]!, right.unit.code)
        }.prefix(limit).map(\.unit)
    }

    /// "phuong phu ly" → "phu ly", "Phường Phủ Lý" → "Phủ Lý": the kind of unit is not part of what people call it.
    static func withoutTypeWord(_ name: String) -> String {
        let folded = Folding.fold(name)
        for prefix in ["thanh pho ", "thi tran ", "thi xa ", "dac khu ", "phuong ", "tinh ", "quan ", "huyen ", "xa "]
        where folded.hasPrefix(prefix) {
            return name == folded ? String(folded.dropFirst(prefix.count)) : String(name.dropFirst(prefix.count))
        }
        return name
    }

    /// Communes to suggest for a code that does not exist: the same code in the other scheme, then the nearest codes.
    public func suggestions(forCommune code: String, scheme: Scheme, limit: Int = 5) -> [Unit] {
        var result: [Unit] = []
        if !CommuneRef.isWellFormed(code) {
            return search(code, limit: limit).filter { $0.level == .commune }
        }
        let other: Scheme = scheme == .y2025 ? .pre2025 : .y2025
        if let same = communes[other]?[code] { result.append(same) }
        if let number = Int(code), let list = communes[scheme]?.values {
            result += list.sorted { abs((Int($0.code) ?? 0) - number) < abs((Int($1.code) ?? 0) - number) }.prefix(limit - result.count)
        }
        return result
    }
}
