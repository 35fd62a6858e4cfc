@testable import TungnhaKit

/// Builds events by hand for tests of the derivation, one device at a time.
struct EventFactory {
    var device: String
    var seq: Int64 = 0
    var minute = 0
    var commune = phuLy
    var ids: RandomSource.Generator

    init(device: String) {
        self.device = device
        ids = RandomSource(seed: device.utf8.reduce(UInt64(7)) { $0 &* 31 &+ UInt64($1) }).generator
    }

    mutating func make(_ household: String?, member: String? = nil, at: String? = nil, _ body: EventBody) -> Event {
        seq += 1
        minute += 1
        let moment = at.flatMap(Moment.init(rfc3339:)) ?? Moment(millis: fixedStart.millis + Int64(minute) * 60_000)
        return Event(device: device, seq: seq, at: moment, entered: moment, commune: commune, household: household, member: member, body: body)
    }

    mutating func register(_ code: String, head: String? = "Nguyễn Văn An", consent: Bool = true) -> Event {
        make(code, .householdRegistered(HouseholdData(village: "Tổ dân phố Lê Lợi", headName: head, address: "Số 12", phone: nil, declaredMembers: nil, note: nil, consent: consent)))
    }

    mutating func addMember(_ household: String, _ member: String, name: String? = nil, born: Int = 1980) -> Event {
        make(household, member: member, .memberAdded(MemberData(name: name, birthYear: born, sex: nil, relation: nil)))
    }

    mutating func visit(_ household: String, _ observations: [Observation], outcome: VisitOutcome = .met, at: String? = nil) -> Event {
        make(household, at: at, .visitRecorded(VisitData(volunteer: "Lan", outcome: outcome, observations: observations)))
    }
}

let deviceA = "aaaaaaaa-0000-4000-8000-000000000001"
let deviceB = "bbbbbbbb-0000-4000-8000-000000000002"
func ableObservation(_ member: String) -> Observation { Observation(member: member, vneid: .level2, login: true, dvctt: true) }
