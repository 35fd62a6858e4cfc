import Foundation

/// Writes a scenario's events straight to batch files, as the laptops would export them (signed, and sealed when
/// `trust` names a machine to seal to): the input of the province-scale benchmark, made without a store per laptop.
public enum ScenarioFiles {
    /// Device `index`'s batches, written into `folder`; returns how many files and events.
    @discardableResult
    public static func write(_ scenario: Scenario, device index: Int, to folder: String, trust: ScenarioTrust) throws -> (files: Int, events: Int) {
        let plan = scenario.device(index)
        var random = RandomSource(seed: scenario.config.seed ^ (UInt64(index + 1) &* 0xD1B5_4A32_D192_ED03)).generator
        let device = EventID.make(using: &random)
        let keys = try trust.keys(device: device, label: plan.label, commune: plan.commune)
        var households: [Int: String] = [:]
        var members: [Int: String] = [:]
        var pending: [String] = []
        var seq: Int64 = 0
        var batch = 0
        var files = 0
        var total = 0
        func event(_ at: Moment, entered: Moment? = nil, household: String?, member: String? = nil, _ body: EventBody) -> String {
            seq += 1
            return EventCodec.canonical(
                Event(device: device, seq: seq, at: at, entered: entered ?? at, commune: plan.commune, household: household, member: member, body: body))
        }
        for (at, step) in plan.steps {
            switch step {
            case .village(let name, let newCommune):
                pending.append(event(at, household: nil, .villageAdded(VillageData(name: name, newCommune: newCommune))))
            case .register(let key, let input):
                let code = ShortCode.make(using: &random)
                households[key] = code
                pending.append(event(at, household: code, .householdRegistered(HouseholdData(
                    village: input.village, headName: input.headName, address: input.address, phone: input.phone,
                    declaredMembers: input.declaredMembers, note: input.note, consent: !input.noNames))))
            case .member(let household, let key, let input):
                let code = ShortCode.make(using: &random)
                members[key] = code
                pending.append(event(at, household: households[household], member: code, .memberAdded(MemberData(
                    name: input.name, birthYear: input.birthYear, sex: input.sex, relation: input.relation))))
            case .visit(let household, let plan):
                let observations = plan.observations.map { item -> Observation in
                    var observation = item.observation
                    observation.member = members[item.member]!
                    return observation
                }
                pending.append(event(plan.happenedAt ?? at, entered: at, household: households[household], .visitRecorded(VisitData(
                    volunteer: plan.volunteer, outcome: plan.outcome, help: plan.help, procedure: plan.procedure,
                    followUp: plan.followUp, observations: observations))))
            case .export:
                guard !pending.isEmpty else { continue }
                batch += 1
                let header = BatchHeader(
                    kind: .device, device: device, deviceLabel: plan.label, commune: plan.commune, batch: batch, events: pending.count,
                    firstSeq: seq - Int64(pending.count) + 1, lastSeq: seq, writtenAt: at, tool: "tungnha-bench")
                var writer = BatchWriter(header: header)
                for line in pending { writer.append(line) }
                _ = try Store.place(trust.finish(&writer, header: header, events: pending.count, keys: keys), named: header.fileName, in: folder)
                files += 1
                total += pending.count
                pending.removeAll(keepingCapacity: true)
            }
        }
        return (files, total)
    }
}
