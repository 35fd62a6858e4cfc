import Foundation

/// Turns the cells of the derived state into report lines: places each under its 2025 commune
/// (through the official conversion table for pre-2025 records), groups, adds up, checks targets.
struct ReportBuilder {
    /// 2025 commune → village key → (village, households).
    typealias Register = [String: [String: (name: String, households: Int)]]

    let request: ReportRequest
    let asOf: LocalDate
    /// "scheme|commune|village key" → the village as it stood on the report's day.
    let villages: [String: Derivation.VillageState]
    let register: Register
    let targets: TargetBook
    let storeProvince: String?
    let units = AdminUnits.shared

    /// Where a cell counts: a 2025 commune, or the line of a pre-2025 commune split by the reform.
    enum Place: Hashable {
        case commune(String)
        case split(old: String)
    }

    func place(_ cell: ReportCell) -> Place {
        guard cell.scheme == .pre2025 else { return .commune(cell.commune) }
        let successors = Array(Set(units.successors(of: cell.commune).map(\.new))).sorted()
        if successors.count == 1 { return .commune(successors[0]) }
        if let assigned = villages["pre2025|\(cell.commune)|\(cell.villageKey)"]?.newCommune, successors.contains(assigned) {
            return .commune(assigned)
        }
        return .split(old: cell.commune)
    }

    func province(of place: Place) -> String? {
        switch place {
        case .commune(let code): return units.commune(CommuneRef(code: code, scheme: .y2025))?.province
        case .split(let old):
            return units.successors(of: old).compactMap { units.commune(CommuneRef(code: $0.new, scheme: .y2025))?.province }.first
        }
    }

    /// The pre-2025 district a place lay in; nil when its predecessors lay in several.
    func district(of place: Place) -> String? {
        switch place {
        case .commune(let code):
            let districts = Set(units.predecessors(of: code).compactMap { units.commune(CommuneRef(code: $0.old, scheme: .pre2025))?.parent })
            return districts.count == 1 ? districts.first : nil
        case .split(let old):
            return units.commune(CommuneRef(code: old, scheme: .pre2025))?.parent
        }
    }

    func included(_ place: Place) -> Bool {
        if let commune = request.commune {
            switch place {
            case .commune(let code): return code == commune
            case .split(let old): return units.successors(of: old).contains { $0.new == commune }
            }
        }
        if let province = request.province { return self.province(of: place) == province }
        return true
    }

    /// Communes shown even without records: those of the province asked for, or the one commune.
    var scopeCommunes: [String] {
        if let commune = request.commune { return [commune] }
        guard let province = request.province else { return [] }
        return units.communes[.y2025]!.values.filter { $0.province == province }.map(\.code)
    }

    struct Group {
        var row: ReportRow
        var cells: [ReportCell] = []
        var communes = Set<String>()
        var villageKeys: [String: Set<String>] = [:]
        var province: String?
    }

    func emptyRow(key: String, code: String?, name: String, parent: String?, split: Bool = false) -> ReportRow {
        ReportRow(
            key: key, level: request.level, code: code, name: name, parent: parent, split: split, householdsExpected: nil, expectedSource: nil,
            householdsRegistered: 0, householdsVisited: 0, householdsCovered: 0, coverageOfRegistered: nil, coverageOfExpected: nil, members: 0,
            adults: 0, adultsDvctt: 0, adultsDvcttShare: nil, members14Plus: 0, members14PlusLevel2: 0, members14PlusLevel2Share: nil,
            notVisited30Days: 0, lastActivity: nil, target: nil)
    }

    func communeName(_ code: String) -> String { units.commune(CommuneRef(code: code, scheme: .y2025))?.name ?? code }

    func provinceName(_ code: String?) -> String? { code.flatMap { units.province($0, scheme: .y2025)?.name } }

    /// The line a place (and village, or volunteer) belongs to at the requested level.
    func lineKey(_ place: Place, cell: ReportCell?) -> (key: String, row: ReportRow) {
        let language = Language.current
        func line(_ key: String, code: String?, name: String, parent: String?, split: Bool = false) -> (key: String, row: ReportRow) {
            (key, emptyRow(key: key, code: code, name: name, parent: parent, split: split))
        }
        let oldName: (String) -> String = { self.units.commune(CommuneRef(code: $0, scheme: .pre2025))?.name ?? $0 }
        switch request.level {
        case .volunteer:
            let name = cell?.volunteer ?? ""
            return line("volunteer:" + name, code: nil, name: name.isEmpty ? Messages.neverVisited(language) : name, parent: nil)
        case .village:
            let villageKey = cell?.villageKey ?? ""
            switch place {
            case .commune(let code):
                let name = cell?.village ?? register[code]?[villageKey]?.name ?? villageKey
                return line("2025:\(code):\(villageKey)", code: code, name: name, parent: communeName(code))
            case .split(let old):
                return line("split:\(old):\(villageKey)", code: old, name: cell?.village ?? villageKey, parent: oldName(old), split: true)
            }
        case .commune:
            switch place {
            case .commune(let code):
                return line("2025:\(code)", code: code, name: communeName(code), parent: provinceName(province(of: place)))
            case .split(let old):
                return line("split:\(old)", code: old, name: oldName(old), parent: provinceName(province(of: place)), split: true)
            }
        case .district:
            if let district = district(of: place), let unit = units.districts[district] {
                return line("district:\(district)", code: district, name: unit.name, parent: provinceName(province(of: place)))
            }
            let province = self.province(of: place) ?? ""
            return line("district:several:\(province)", code: nil, name: Messages.severalDistricts(language), parent: provinceName(province))
        case .province:
            let province = self.province(of: place) ?? ""
            return line("province:\(province)", code: province, name: provinceName(province) ?? province, parent: nil)
        }
    }

