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
        public var folded: String
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

    public let provinces: [Scheme: [String: Unit]]
    public let districts: [String: Unit]
    public let communes: [Scheme: [String: Unit]]
    public let successors: [String: [Link]]
    public let predecessors: [String: [Link]]

    init() {
        func rows(_ text: String) -> [[Substring]] {
            text.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        }
        func unit(_ code: Substring, _ name: Substring, _ level: Level, _ scheme: Scheme, parent: Substring?, province: String?, households: Substring? = nil) -> Unit {
            let name = String(name)
            return Unit(
                code: String(code), name: name, level: level, scheme: scheme, parent: parent.map(String.init), province: province,
                households2019: households.flatMap { Int($0) }, folded: Folding.fold(name))
        }
        var provinces: [Scheme: [String: Unit]] = [:]
        var communes: [Scheme: [String: Unit]] = [:]
        for row in rows(SeedFiles.provinces2025) {
            provinces[.y2025, default: [:]][String(row[0])] = unit(row[0], row[1], .province, .y2025, parent: nil, province: nil)
        }
        for row in rows(SeedFiles.communes2025) {
            communes[.y2025, default: [:]][String(row[0])] = unit(
                row[0], row[2], .commune, .y2025, parent: row[1], province: String(row[1]), households: row[3])
        }
        for row in rows(SeedFiles.provincesPre2025) {
            provinces[.pre2025, default: [:]][String(row[0])] = unit(row[0], row[1], .province, .pre2025, parent: nil, province: nil)
        }
        var districts: [String: Unit] = [:]
        for row in rows(SeedFiles.districtsPre2025) {
            districts[String(row[0])] = unit(row[0], row[2], .district, .pre2025, parent: row[1], province: String(row[1]))
        }
        for row in rows(SeedFiles.communesPre2025) {
            let province = districts[String(row[1])]?.province
            communes[.pre2025, default: [:]][String(row[0])] = unit(
                row[0], row[2], .commune, .pre2025, parent: row[1], province: province, households: row[3])
        }
        var successors: [String: [Link]] = [:]
        var predecessors: [String: [Link]] = [:]
        for row in rows(SeedFiles.conversionPre2025To2025) {
            guard let how = Conversion(rawValue: String(row[2])) else { continue }
            let link = Link(old: String(row[0]), new: String(row[1]), how: how)
            successors[link.old, default: []].append(link)
            predecessors[link.new, default: []].append(link)
        }
        self.provinces = provinces
        self.districts = districts
        self.communes = communes
        self.successors = successors
        self.predecessors = predecessors
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
    public func successors(of code: String) -> [Link] { successors[code] ?? [] }

    /// The old communes a 2025 commune was made from.
    public func predecessors(of code: String) -> [Link] { predecessors[code] ?? [] }

    public var allUnits: [Unit] {
        var all: [Unit] = []
        for scheme in [Scheme.y2025, .pre2025] {
            all += provinces[scheme]?.values.map { $0 } ?? []
            if scheme == .pre2025 { all += districts.values }
            all += communes[scheme]?.values.map { $0 } ?? []
        }
        return all
    }

    /// Units whose name matches `text`, ignoring case and diacritics: the whole phrase first, then all its words.
    public func search(_ text: String, scheme: Scheme? = nil, limit: Int = 20) -> [Unit] {
        let query = Folding.fold(text)
        guard !query.isEmpty else { return [] }
        let words = query.split(separator: " ")
        var scored: [(rank: Int, unit: Unit)] = []
        for unit in allUnits where scheme == nil || unit.scheme == scheme {
            let name = unit.folded
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

    /// "phuong phu ly" → "phu ly"; the kind of unit is not part of what people call it.
    static func withoutTypeWord(_ folded: String) -> String {
        for prefix in ["thanh pho ", "thi tran ", "thi xa ", "dac khu ", "phuong ", "tinh ", "quan ", "huyen ", "xa "]
        where folded.hasPrefix(prefix) {
            return String(folded.dropFirst(prefix.count))
        }
        return folded
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
