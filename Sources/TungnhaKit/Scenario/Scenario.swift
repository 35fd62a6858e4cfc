/// A believable field campaign, generated from a seed: teams register households and visit them
/// for some weeks while coverage grows. `tungnha demo` plays it through the store's own commands;
/// `bench/` writes the same events straight to batch files at province scale.
public struct Scenario: Sendable {
    public struct Config: Sendable {
        public var seed: UInt64
        public var communes: [CommuneRef]
        public var devicesPerCommune: Int
        public var householdsPerDevice: Int
        public var villagesPerDevice: Int
        /// Mean members recorded per household.
        public var membersPerHousehold: Double
        /// Mean visits per household.
        public var visitsPerHousehold: Double
        public var noNamesShare: Double
        /// Share of a device's households that the next device of the commune registers again.
        public var duplicateShare: Double
        public var start: LocalDate
        public var weeks: Int
        /// Batches each device writes, evenly over the weeks.
        public var batchesPerDevice: Int
        /// A volunteer who inflates coverage (the demo's), or nobody.
        public var inflation: Inflation?

        public init(
            seed: UInt64, communes: [CommuneRef], devicesPerCommune: Int, householdsPerDevice: Int, villagesPerDevice: Int = 2,
            membersPerHousehold: Double = 2.5, visitsPerHousehold: Double = 2, noNamesShare: Double = 0.1, duplicateShare: Double = 0,
            start: LocalDate, weeks: Int, batchesPerDevice: Int, inflation: Inflation? = nil
        ) {
            self.inflation = inflation
            self.seed = seed
            self.communes = communes
            self.devicesPerCommune = devicesPerCommune
            self.householdsPerDevice = householdsPerDevice
            self.villagesPerDevice = villagesPerDevice
            self.membersPerHousehold = membersPerHousehold
            self.visitsPerHousehold = visitsPerHousehold
            self.noNamesShare = noNamesShare
            self.duplicateShare = duplicateShare
            self.start = start
            self.weeks = weeks
            self.batchesPerDevice = batchesPerDevice
        }
    }

    /// One thing a team does, at a moment.
    public enum Step: Sendable {
        case village(name: String, newCommune: String?)
        case register(household: Int, HouseholdInput)
        case member(household: Int, member: Int, MemberInput)
        case visit(household: Int, VisitPlan)
        case export
    }

    public struct VisitPlan: Sendable {
        public var outcome: VisitOutcome
        public var volunteer: String
        public var help: [Help]
        public var procedure: String?
        public var followUp: LocalDate?
        public var observations: [(member: Int, observation: Observation)]
        /// When the visit happened, when it is typed in later than that (the step's moment is when it is entered).
        public var happenedAt: Moment? = nil
    }

    public struct Device: Sendable {
        public var label: String
        public var commune: CommuneRef
        public var steps: [(at: Moment, step: Step)]
    }

    public let config: Config

    public init(_ config: Config) { self.config = config }

    public var deviceCount: Int { config.communes.count * config.devicesPerCommune }

    /// Device `index` works in the commune at `index / devicesPerCommune`; its slot tells it apart from the others there.
    /// A commune may also be listed more than once, one device each time.
    func placement(_ index: Int) -> (commune: CommuneRef, slot: Int) {
        let commune = config.communes[index / config.devicesPerCommune]
        let earlier = (0..<index).filter { config.communes[$0 / config.devicesPerCommune] == commune }.count
        return (commune, earlier)
    }

