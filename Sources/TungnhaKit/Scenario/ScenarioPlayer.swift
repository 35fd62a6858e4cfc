import Foundation
import Synchronization

/// The clock of a played scenario: each step happens at its own moment.
public final class ScenarioClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 0))

    public init() {}

    public var now: Date { current.withLock { $0 } }

    public func set(_ moment: Moment) { current.withLock { $0 = moment.date } }
}

/// Plays a device's plan through the store's own commands, as a volunteer would type them.
public enum ScenarioPlayer {
    /// Returns the batch files written (into `exports`, when given).
    @discardableResult
    public static func play(_ device: Scenario.Device, on store: Store, clock: ScenarioClock, exports: String?) throws -> [ExportResult] {
        var households: [Int: String] = [:]
        var members: [Int: String] = [:]
        var written: [ExportResult] = []
        for (at, step) in device.steps {
            clock.set(at)
            switch step {
            case .village(let name, let newCommune):
                _ = try store.addVillage(name: name, newCommune: newCommune)
            case .register(let key, let input):
                households[key] = try store.registerHousehold(input).code
            case .member(let household, let key, let input):
                members[key] = try store.addMember(household: households[household]!, input).code
            case .visit(let household, let plan):
                _ = try store.recordVisit(
                    household: households[household]!,
                    VisitInput(
                        at: plan.happenedAt?.display, outcome: plan.outcome, volunteer: plan.volunteer, help: plan.help, procedure: plan.procedure,
                        followUp: plan.followUp,
                        observations: plan.observations.map { item in
                            var observation = item.observation
                            observation.member = members[item.member]!
                            return observation
                        }))
            case .export:
                guard let exports else { continue }
                do {
                    written.append(try store.export(to: exports))
                } catch ExportError.nothingNew {
                    continue
                }
            }
        }
        return written
    }
}
