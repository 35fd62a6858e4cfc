import Foundation
import Testing
@testable import TungnhaKit

/// A small district, built through the store's own commands, whose report figures are counted by hand:
/// Phường Phủ Lý (13285, 2025) by laptop A; Phường Quang Trung (13285, pre-2025, split between Phủ Lý and
/// Hà Nam 13366) by laptop B; Phường Châu Cầu (13294, pre-2025, whole into Phủ Lý) by laptop C.
final class SmallDistrict: @unchecked Sendable {
    let folder = TemporaryFolder()
    let clock = TestClock(Moment(rfc3339: "2026-12-01T08:00:00+07:00")!)
    let district: Store

    func at(_ text: String) { clock.set(Moment(rfc3339: text)!) }

    init() throws {
        let a = try Store.initialize(at: folder.file("a.sqlite"), role: .laptop, label: "Laptop A", commune: CommuneRef(code: "13285", scheme: .y2025), province: nil, environment: environment(clock, seed: 11)).store
        let b = try Store.initialize(at: folder.file("b.sqlite"), role: .laptop, label: "Laptop B", commune: CommuneRef(code: "13285", scheme: .pre2025), province: nil, environment: environment(clock, seed: 12)).store
        let c = try Store.initialize(at: folder.file("c.sqlite"), role: .laptop, label: "Laptop C", commune: CommuneRef(code: "13294", scheme: .pre2025), province: nil, environment: environment(clock, seed: 13)).store
        district = try Store.initialize(at: folder.file("d.sqlite"), role: .provinceGathering, label: "Huyện", commune: nil, province: nil, environment: environment(clock, seed: 14)).store
        for laptop in [a, b, c] { try enrollEachOther(laptop, district) }

        // Laptop A: four households, one registered twice.
        _ = try a.addVillage(name: "Tổ dân phố Lê Lợi")
        let h1 = try a.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Nguyễn Văn An", address: "Số 12"))
        let an = try a.addMember(household: h1.code, MemberInput(name: "Nguyễn Văn An", birthYear: 1970))
        let binh = try a.addMember(household: h1.code, MemberInput(name: "Nguyễn Văn Bình", birthYear: 2009))
        let h2 = try a.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Trần Thị Hoa", address: "Số 14"))
        let hoa = try a.addMember(household: h2.code, MemberInput(name: "Trần Thị Hoa", birthYear: 1980))
        let h3 = try a.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", noNames: true, address: "Số 16"))
        _ = try a.addMember(household: h3.code, MemberInput(birthYear: 1950))
        let h4 = try a.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Lê Văn Cường", address: "Số 18"))
        _ = try a.addMember(household: h4.code, MemberInput(name: "Lê Văn Cường", birthYear: 1975))
        let h5 = try a.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Le Van Cuong", address: "So 18"))
        let cuong = try a.addMember(household: h5.code, MemberInput(name: "Lê Văn Cường", birthYear: 1975))
        at("2026-12-05T09:00:00+07:00")
        _ = try a.recordVisit(household: h1.code, VisitInput(outcome: .met, volunteer: "Lan", observations: [
            Observation(member: an.code, vneid: .level2, login: true, dvctt: true), Observation(member: binh.code, vneid: .level2),
        ]))
        _ = try a.recordVisit(household: h2.code, VisitInput(outcome: .met, observations: [Observation(member: hoa.code, vneid: .level2, login: true, dvctt: true)]))
        at("2026-12-06T09:00:00+07:00")
        _ = try a.recordVisit(household: h3.code, VisitInput(outcome: .refused))
        at("2026-12-07T09:00:00+07:00")
        _ = try a.recordVisit(household: h5.code, VisitInput(outcome: .met, volunteer: "Minh", observations: [Observation(member: cuong.code, vneid: .level2, login: true, dvctt: true)]))
        at("2027-01-03T09:00:00+07:00")
        _ = try a.recordVisit(household: h2.code, VisitInput(outcome: .met, volunteer: "Lan", observations: [Observation(member: hoa.code, login: false)]))

        // Laptop B: the split ward; two villages assigned, one not.
        at("2026-12-01T10:00:00+07:00")
        _ = try b.addVillage(name: "Tổ 1", newCommune: "13285")
        _ = try b.addVillage(name: "Tổ 2", newCommune: "13366")
        _ = try b.addVillage(name: "Tổ 3")
        let h6 = try b.registerHousehold(HouseholdInput(village: "Tổ 1", headName: "Phạm Văn Dũng"))
        let dung = try b.addMember(household: h6.code, MemberInput(name: "Phạm Văn Dũng", birthYear: 1990))
        let h7 = try b.registerHousehold(HouseholdInput(village: "Tổ 2", headName: "Vũ Thị Mai"))
        let mai = try b.addMember(household: h7.code, MemberInput(name: "Vũ Thị Mai", birthYear: 1985))
        let h8 = try b.registerHousehold(HouseholdInput(village: "Tổ 3", headName: "Đỗ Văn Hải"))
        let hai = try b.addMember(household: h8.code, MemberInput(name: "Đỗ Văn Hải", birthYear: 1995))
        at("2026-12-20T09:00:00+07:00")
        _ = try b.recordVisit(household: h6.code, VisitInput(outcome: .met, volunteer: "Hà", observations: [Observation(member: dung.code, vneid: .level2, login: true, dvctt: true)]))
        _ = try b.recordVisit(household: h7.code, VisitInput(outcome: .met, observations: [Observation(member: mai.code, vneid: .pending)]))
        _ = try b.recordVisit(household: h8.code, VisitInput(outcome: .met, observations: [Observation(member: hai.code, vneid: .level2, login: true, dvctt: true)]))

        // Laptop C: a ward merged whole into Phủ Lý; one household never visited.
        at("2026-12-02T10:00:00+07:00")
        _ = try c.addVillage(name: "Tổ 5")
        let h9 = try c.registerHousehold(HouseholdInput(village: "Tổ 5", headName: "Hồ Thị Lan"))
        _ = try c.addMember(household: h9.code, MemberInput(name: "Hồ Thị Lan", birthYear: 1960))

        at("2027-01-08T16:00:00+07:00")
        for laptop in [a, b, c] { _ = try district.merge([try laptop.export(to: folder.file("exports")).file]) }
        _ = try district.mergeHouseholds(keep: h4.code, other: h5.code)
        at("2027-01-10T17:00:00+07:00")
    }
}