    /// The plan of device `index` (0-based): villages, households, members, visits and exports, in time order.
    /// Devices are generated one at a time so that province-scale plans never sit in memory whole.
    public func device(_ index: Int) -> Device {
        var random = RandomSource(seed: config.seed &+ UInt64(index) &* 0x9E37_79B9).generator
        let (commune, slot) = placement(index)
        let urban = AdminUnits.shared.commune(commune)?.name.hasPrefix("Phường") ?? false
        func villageNames(slot: Int) -> [String] {
            (0..<config.villagesPerDevice).map { number in (urban ? "Tổ dân phố " : "Thôn ") + String(slot * config.villagesPerDevice + number + 1) }
        }
        let villages = villageNames(slot: slot)
        // A team next to another shares the first village of its neighbour, and registers some houses there again.
        let shared = config.duplicateShare > 0 && slot > 0 ? villageNames(slot: slot - 1)[0] : nil
        var steps: [(at: Moment, step: Step)] = []
        let startMillis = Moment(millis: config.start.endMillis + 1 - 86_400_000).millis
        func moment(day: Double) -> Moment {
            // Working hours, 7:30 to 17:00, on the given day of the campaign.
            let whole = Int64(day.rounded(.down))
            let within = Int64((day - Double(whole)) * 9.5 * 3_600_000) + Int64(7.5 * 3_600_000)
            return Moment(millis: startMillis + whole * 86_400_000 + within)
        }
        for village in villages + [shared].compactMap({ $0 }) { steps.append((moment(day: 0), .village(name: village, newCommune: nil))) }

        var households = Self.households(config, index: index, villages: villages, urban: urban, random: &random)
        if let shared {
            // The houses of the shared village the neighbour registered, some registered again here, spelt a little differently.
            let neighbour = (0..<index).last { placement($0).commune == commune }!
            var previous = RandomSource(seed: config.seed &+ UInt64(neighbour) &* 0x9E37_79B9).generator
            let theirs = Self.households(config, index: neighbour, villages: villageNames(slot: slot - 1), urban: urban, random: &previous)
                .filter { $0.input.village == shared }
            let count = Int((Double(theirs.count) * config.duplicateShare * Double(config.villagesPerDevice)).rounded())
            for (offset, house) in theirs.suffix(count).enumerated() {
                var copy = house
                copy.key = households.count + offset
                copy.input.headName = house.input.headName.map { offset % 2 == 0 ? Folding.fold($0).capitalized : $0 }
                households.append(copy)
            }
        }
        let days = Double(max(1, config.weeks) * 7)
        var memberKey = 0
        var volunteer = Names.volunteers[index % Names.volunteers.count]
        var left: [Unfinished] = []
        for house in households {
            let registered = Double.random(in: 0..<(days * 0.4), using: &random)
            steps.append((moment(day: registered), .register(household: house.key, house.input)))
            var members: [(key: Int, age: Int)] = []
            for person in house.people {
                memberKey += 1
                members.append((memberKey, config.start.year - person.birthYear))
                steps.append((moment(day: registered + 0.001 * Double(members.count)), .member(household: house.key, member: memberKey, person)))
            }
            // Visits: a Poisson-like count, each some days after the last.
            var visits = 0
            var threshold = Double.random(in: 0..<1, using: &random)
            var p = 1.0
            let limit = exp(-config.visitsPerHousehold)
            while true {
                p *= threshold
                if p < limit { break }
                visits += 1
                threshold = Double.random(in: 0..<1, using: &random)
            }
            var day = registered
            var abilities: [Int: Abilities] = [:]
            var gone = false
            for _ in 0..<visits {
                day += Double.random(in: 2..<14, using: &random)
                guard day < days else { break }
                if Int.random(in: 0..<9, using: &random) == 0 { volunteer = Names.volunteers.randomElement(using: &random)! }
                let roll = Int.random(in: 0..<100, using: &random)
                let outcome: VisitOutcome = roll < 78 ? .met : roll < 93 ? .absent : roll < 99 ? .refused : .moved
                var plan = VisitPlan(outcome: outcome, volunteer: volunteer, help: [], procedure: nil, followUp: nil, observations: [])
                if outcome == .met {
                    for member in members where member.age >= 14 && Int.random(in: 0..<3, using: &random) > 0 {
                        var now = abilities[member.key] ?? Abilities()
                        var observation = Observation(member: "")
                        // One visit can take a member through several steps, each one likelier for the young.
                        let chance = member.age < 60 ? 65 : 30
                        if !(now.vneid?.isActivated ?? false) {
                            let step = Int.random(in: 0..<100, using: &random)
                            now.vneid = step < chance ? .level2 : step < chance + 15 ? .pending : (now.vneid ?? VneidStatus.none)
                            observation.vneid = now.vneid
                            if now.vneid == .level2 { plan.help.append(.activatedAccount) }
                            observation.smartphone = member.age < 70 || Bool.random(using: &random)
                        }
                        if now.vneid?.isActivated ?? false, now.login != true {
                            now.login = Int.random(in: 0..<100, using: &random) < chance
                            observation.login = now.login
                            plan.help.append(.guidedLogin)
                        }
                        if now.login == true, now.dvctt != true {
                            now.dvctt = Int.random(in: 0..<100, using: &random) < chance
                            observation.dvctt = now.dvctt
                            plan.help.append(.guidedProcedure)
                            plan.procedure = Names.procedures.randomElement(using: &random)
                            if now.dvctt == true { observation.paidOnline = Bool.random(using: &random) }
                        }
                        abilities[member.key] = now
                        plan.observations.append((member.key, observation))
                    }
                    plan.help = Array(Set(plan.help)).sorted { $0.rawValue < $1.rawValue }
                    if !abilities.values.contains(where: CoverageRule.isAble) {
                        plan.followUp = moment(day: day + 7).vietnamDate
                    }
                }
                steps.append((moment(day: day), .visit(household: house.key, plan)))
                if outcome == .moved {
                    gone = true
                    break
                }
            }
            if !gone, !abilities.values.contains(where: CoverageRule.isAble) {
                left.append(Unfinished(key: house.key, members: members, lastDay: day))
            }
        }
        if let inflation = config.inflation, inflation.device == index {
            steps += inflated(inflation, left: left, moment: moment)
        }
        for batch in 1...max(1, config.batchesPerDevice) {
            steps.append((moment(day: days * Double(batch) / Double(max(1, config.batchesPerDevice)) - 0.01), .export))
        }
        steps.sort { $0.at.millis < $1.at.millis }
        let place = AdminUnits.withoutTypeWord(AdminUnits.shared.commune(commune)?.name ?? commune.code)
        return Device(label: "Laptop \(place), \(villages[0])", commune: commune, steps: steps)
    }

