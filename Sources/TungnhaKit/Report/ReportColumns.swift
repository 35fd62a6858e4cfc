/// The columns of a report, written once: CSV, xlsx, the HTML report's table and its appendix all read them here.
public enum ReportColumn: String, Sendable, CaseIterable {
    case name, code, parent, splitOldCode, householdsExpected, expectedSource, householdsRegistered, householdsVisited
    case householdsCovered, coveredOfRegistered, coveredOfExpected, members, adults, adultsDvctt, adultsDvcttShare
    case members14Plus, members14PlusLevel2, level2Share, notVisited30Days, lastActivity
    case householdTargetPercent, householdTarget, householdsShort, dvcttTargetPercent, dvcttTarget, adultsShort
    /// Covered households of those expected where known, else of those registered: the figure an official reads.
    case coverage

    /// Every figure, as CSV and xlsx carry them.
    public static let full: [ReportColumn] = allCases.filter { $0 != .coverage }

    /// What the HTML report's table shows an official; the others go to its appendix.
    public static let official: [ReportColumn] = [
        .householdsExpected, .householdsRegistered, .householdsVisited, .householdsCovered, .coverage, .adultsDvcttShare, .householdTarget,
    ]

    /// The official table's columns for this report: the commune beside each village when there are several.
    public static func official(for report: CoverageReport) -> [ReportColumn] {
        [.name] + (report.spansSeveralParents && report.level == .village ? [.parent] : []) + official
    }

    /// The appendix: every figure the official table leaves out.
    public static func appendix(for report: CoverageReport) -> [ReportColumn] {
        let shown = Set(official(for: report))
        return [.name] + full.filter { !shown.contains($0) }
    }

    public func cell(_ row: ReportRow, _ l: Language) -> SheetCell {
        func count(_ value: Int?) -> SheetCell { value.map(SheetCell.count) ?? .empty }
        func share(_ value: Share?) -> SheetCell { value.map(SheetCell.share) ?? .empty }
        let target = row.target
        switch self {
        case .name: return .text(row.name)
        case .code: return row.split ? .empty : row.code.map(SheetCell.code) ?? .empty
        case .parent: return row.parent.map(SheetCell.text) ?? .empty
        case .splitOldCode: return row.split ? row.code.map(SheetCell.code) ?? .empty : .empty
        case .householdsExpected: return count(row.householdsExpected)
        case .expectedSource: return row.expectedSource.map { .text($0.text(l)) } ?? .empty
        case .householdsRegistered: return .count(row.householdsRegistered)
        case .householdsVisited: return .count(row.householdsVisited)
        case .householdsCovered: return .count(row.householdsCovered)
        case .coveredOfRegistered: return share(row.coverageOfRegistered)
        case .coveredOfExpected: return share(row.coverageOfExpected)
        case .coverage: return share(row.coverageOfExpected ?? row.coverageOfRegistered)
        case .members: return .count(row.members)
        case .adults: return .count(row.adults)
        case .adultsDvctt: return .count(row.adultsDvctt)
        case .adultsDvcttShare: return share(row.adultsDvcttShare)
        case .members14Plus: return .count(row.members14Plus)
        case .members14PlusLevel2: return .count(row.members14PlusLevel2)
        case .level2Share: return share(row.members14PlusLevel2Share)
        case .notVisited30Days: return .count(row.notVisited30Days)
        case .lastActivity: return row.lastActivity.flatMap(Moment.init(rfc3339:)).map(SheetCell.time) ?? .empty
        case .householdTargetPercent: return target.map { .share(Share(percent: $0.householdsPercent)) } ?? .empty
        case .householdTarget: return (target?.householdsMet).flatMap { $0 }.map { .text(Messages.met($0, l)) } ?? .empty
        case .householdsShort: return (target?.householdsMet ?? nil) == nil ? .empty : .count(target!.householdsShort)
        case .dvcttTargetPercent: return target.map { .share(Share(percent: $0.adultsDvcttPercent)) } ?? .empty
        case .dvcttTarget: return (target?.adultsDvcttMet).flatMap { $0 }.map { .text(Messages.met($0, l)) } ?? .empty
        case .adultsShort: return (target?.adultsDvcttMet ?? nil) == nil ? .empty : .count(target!.adultsShort)
        }
    }

    /// Whether the target this cell reports was met: the HTML colours it.
    public func met(_ row: ReportRow) -> Bool? {
        switch self {
        case .householdTarget: return row.target?.householdsMet ?? nil
        case .dvcttTarget: return row.target?.adultsDvcttMet ?? nil
        default: return nil
        }
    }
}

extension CoverageReport {
    /// Lines lie in more than one commune (or province): views name it beside each line.
    public var spansSeveralParents: Bool { Set(rows.compactMap(\.parent)).count > 1 }

    /// Header and one row per line, then the total: what CSV and xlsx write.
    public func sheetRows(_ columns: [ReportColumn], _ l: Language) -> [[SheetCell]] {
        [columns.map { .heading(Messages.reportHeader($0, level, l)) }] + (rows + [total]).map { row in columns.map { $0.cell(row, l) } }
    }
}