@Suite struct ReportTests {
    static let fixture = Result { try SmallDistrict() }

    func report(_ request: ReportRequest) throws -> CoverageReport { try Self.fixture.get().district.report(request) }

    @Test func everyColumnByCommuneToday() throws {
        let report = try report(ReportRequest())
        #expect(report.asOf == "2027-01-10")
        #expect(report.rows.map(\.key) == ["2025:13285", "2025:13366", "split:13285"])

        let phuLy = report.rows[0]
        #expect(phuLy.name == "Phường Phủ Lý")
        #expect(phuLy.parent == "Ninh Bình")
        #expect(phuLy.split == false)
        #expect(phuLy.householdsExpected == 7958)
        #expect(phuLy.expectedSource == .census2019)
        #expect(phuLy.householdsRegistered == 6)  // H1 H2 H3 H4(+H5) from A, H6 from B's Tổ 1, H9 from C
        #expect(phuLy.householdsVisited == 5)  // all but H9
        #expect(phuLy.householdsCovered == 3)  // H1, H4 through its duplicate H5, H6
        #expect(phuLy.coverageOfRegistered == Share(tenths: 500))
        #expect(phuLy.coverageOfExpected == Share(tenths: 0))  // 3 / 7958 = 0.0377% → 0.0%
        #expect(phuLy.members == 8)
        #expect(phuLy.adults == 8)  // Bình, born 2009, is 18 in 2027
        #expect(phuLy.adultsDvctt == 4)  // An, Hoa (her DVCTT stays though she no longer logs in), Cường of H5, Dũng
        #expect(phuLy.adultsDvcttShare == Share(tenths: 500))
        #expect(phuLy.members14Plus == 8)
        #expect(phuLy.members14PlusLevel2 == 5)  // An, Bình, Hoa, Cường of H5, Dũng
        #expect(phuLy.members14PlusLevel2Share == Share(tenths: 625))
        #expect(phuLy.notVisited30Days == 4)  // H1 (5 Dec), H3 (6 Dec), H4 (7 Dec), H9 (never)
        #expect(phuLy.lastActivity == "2027-01-08T16:00:00+07:00")  // the district's merge of H5 into H4
        #expect(phuLy.target == ReportRow.TargetCheck(householdsPercent: 100, householdsMet: false, householdsShort: 7955, adultsDvcttPercent: 40, adultsDvcttMet: true, adultsShort: 0))

        let haNam = report.rows[1]
        #expect(haNam.name == "Phường Hà Nam")
        #expect(haNam.householdsExpected == 1623)
        #expect([haNam.householdsRegistered, haNam.householdsVisited, haNam.householdsCovered, haNam.members, haNam.adults, haNam.adultsDvctt, haNam.members14PlusLevel2, haNam.notVisited30Days] as [Int] == [1, 1, 0, 1, 1, 0, 0, 0])
        #expect(haNam.target?.adultsShort == 1)

        let split = report.rows[2]
        #expect(split.name == "Phường Quang Trung")
        #expect(split.code == "13285")
        #expect(split.split)
        #expect(split.householdsExpected == nil)
        #expect([split.householdsRegistered, split.householdsVisited, split.householdsCovered, split.members, split.adults, split.adultsDvctt] as [Int] == [1, 1, 1, 1, 1, 1])

        let total = report.total
        #expect(total.householdsExpected == 9581)  // 7958 + 1623
        #expect([total.householdsRegistered, total.householdsVisited, total.householdsCovered] as [Int] == [8, 7, 4])
        #expect([total.members, total.adults, total.adultsDvctt, total.members14Plus, total.members14PlusLevel2, total.notVisited30Days] as [Int] == [10, 10, 5, 10, 6, 4])
    }

