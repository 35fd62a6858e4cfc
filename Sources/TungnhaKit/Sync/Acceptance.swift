extension Store {
    /// Which communes' batches a machine takes: a laptop its own commune's; a commune's gathering machine its 2025
    /// commune's, and those of a pre-2025 commune one of whose 2025 successors it is; a province's gathering machine
    /// set up for one province, that province's (a pre-2025 commune counts for the provinces its successors are in).
    static func accept(_ commune: CommuneRef, identity: DeviceIdentity) throws {
        let units = AdminUnits.shared
        switch identity.role {
        case .laptop:
            if let own = identity.commune, own != commune { throw BatchRefusal.notThisLaptop(found: commune, laptop: own) }
        case .communeGathering:
            guard let own = identity.commune else { return }
            let accepted = commune.scheme == .y2025
                ? commune.code == own.code
                : units.successors(of: commune.code).contains { $0.new == own.code }
            guard accepted else { throw BatchRefusal.notThisCommune(found: commune, commune: own) }
        case .provinceGathering:
            guard let province = identity.province else { return }
            let provinces: Set<String>
            if commune.scheme == .y2025 {
                provinces = Set(units.commune(commune).flatMap(\.province).map { [$0] } ?? [])
            } else {
                provinces = Set(units.successors(of: commune.code).compactMap { units.commune(CommuneRef(code: $0.new, scheme: .y2025))?.province })
            }
            guard provinces.contains(province) else { throw BatchRefusal.notThisProvince(found: commune, province: province) }
        }
    }
}
