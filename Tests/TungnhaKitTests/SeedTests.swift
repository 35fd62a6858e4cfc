import Testing
@testable import TungnhaKit

@Suite struct SeedTests {
    let units = AdminUnits.shared

    @Test func countsOfThe2025List() {
        #expect(units.provinces[.y2025]?.count == 34)
        #expect(units.communes[.y2025]?.count == 3321)
    }

    @Test func countsOfThePre2025List() {
        #expect(units.provinces[.pre2025]?.count == 63)
        #expect(units.districts.count == 696)
        #expect(units.communes[.pre2025]?.count == 10051)
    }

    @Test func codeMeansDifferentCommunesInEachScheme() {
        #expect(units.commune(CommuneRef(code: "00004", scheme: .y2025))?.name == "Phường Ba Đình")
        #expect(units.commune(CommuneRef(code: "00004", scheme: .pre2025))?.name == "Phường Trúc Bạch")
    }

    @Test func searchWithoutDiacriticsFindsPhuLy() {
        let found = units.search("phu ly")
        #expect(found.first?.code == "13285")
        #expect(found.first?.name == "Phường Phủ Lý")
        #expect(found.first?.scheme == .y2025)
    }

    @Test func searchFindsTheFormerProvinceDakNong() {
        let found = units.search("dak nong")
        #expect(found.contains { $0.code == "67" && $0.level == .province && $0.scheme == .pre2025 && $0.name == "Tỉnh Đắk Nông" })
    }

    @Test func phuLyCameFromFourWards() {
        let detail = units.detail(code: "13285", scheme: .y2025)
        #expect(detail.count == 1)
        #expect(detail[0].province?.name == "Ninh Bình")
        #expect(detail[0].cameFrom.map(\.code) == ["13285", "13294", "13309", "13315"])
    }

    @Test func quangTrungWasSplitBetweenTwoNewWards() {
        let detail = units.detail(code: "13285", scheme: .pre2025)
        #expect(detail[0].name == "Phường Quang Trung")
        #expect(detail[0].district?.name == "Thành phố Phủ Lý")
        #expect(detail[0].becameInto.map(\.code) == ["13285", "13366"])
        #expect(detail[0].becameInto.allSatisfy { $0.how == .part })
    }

    @Test func bacGiaNghiaWasDakNong() {
        let commune = units.commune(CommuneRef(code: "24611", scheme: .y2025))
        #expect(commune?.name == "Phường Bắc Gia Nghĩa")
        #expect(commune?.province == "68")
    }

    @Test func unknownCodeSuggestsTheSameCodeInTheOtherList() {
        // 00001 (Phường Phúc Xá) exists only before 2025.
        let suggestions = units.suggestions(forCommune: "00001", scheme: .y2025)
        #expect(suggestions.first?.name == "Phường Phúc Xá")
        #expect(suggestions.first?.scheme == .pre2025)
    }
}