    @Test func asOfTheEndOfLastYear() throws {
        let report = try report(ReportRequest(asOf: LocalDate("2026-12-31")))
        let phuLy = report.rows[0]
        // Before the merge of 8 Jan, H4 and H5 were two households; Hoa still logged in (3 Jan is later); Bình was 17.
        #expect(phuLy.householdsRegistered == 7)
        #expect(phuLy.householdsVisited == 5)  // H1 H2 H3 H5 H6
        #expect(phuLy.householdsCovered == 4)  // H1 H2 H5 H6
        #expect(phuLy.members == 8)
        #expect(phuLy.adults == 7)
        #expect(phuLy.adultsDvctt == 4)
        #expect(phuLy.members14Plus == 8)
        #expect(phuLy.notVisited30Days == 2)  // since 1 Dec: H4 and H9 never visited
        #expect(phuLy.lastActivity == "2026-12-20T09:00:00+07:00")
        // Nothing had been merged on 30 Nov.
        let empty = try self.report(ReportRequest(commune: "13285", asOf: LocalDate("2026-11-30")))
        #expect(empty.total.householdsRegistered == 0)
        #expect(empty.total.householdsExpected == 7958)
    }

    @Test func theMemberTallyAgreesWithTheMembers() throws {
        // The district merged a duplicate (its members moved under another household) and holds a split commune.
        let tally = try tallyAndRecount(try Self.fixture.get().district)
        // Lê Lợi: born 1950, 1970, 1975 (Cường twice, H4 and its duplicate H5), 1980, 2009; Tổ 1, 2, 3 and 5: one each.
        #expect(tally.kept.count == 9)
        #expect(tally.kept == tally.recounted)
    }

