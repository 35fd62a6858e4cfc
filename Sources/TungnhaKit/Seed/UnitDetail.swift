/// One unit with its parents and what it became (or came from) across the 2025 reform.
public struct UnitDetail: Sendable, Codable, Equatable {
    public struct Ref: Sendable, Codable, Equatable {
        public var code: String
        public var name: String
        public var scheme: Scheme
        public var how: AdminUnits.Conversion?
    }

    public var code: String
    public var name: String
    public var level: AdminUnits.Level
    public var scheme: Scheme
    public var province: Ref?
    public var district: Ref?
    /// 2019 census households (approximate; see seed/README.md).
    public var households2019: Int?
    /// Communes directly under a province or district.
    public var communes: Int?
    /// For a pre-2025 commune: the 2025 communes it went into.
    public var becameInto: [Ref]
    /// For a 2025 commune: the pre-2025 communes it was made from.
    public var cameFrom: [Ref]
}

extension AdminUnits {
    /// Every unit with this code: in the given scheme, or in both when none is given.
    public func detail(code: String, scheme: Scheme?) -> [UnitDetail] {
        var found: [Unit] = []
        for candidate in [Scheme.y2025, .pre2025] where scheme == nil || scheme == candidate {
            switch code.count {
            case 2: if let unit = provinces[candidate]?[code] { found.append(unit) }
            case 3: if candidate == .pre2025, let unit = districts[code] { found.append(unit) }
            case 5: if let unit = communes[candidate]?[code] { found.append(unit) }
            default: break
            }
        }
        return found.map(detail)
    }

    func ref(_ unit: Unit, how: Conversion? = nil) -> UnitDetail.Ref {
        UnitDetail.Ref(code: unit.code, name: unit.name, scheme: unit.scheme, how: how)
    }

    func detail(_ unit: Unit) -> UnitDetail {
        var detail = UnitDetail(
            code: unit.code, name: unit.name, level: unit.level, scheme: unit.scheme, households2019: unit.households2019,
            becameInto: [], cameFrom: [])
        switch unit.level {
        case .province:
            detail.communes = communes[unit.scheme]?.values.filter { $0.province == unit.code }.count
            if unit.scheme == .pre2025 {
                let new = Set(communes[.pre2025]!.values.filter { $0.province == unit.code }.flatMap { successors(of: $0.code).map(\.new) })
                let provinces2025 = Set(new.compactMap { communes[.y2025]?[$0]?.province })
                detail.becameInto = provinces2025.sorted().compactMap { self.provinces[.y2025]?[$0] }.map { ref($0) }
            } else {
                let old = Set(communes[.y2025]!.values.filter { $0.province == unit.code }.flatMap { predecessors(of: $0.code).map(\.old) })
                let provincesBefore = Set(old.compactMap { communes[.pre2025]?[$0]?.province })
                detail.cameFrom = provincesBefore.sorted().compactMap { self.provinces[.pre2025]?[$0] }.map { ref($0) }
            }
        case .district:
            detail.province = unit.parent.flatMap { provinces[.pre2025]?[$0] }.map { ref($0) }
            detail.communes = communes[.pre2025]?.values.filter { $0.parent == unit.code }.count
        case .commune:
            detail.province = unit.province.flatMap { provinces[unit.scheme]?[$0] }.map { ref($0) }
            if unit.scheme == .pre2025 {
                detail.district = unit.parent.flatMap { districts[$0] }.map { ref($0) }
                detail.becameInto = successors(of: unit.code).compactMap { link in
                    communes[.y2025]?[link.new].map { ref($0, how: link.how) }
                }
            } else {
                detail.cameFrom = predecessors(of: unit.code).compactMap { link in
                    communes[.pre2025]?[link.old].map { ref($0, how: link.how) }
                }
            }
        }
        return detail
    }
}
