import Foundation

extension DeviceIdentity.Role {
    /// The role `init`'s options ask for: `--gathering-machine` with `--commune` (a commune's gathering machine) or
    /// `--province` (a province's), the old `--district-server` (a province's, or every province's), or else a team's
    /// laptop with `--commune`. Options that do not fit together are refused before anything is made.
    public static func asked(gathering: Bool, districtServer: Bool, commune: CommuneRef?, province: String?) throws -> Self {
        let role: Self
        if districtServer {
            guard commune == nil else { throw SetupError.communeWithDistrictServer }
            role = .provinceGathering
        } else if gathering {
            switch (commune, province) {
            case (.some, .some): throw SetupError.gatheringBothLevels
            case (.some, nil): role = .communeGathering
            case (nil, .some): role = .provinceGathering
            case (nil, nil): throw SetupError.gatheringNeedsLevel
            }
        } else {
            guard province == nil else { throw SetupError.provinceWithoutGathering }
            role = .laptop
        }
        try Store.checkSetup(role: role, commune: commune, province: province)
        return role
    }
}

extension Store {
    /// What each role needs: a laptop a commune, a commune's gathering machine a 2025 commune, a province's none.
    static func checkSetup(role: DeviceIdentity.Role, commune: CommuneRef?, province: String?) throws {
        switch role {
        case .laptop:
            guard commune != nil else { throw SetupError.noCommune }
            guard province == nil else { throw SetupError.provinceWithoutGathering }
        case .communeGathering:
            guard let commune else { throw SetupError.gatheringNeedsLevel }
            guard province == nil else { throw SetupError.gatheringBothLevels }
            guard commune.scheme == .y2025 else { throw SetupError.gatheringCommuneNot2025(code: commune.code) }
        case .provinceGathering:
            guard commune == nil else { throw SetupError.gatheringBothLevels }
        }
    }
}