    @Test func byVillage() throws {
        let report = try report(ReportRequest(level: .village))
        #expect(report.rows.map(\.name) == ["Tổ 1", "Tổ 5", "Tổ dân phố Lê Lợi", "Tổ 2", "Tổ 3"])
        #expect(report.rows.map(\.parent) == ["Phường Phủ Lý", "Phường Phủ Lý", "Phường Phủ Lý", "Phường Hà Nam", "Phường Quang Trung"])
        #expect(report.rows.map(\.householdsRegistered) == [1, 1, 4, 1, 1])
        #expect(report.rows.map(\.householdsCovered) == [1, 0, 2, 0, 1])
        #expect(report.rows.allSatisfy { $0.householdsExpected == nil })
    }

    @Test func byVolunteer() throws {
        let report = try report(ReportRequest(level: .volunteer))
        // The last visitor of each household: Lan (H1 H2 H3), Minh (H4 through H5), Hà (H6 H7 H8); H9 never visited.
        #expect(report.rows.map(\.name) == ["Hà", "Lan", "Minh", "(chưa có lượt đến)"])
        #expect(report.rows.map(\.householdsRegistered) == [3, 3, 1, 1])
        #expect(report.rows.map(\.householdsCovered) == [2, 1, 1, 0])
    }

    @Test func byDistrictAndProvince() throws {
        let districts = try report(ReportRequest(level: .district))
        // Phủ Lý was made from wards of the former Thành phố Phủ Lý (347) only, as was the split Quang Trung;
        // Hà Nam from wards of Phủ Lý and of Thị xã Duy Tiên (349).
        #expect(districts.rows.map(\.name) == ["Thành phố Phủ Lý", "Xã hình thành từ nhiều huyện (trước 2025)"])
        #expect(districts.rows.map(\.householdsRegistered) == [7, 1])
        let provinces = try report(ReportRequest(level: .province))
        #expect(provinces.rows.map(\.name) == ["Ninh Bình"])
        #expect(provinces.rows[0].householdsCovered == 4)
    }

    @Test func registerReplacesTheCensus() throws {
        let folder = TemporaryFolder()
        let store = try SmallDistrict.copyOfDistrict(into: folder)
        try "Mã xã,Thôn,Số hộ\n13285,Tổ dân phố Lê Lợi,120\n13285,Tổ 1,80\n13285,Tổ 5,100\n".write(toFile: folder.file("register.csv"), atomically: true, encoding: .utf8)
        let imported = try store.importRegister(folder.file("register.csv"))
        #expect(imported == RegisterImport(rows: 3, communes: ["13285"], households: 300))
        let report = try store.report(ReportRequest(commune: "13285"))
        #expect(report.rows[0].householdsExpected == 300)
        #expect(report.rows[0].expectedSource == .register)
        #expect(report.rows[0].coverageOfExpected == Share(tenths: 10))  // 3 of 300: 1.0%
        let villages = try store.report(ReportRequest(level: .village, commune: "13285"))
        // Tổ 1, Tổ 5, Lê Lợi; then Tổ 3 of the split Quang Trung, which may lie partly in Phủ Lý: no register there.
        #expect(villages.rows.map(\.householdsExpected) == [80, 100, 120, nil])
    }

    @Test func targetsPerCommune() throws {
        let folder = TemporaryFolder()
        let store = try SmallDistrict.copyOfDistrict(into: folder)
        _ = try store.setTarget(province: nil, commune: "13366", settings: ["adults-dvctt=0%", "households=0%"])
        let report = try store.report(ReportRequest())
        #expect(report.rows[1].target == ReportRow.TargetCheck(householdsPercent: 0, householdsMet: true, householdsShort: 0, adultsDvcttPercent: 0, adultsDvcttMet: true, adultsShort: 0))
        #expect(report.rows[0].target?.adultsDvcttPercent == 40)
        #expect(throws: TargetError.badPercent(text: "households=140%")) { try store.setTarget(province: nil, commune: nil, settings: ["households=140%"]) }
    }

