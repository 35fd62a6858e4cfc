import GRDB

/// What a province or commune aims for: by default every household covered (Hà Nam's plan) and
/// 40% of adults using online public services (Hà Nam 2024).
public struct Target: Sendable, Codable, Equatable {
    public enum Scope: String, Sendable, Codable { case all, province, commune }

    public var scope: Scope
    /// The province or commune code (2025); empty for `all`.
    public var code: String
    /// 0…100.
    public var householdsPercent: Double
    public var adultsDvcttPercent: Double

    public static let standard = Target(scope: .all, code: "", householdsPercent: 100, adultsDvcttPercent: 40)
}

public enum TargetError: TungnhaError, Equatable {
    case unknownSetting(text: String)
    case badPercent(text: String)
    case nothingToSet
    case unknownProvince(code: String)
    case unknownCommune(code: String)
}

extension Store {
    /// Sets targets from `households=100%` and `adults-dvctt=40%`; the other keeps its current value.
    public func setTarget(province: String?, commune: String?, settings: [String]) throws -> Target {
        var scope = Target.Scope.all
        var code = ""
        if let commune {
            guard AdminUnits.shared.commune(CommuneRef(code: commune, scheme: .y2025)) != nil else { throw TargetError.unknownCommune(code: commune) }
            scope = .commune
            code = commune
        } else if let province {
            guard AdminUnits.shared.province(province, scheme: .y2025) != nil else { throw TargetError.unknownProvince(code: province) }
            scope = .province
            code = province
        }
        guard !settings.isEmpty else { throw TargetError.nothingToSet }
        var target = try targets().first { $0.scope == scope && $0.code == code }
            ?? Target(scope: scope, code: code, householdsPercent: Target.standard.householdsPercent, adultsDvcttPercent: Target.standard.adultsDvcttPercent)
        for setting in settings {
            let parts = setting.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { throw TargetError.unknownSetting(text: setting) }
            var number = parts[1]
            if number.hasSuffix("%") { number.removeLast() }
            guard let value = Double(number.replacingOccurrences(of: ",", with: ".")), (0...100).contains(value) else {
                throw TargetError.badPercent(text: setting)
            }
            switch parts[0].lowercased() {
            case "households", "ho": target.householdsPercent = value
            case "adults-dvctt", "dvctt": target.adultsDvcttPercent = value
            default: throw TargetError.unknownSetting(text: setting)
            }
        }
        try write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO target (scope, code, households_percent, adults_dvctt_percent) VALUES (?, ?, ?, ?)",
                arguments: [target.scope.rawValue, target.code, target.householdsPercent, target.adultsDvcttPercent])
        }
        return target
    }

    public func targets() throws -> [Target] {
        try read { db in try Self.targets(db) }
    }

    static func targets(_ db: Database) throws -> [Target] {
        try Row.fetchAll(db, sql: "SELECT * FROM target ORDER BY scope, code").compactMap { row in
            guard let scope = Target.Scope(rawValue: row["scope"]) else { return nil }
            return Target(scope: scope, code: row["code"], householdsPercent: row["households_percent"], adultsDvcttPercent: row["adults_dvctt_percent"])
        }
    }
}

/// The target that applies: the commune's own, else its province's, else the general one.
struct TargetBook {
    let targets: [Target]

    func forCommune(_ code: String?, province: String?) -> Target {
        if let code, let own = targets.first(where: { $0.scope == .commune && $0.code == code }) { return own }
        if let province, let own = targets.first(where: { $0.scope == .province && $0.code == province }) { return own }
        return targets.first { $0.scope == .all } ?? .standard
    }
}