    func build(_ cells: [ReportCell]) -> CoverageReport {
        var groups: [String: Group] = [:]
        func touch(_ place: Place, _ cell: ReportCell?) -> String {
            let (key, row) = lineKey(place, cell: cell)
            if groups[key] == nil { groups[key] = Group(row: row, province: province(of: place)) }
            if case .commune(let code) = place {
                groups[key]!.communes.insert(code)
                if let cell, !cell.villageKey.isEmpty { groups[key]!.villageKeys[code, default: []].insert(cell.villageKey) }
            }
            return key
        }
        for cell in cells {
            let place = place(cell)
            guard included(place) else { continue }
            let key = touch(place, cell)
            groups[key]!.cells.append(cell)
        }
        if request.level != .volunteer {
            for code in scopeCommunes {
                if request.level == .village {
                    for villageKey in register[code]?.keys.sorted() ?? [] {
                        var cell = ReportCell(scheme: .y2025, commune: code, villageKey: villageKey, village: register[code]![villageKey]!.name)
                        cell.registered = 0
                        _ = touch(.commune(code), cell)
                    }
                } else {
                    _ = touch(.commune(code), nil)
                }
            }
        }
        var rows = groups.values.map(finish)
        rows.sort(by: order)
        var total = emptyRow(key: "total", code: nil, name: Messages.total(Language.current), parent: nil)
        var all = Group(row: total)
        for group in groups.values {
            all.cells += group.cells
            all.communes.formUnion(group.communes)
            for (commune, keys) in group.villageKeys { all.villageKeys[commune, default: []].formUnion(keys) }
        }
        all.province = request.province ?? storeProvince
        all.row.level = request.level
        total = finish(all, isTotal: true)
        return CoverageReport(asOf: asOf.description, level: request.level, province: request.province, commune: request.commune, rows: rows, total: total)
    }

    func order(_ left: ReportRow, _ right: ReportRow) -> Bool {
        switch request.level {
        case .volunteer:
            if left.key == "volunteer:" { return false }
            if right.key == "volunteer:" { return true }
            return left.name < right.name
        case .village:
            return (left.split ? 1 : 0, left.code ?? "", Folding.fold(left.name)) < (right.split ? 1 : 0, right.code ?? "", Folding.fold(right.name))
        default:
            return (left.split ? 1 : 0, left.code ?? "~", left.name) < (right.split ? 1 : 0, right.code ?? "~", right.name)
        }
    }

    func finish(_ group: Group) -> ReportRow { finish(group, isTotal: false) }

    func finish(_ group: Group, isTotal: Bool) -> ReportRow {
        var row = group.row
        var lastActivity: Int64?
        for cell in group.cells {
            row.householdsRegistered += cell.registered
            row.householdsVisited += cell.visited
            row.householdsCovered += cell.covered
            row.notVisited30Days += cell.stale
            if let last = cell.lastActivity { lastActivity = max(lastActivity ?? last, last) }
            for (born, counts) in cell.members {
                row.members += counts.all
                if asOf.year - born >= 18 {
                    row.adults += counts.all
                    row.adultsDvctt += counts.dvctt
                }
                if asOf.year - born >= 14 {
                    row.members14Plus += counts.all
                    row.members14PlusLevel2 += counts.level2
                }
            }
        }
        row.lastActivity = lastActivity.map { Moment(millis: $0).rfc3339 }
        // Households expected: the register where the commune loaded one, else the 2019 census (approximate).
        if request.level != .volunteer, !row.split || isTotal {
            var expected = 0
            var sources = Set<ReportRow.ExpectedSource>()
            for commune in group.communes {
                if let villages = register[commune], !villages.isEmpty {
                    if request.level == .village, !isTotal {
                        for key in group.villageKeys[commune] ?? [] {
                            if let count = villages[key]?.households {
                                expected += count
                                sources.insert(.register)
                            }
                        }
                    } else {
                        expected += villages.values.reduce(0) { $0 + $1.households }
                        sources.insert(.register)
                    }
                } else if request.level != .village || isTotal, let census = units.commune(CommuneRef(code: commune, scheme: .y2025))?.households2019 {
                    expected += census
                    sources.insert(.census2019)
                }
            }
            if !sources.isEmpty {
                row.householdsExpected = expected
                row.expectedSource = sources.count > 1 ? .mixed : sources.first
            }
        }
        row.coverageOfRegistered = Share(row.householdsCovered, of: row.householdsRegistered)
        row.coverageOfExpected = Share(row.householdsCovered, of: row.householdsExpected)
        row.adultsDvcttShare = Share(row.adultsDvctt, of: row.adults)
        row.members14PlusLevel2Share = Share(row.members14PlusLevel2, of: row.members14Plus)
        if request.level != .volunteer {
            let commune = request.level == .commune && !row.split && !isTotal ? row.code : (request.commune ?? nil)
            let target = targets.forCommune(commune, province: group.province)
            let base = row.householdsExpected ?? row.householdsRegistered
            if base > 0 || row.adults > 0 {
                let householdsNeeded = Int((target.householdsPercent / 100 * Double(base)).rounded(.up))
                let adultsNeeded = Int((target.adultsDvcttPercent / 100 * Double(row.adults)).rounded(.up))
                row.target = ReportRow.TargetCheck(
                    householdsPercent: target.householdsPercent, householdsMet: base > 0 ? row.householdsCovered >= householdsNeeded : nil,
                    householdsShort: max(0, householdsNeeded - row.householdsCovered), adultsDvcttPercent: target.adultsDvcttPercent,
                    adultsDvcttMet: row.adults > 0 ? row.adultsDvctt >= adultsNeeded : nil, adultsShort: max(0, adultsNeeded - row.adultsDvctt))
            }
        }
        return row
    }
}