    @Test func followupsShowNamesOnlyWithConsent() throws {
        let folder = TemporaryFolder()
        let store = try SmallDistrict.copyOfDistrict(into: folder)
        let list = try store.followups()
        // By commune (13285 of 2025, then 13285 of before 2025), village, then follow-up date, then last visit.
        #expect(list.revisit.map(\.headName) == [nil, "Trần Thị Hoa", "Vũ Thị Mai"])
        #expect(list.revisit[0].address == "Số 16")
        #expect(list.revisit.map(\.commune) == ["13285", "13285", "13285"])
        #expect(list.revisit.map(\.scheme) == [.y2025, .y2025, .pre2025])
        #expect(list.revisit.map(\.gaps) == [[.noAccount, .cannotLogIn, .noProcedure], [.cannotLogIn], [.notActivated, .cannotLogIn, .noProcedure]])
        #expect(list.neverVisited.map(\.headName) == ["Hồ Thị Lan"])
    }

    @Test func csvOpensInSpreadsheets() throws {
        let report = try report(ReportRequest())
        let data = ReportCSV.render(report, .vi)
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        // Vietnamese: semicolons between fields and a decimal comma, as Excel and LibreOffice read them under vi-VN.
        #expect(lines[0].hasPrefix("Số liệu đến hết ngày;Xã/Phường;Mã;Tỉnh/Thành phố;Bị chia (mã cũ);Hộ dự kiến;Nguồn số hộ dự kiến;Hộ đã ghi;Hộ đã đến;Hộ đã có người biết sử dụng;"))
        #expect(lines[1] == "2027-01-10;Phường Phủ Lý;=\"13285\";Ninh Bình;;7958;TĐTDS 2019 (ước tính);6;5;3;50,0;0,0;8;8;4;50,0;8;5;62,5;4;2027-01-08 16:00;100,0;Chưa đạt;7955;40,0;Đạt;0")
        #expect(lines[3].hasPrefix("2027-01-10;Phường Quang Trung;;Ninh Bình;=\"13285\";;;1;1;1;100,0;;"))
        #expect(lines.count == 6)  // header, 3 lines, total, and the final empty string after the last CRLF
        let english = String(decoding: ReportCSV.render(report, .en).dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(english[1].hasPrefix("2027-01-10,Phường Phủ Lý,=\"13285\",Ninh Bình,,7958,2019 census (approx.),6,5,3,50.0,0.0,8,"))
    }

    @Test func htmlHasTheChartsAndNoScript() throws {
        let store = try Self.fixture.get().district
        let request = ReportRequest()
        let html = ReportHTML.render(try store.report(request), trend: try store.weeklyTrend(request), generatedAt: Moment(rfc3339: "2027-01-10T17:00:00+07:00")!, .vi)
        #expect(html.components(separatedBy: "<svg ").count == 3)
        #expect(!html.contains("<script"))
        // No address to fetch: the only "http://" are the two charts' SVG namespace.
        #expect(html.components(separatedBy: "http://").count == 3)
        #expect(html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count == 3)
        #expect(html.contains("Phường Phủ Lý"))
    }

    @Test func weeklyTrendCountsCoveredHouseholds() throws {
        let store = try Self.fixture.get().district
        let trend = try store.weeklyTrend(ReportRequest(), weeks: 4)
        #expect(trend.map(\.weekEnding) == ["2026-12-20", "2026-12-27", "2027-01-03", "2027-01-10"])
        // 20 Dec: all nine registered, H1 H2 H5 H6 H8 covered; 3 Jan: Hoa unable; 8 Jan: H5 merged into H4.
        #expect(trend.map(\.registered) == [9, 9, 9, 8])
        #expect(trend.map(\.covered) == [5, 5, 4, 4])
    }
}

extension SmallDistrict {
    /// A private copy of the district store, for tests that change it.
    static func copyOfDistrict(into folder: TemporaryFolder) throws -> Store {
        let source = try ReportTests.fixture.get()
        let target = folder.file("d.sqlite")
        try source.district.queue.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [target]) }
        return try Store.open(at: target, environment: environment(source.clock, seed: 15))
    }
}
