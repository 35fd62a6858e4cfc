/// A volunteer who inflates coverage, as the demo plays one: on a few days just before the reporting day, they
/// "meet" one household after another, minutes apart, households no one has covered yet; every head is written
/// able with the same answers; and the visits are typed in days later, all at once.
extension Scenario {
    public struct Inflation: Sendable {
        /// The device whose team the volunteer belongs to.
        public var device: Int
        public var volunteer: String
        /// Days of the campaign (0 is the first) of the bursts.
        public var days: [Int]
        public var householdsPerDay: Int
        public var minutesApart: Int
        /// Days between the visits and their typing in.
        public var enteredDaysLater: Int

        public init(device: Int, volunteer: String, days: [Int], householdsPerDay: Int, minutesApart: Int, enteredDaysLater: Int) {
            self.device = device
            self.volunteer = volunteer
            self.days = days
            self.householdsPerDay = householdsPerDay
            self.minutesApart = minutesApart
            self.enteredDaysLater = enteredDaysLater
        }
    }

    /// A household the honest visits left without an able member, and when it was last visited.
    struct Unfinished {
        var key: Int
        var members: [(key: Int, age: Int)]
        var lastDay: Double
    }

    /// The inflated visits: households not covered, with a member of 14 or over, not visited since the day before the
    /// burst; each typed in `enteredDaysLater` days after, one a minute, from 20:00.
    func inflated(_ inflation: Inflation, left: [Unfinished], moment: (Double) -> Moment) -> [(at: Moment, step: Step)] {
        var steps: [(at: Moment, step: Step)] = []
        var used = Set<Int>()
        for day in inflation.days {
            let candidates = left.filter { $0.lastDay < Double(day) && !used.contains($0.key) && $0.members.contains { $0.age >= 14 } }
            for (number, house) in candidates.prefix(inflation.householdsPerDay).enumerated() {
                used.insert(house.key)
                let head = house.members.first { $0.age >= 14 }!
                let happened = Moment(millis: moment(Double(day)).millis + Int64(30 + number * inflation.minutesApart) * 60_000)
                let entered = Moment(millis: moment(Double(day + inflation.enteredDaysLater)).millis + Int64(12 * 60 + 30 + number) * 60_000)
                let observation = Observation(member: "", vneid: .level2, login: true, dvctt: true, paidOnline: false, smartphone: true)
                let plan = VisitPlan(
                    outcome: .met, volunteer: inflation.volunteer, help: [.activatedAccount, .guidedLogin, .guidedProcedure], procedure: nil,
                    followUp: nil, observations: [(head.key, observation)], happenedAt: happened)
                steps.append((entered, .visit(household: house.key, plan)))
            }
        }
        return steps
    }
}
