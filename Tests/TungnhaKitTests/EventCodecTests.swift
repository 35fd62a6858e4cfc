import Testing
@testable import TungnhaKit

@Suite struct EventCodecTests {
    func roundTrip(_ event: Event) throws {
        let line = EventCodec.canonical(event)
        #expect(line == JSONWriter.canonical(EventCodec.json(event)))
        #expect(try EventCodec.event(from: JSONParser.parse(line)) == event)
    }

    @Test func everyKindWritesItsCanonicalLineAndReadsBack() throws {
        var a = EventFactory(device: deviceA)
        let registered = a.register("HHHHHHHHH1")
        let member = a.addMember("HHHHHHHHH1", "MMMMMMMMM1", name: "Lê Thị Hoa")
        let visit = a.make("HHHHHHHHH1", .visitRecorded(VisitData(
            volunteer: "Lan", outcome: .met, consent: true, replaces: [registered.id], help: [.installedVneid, .guidedProcedure],
            procedure: "Đăng ký \"thường trú\"", followUp: LocalDate("2026-12-01"), note: "hẹn \"chiều\" thứ 2",
            observations: [Observation(member: "MMMMMMMMM1", vneid: .level2, login: true, dvctt: false, paidOnline: nil, smartphone: true)])))
        for event in [
            a.make(nil, .villageAdded(VillageData(name: "Thôn Hạ"))),
            a.make(nil, .villageChanged(VillageData(name: "Thôn Hạ", newCommune: "13366"))),
            registered, member, visit,
            a.make("HHHHHHHHH1", .householdChanged(FieldChange(set: [.address: .text("Số 14"), .note: .none, .declaredMembers: .number(4), .consent: .flag(false)], replaces: [registered.id]))),
            a.make("HHHHHHHHH1", member: "MMMMMMMMM1", .memberChanged(FieldChange(set: [.status: .text("moved"), .birthYear: .number(1981)], replaces: [member.id]))),
            a.make("HHHHHHHHH2", .householdMerged(into: "HHHHHHHHH1")),
            a.make("HHHHHHHHH1", .eventVoided(target: member.id, reason: "ghi nhầm")),
            a.make("HHHHHHHHH1", .eventCorrected(target: visit.id, replacement: .visitRecorded(VisitData(volunteer: "Lan", outcome: .absent)))),
        ] {
            try roundTrip(event)
        }
    }

    @Test func aLineLooksLikeThis() {
        var a = EventFactory(device: deviceA)
        let event = a.make("HHHHHHHHH1", member: "MMMMMMMMM1", at: "2026-11-20T09:15:00+07:00", .memberAdded(MemberData(name: "Đặng Văn An", birthYear: 1980, sex: .male, relation: nil)))
        #expect(EventCodec.canonical(event) == #"{"at":"2026-11-20T09:15:00+07:00","commune":"13285","data":{"birthYear":1980,"name":"Đặng Văn An","sex":"male"},"device":"aaaaaaaa-0000-4000-8000-000000000001","entered":"2026-11-20T09:15:00+07:00","household":"HHHHHHHHH1","member":"MMMMMMMMM1","scheme":"2025","seq":1,"type":"member.added"}"#)
    }

    @Test func unknownFieldsAreRefused() {
        let line = #"{"at":"2026-11-20T09:15:00+07:00","commune":"13285","data":{"birthYear":1980,"cccd":"001099012345"},"device":"aaaaaaaa-0000-4000-8000-000000000001","entered":"2026-11-20T09:15:00+07:00","household":"HHHHHHHHH1","member":"MMMMMMMMM1","scheme":"2025","seq":1,"type":"member.added"}"#
        #expect(throws: EventFormatError(path: "data.cccd", problem: .unknownField)) { try EventCodec.event(from: JSONParser.parse(line)) }
    }

    @Test func impossibleDatesAreRefused() {
        let line = #"{"at":"2026-02-30T09:15:00+07:00","commune":"13285","data":{"birthYear":1980},"device":"aaaaaaaa-0000-4000-8000-000000000001","household":"HHHHHHHHH1","member":"MMMMMMMMM1","scheme":"2025","seq":1,"type":"member.added"}"#
        #expect(throws: EventFormatError(path: "at", problem: .invalid(expected: "RFC 3339 date-time"))) { try EventCodec.event(from: JSONParser.parse(line)) }
    }

    @Test func keysReadBeforeAreTheKeysOnTheLine() throws {
        // 300 keys in 128 slots: many share a slot and replace each other; each line must still read as written.
        let keys = JSONKeys()
        for round in 0..<2 {
            for number in 0..<300 {
                let line = "{\"k\(number)\":\(number),\"k\(number)x\":\(round)}"
                let parsed = try line.utf8CString.withUnsafeBufferPointer { buffer in
                    try buffer.withMemoryRebound(to: UInt8.self) { try JSONParser.parse(UnsafeBufferPointer(rebasing: $0.dropLast()), keys: keys) }
                }
                #expect(parsed == .object(["k\(number)": .int(Int64(number)), "k\(number)x": .int(Int64(round))]))
            }
        }
        #expect([UInt8]().withUnsafeBufferPointer { keys.text($0) } == "")
    }

    @Test func anObjectOfMoreThan64FieldsIsReadWhole() throws {
        var fields: [String: JSONValue] = [:]
        for number in 0..<70 { fields["f\(number)"] = .int(Int64(number)) }
        var reader = try ObjectReader(.object(JSONObject(fields)), path: "data")
        for number in 0..<70 where number != 66 { #expect(try reader.integer("f\(number)") == Int64(number)) }
        #expect(throws: EventFormatError(path: "data.f66", problem: .unknownField)) { try reader.finish() }
        #expect(try reader.integer("f66") == 66)
        try reader.finish()
    }

    @Test func aProblemInsideAnObservationNamesItsPlace() {
        let line = #"{"at":"2026-11-20T09:15:00+07:00","commune":"13285","data":{"observations":[{"member":"MMMMMMMMM1"},{"member":"MMMMMMMMM2","vneid":"level9"}],"outcome":"met","volunteer":"Lan"},"device":"aaaaaaaa-0000-4000-8000-000000000001","entered":"2026-11-20T09:15:00+07:00","household":"HHHHHHHHH1","scheme":"2025","seq":1,"type":"visit.recorded"}"#
        #expect(throws: EventFormatError(path: "data.observations[1].vneid", problem: .invalid(expected: "none|pending|level1|level2"))) {
            try EventCodec.event(from: JSONParser.parse(line))
        }
        let notAnObject = line.replacingOccurrences(of: #"{"member":"MMMMMMMMM1"}"#, with: "3")
        #expect(throws: EventFormatError(path: "data.observations[0]", problem: .wrongType(expected: "object"))) {
            try EventCodec.event(from: JSONParser.parse(notAnObject))
        }
    }
}