    struct House {
        var key: Int
        var input: HouseholdInput
        var people: [MemberInput]
    }

    static func households(_ config: Config, index: Int, villages: [String], urban: Bool, random: inout RandomSource.Generator) -> [House] {
        (0..<config.householdsPerDevice).map { key in
            func pick(_ list: [(String, Int)]) -> String {
                var roll = Int.random(in: 0..<list.reduce(0) { $0 + $1.1 }, using: &random)
                for (name, weight) in list {
                    if roll < weight { return name }
                    roll -= weight
                }
                return list[0].0
            }
            let family = pick(Names.families)
            let headMale = Int.random(in: 0..<10, using: &random) < 7
            let headBorn = Int.random(in: 1945...1995, using: &random)
            func person(male: Bool, family: String, born: Int, relation: String?) -> MemberInput {
                let middle = (male ? Names.maleMiddle : Names.femaleMiddle).randomElement(using: &random)!
                let given = (male ? Names.maleGiven : Names.femaleGiven).randomElement(using: &random)!
                return MemberInput(name: "\(family) \(middle) \(given)", birthYear: born, sex: male ? .male : .female, relation: relation)
            }
            let head = person(male: headMale, family: family, born: headBorn, relation: "chủ hộ")
            var people = [head]
            // Sizes around the configured mean: 1 to 6 recorded members.
            let size = max(1, min(6, Int((config.membersPerHousehold + Double.random(in: -1.5...1.5, using: &random)).rounded())))
            if size > 1 {
                let spouseFamily = pick(Names.families)
                people.append(person(male: !headMale, family: spouseFamily, born: headBorn + Int.random(in: -5...5, using: &random), relation: headMale ? "vợ" : "chồng"))
            }
            while people.count < size {
                let born = min(config.start.year - 1, headBorn + Int.random(in: 20...35, using: &random))
                people.append(person(male: Bool.random(using: &random), family: headMale ? family : pick(Names.families), born: born, relation: "con"))
            }
            let noNames = Double.random(in: 0..<1, using: &random) < config.noNamesShare
            let village = villages[key % villages.count]
            let address = urban
                ? "Số \(Int.random(in: 1...180, using: &random)), ngõ \(Int.random(in: 1...40, using: &random)), \(Names.streets.randomElement(using: &random)!)"
                : "Xóm \(Int.random(in: 1...12, using: &random)), \(village)"
            if noNames { people = people.map { var copy = $0; copy.name = nil; return copy } }
            return House(
                key: key,
                input: HouseholdInput(village: village, headName: noNames ? nil : head.name, noNames: noNames, address: address, declaredMembers: size + Int.random(in: 0...1, using: &random)),
                people: people)
        }
    }
}

import Foundation
