import Foundation
import GRDB
import Testing
@testable import TungnhaKit

/// The commune's household list imported on a team laptop of Phường Phủ Lý (13285).
@Suite struct RegisterHouseholdsTests {
    func laptop(_ folder: TemporaryFolder) throws -> Store {
        let store = try Store.initialize(
            at: folder.file("laptop.sqlite"), role: .laptop, label: "Laptop tổ 1", commune: phuLy, province: nil,
            environment: environment(TestClock(), seed: 7)
        ).store
        try enrollGathering(in: store)
        return store
    }

    @Test func theLibreOfficeWorkbookDryRunThenImportThenAgain() throws {
        let folder = TemporaryFolder()
        let store = try laptop(folder)
        let dry = try store.importHouseholds(fixture("so-ho-phu-ly.xlsx"), HouseholdImportOptions(dryRun: true))
        #expect(dry.headerRow == 3)
        #expect(dry.columns == [
            "head": "B (Họ và tên chủ hộ)", "address": "C (Địa chỉ)", "village": "D (Thôn/Tổ dân phố)", "phone": "E (Số điện thoại)",
            "members": "F (Số nhân khẩu)",
        ])
        #expect(dry.villagesAdded == ["Tổ dân phố Lê Lợi", "Tổ dân phố Trần Phú"])
        #expect(dry.created.map(\.row) == [4, 5, 6, 7, 8, 9])
        #expect(dry.created.map(\.head) == ["Nguyễn Văn An", "Đặng Thị Hoà", "Trần Văn Bình", "Lê Thị Cúc", "Phạm Văn Dũng", "Vũ Thị Én"])
        #expect(dry.created.allSatisfy { $0.code == nil })
        #expect(try store.households().isEmpty)
        #expect(try store.villages().isEmpty)

        let done = try store.importHouseholds(fixture("so-ho-phu-ly.xlsx"), HouseholdImportOptions())
        #expect(done.created.count == 6)
        let households = try store.households()
        #expect(households.count == 6)
        // No names in the store's own records: the list's names are shown beside them, from this machine only.
        #expect(households.allSatisfy { $0.headName == nil })
        let an = households.first { $0.address == "Số 12, ngõ 5, Lê Lợi" }!
        #expect(an.registerName == "Nguyễn Văn An")
        #expect(an.registerPhone == "0912345678")  // LibreOffice kept 912345678, a number
        #expect(an.village == "Tổ dân phố Lê Lợi")
        #expect(try store.household(an.code).declaredMembers == 4)
        #expect(try store.searchHouseholds("nguyen van an").map(\.code) == [an.code])

        let again = try store.importHouseholds(fixture("so-ho-phu-ly.xlsx"), HouseholdImportOptions())
        #expect(again.created.isEmpty)
        #expect(again.villagesAdded.isEmpty)
        #expect(again.alreadyImported.count == 6)
        #expect(try store.households().count == 6)
    }

    @Test func namesStayHereUntilConsentThenTravel() throws {
        let folder = TemporaryFolder()
        let store = try laptop(folder)
        _ = try store.importHouseholds(fixture("so-ho-phu-ly.xlsx"), HouseholdImportOptions())
        let first = try store.export(to: folder.file("out"))
        let batch = try plainBatch(first.file)
        for name in ["Nguyễn Văn An", "Đặng Thị Hoà", "Vũ Thị Én", "0912345678", "912345678"] { #expect(!batch.contains(name), "\(name)") }
        #expect(batch.contains("Số 12, ngõ 5, Lê Lợi"))

        let an = try store.households().first { $0.registerName == "Nguyễn Văn An" }!
        let hoa = try store.households().first { $0.registerName == "Đặng Thị Hoà" }!
        _ = try store.recordVisit(household: an.code, VisitInput(outcome: .met, consent: true, volunteer: "Lan"))
        let carried = try store.carryRegisterName(household: an.code)
        #expect(carried?.headName == "Nguyễn Văn An")
        #expect(try store.carryRegisterName(household: an.code) == nil)  // once only
        #expect(try store.household(an.code).phone == "0912345678")
        // Saying no hides the register's name on this machine too.
        _ = try store.recordVisit(household: hoa.code, VisitInput(outcome: .met, consent: false, volunteer: "Lan"))
        #expect(try store.carryRegisterName(household: hoa.code) == nil)
        #expect(try store.household(hoa.code).household.registerName == nil)
        #expect(try store.followups().revisit.first { $0.code == hoa.code }?.registerName == nil)

        let second = try plainBatch(try store.export(to: folder.file("out")).file)
        #expect(second.contains("Nguyễn Văn An"))
        #expect(second.contains("0912345678"))
        #expect(!second.contains("Đặng Thị Hoà"))
    }

    @Test func aCSVWithQuotedCommasAndLineBreaks() throws {
        let folder = TemporaryFolder()
        let store = try laptop(folder)
        let result = try store.importHouseholds(fixture("so-ho-to-5.csv"), HouseholdImportOptions())
        #expect(result.columns == ["head": "A (Chủ hộ)", "address": "B (Địa chỉ)", "village": "C (Thôn)", "phone": "D (SĐT)"])
        #expect(result.created.map(\.row) == [2, 3, 4])
        #expect(result.created.map(\.address) == ["Số 5; ngõ 1, Châu Cầu", "Số 8, ngõ 1, đường Châu Cầu", "Số 10 ngõ 3"])
        #expect(result.created.map(\.head) == ["Hồ Thị Lan", "Nguyễn \"Út\" Văn Tư", "Đỗ Văn Hải"])
        let phones = try store.households().sorted { $0.address! < $1.address! }.map(\.registerPhone)
        #expect(phones == ["0912000111", "0911222333", nil])
    }

    @Test func volunteersHouseholdsAreMatchedNotDoubled() throws {
        let folder = TemporaryFolder()
        let store = try laptop(folder)
        _ = try store.addVillage(name: "Tổ dân phố Lê Lợi")
        let typed = try store.registerHousehold(HouseholdInput(village: "to dan pho le loi", headName: "Nguyen Van An", address: "So 12, ngo 5, Le Loi"))
        let result = try store.importHouseholds(fixture("so-ho-phu-ly.xlsx"), HouseholdImportOptions(village: "Tổ dân phố Lê Lợi"))
        #expect(result.alreadyRegistered.map(\.code) == [typed.code])
        #expect(result.created.map(\.row) == [5, 6])  // the other two of Lê Lợi; Trần Phú's rows are left out
        #expect(result.villagesAdded.isEmpty)
        #expect(try store.households().count == 3)
        #expect(try store.household(typed.code).household.registerName == nil)  // its own name stays
    }

    @Test func errorsNameTheRowAndTheCell() throws {
        let folder = TemporaryFolder()
        let store = try laptop(folder)
        func importing(_ text: String, _ options: HouseholdImportOptions = HouseholdImportOptions()) throws -> HouseholdImport {
            try text.write(toFile: folder.file("list.csv"), atomically: true, encoding: .utf8)
            return try store.importHouseholds(folder.file("list.csv"), options)
        }
        let header = "STT,Chủ hộ,Địa chỉ,Thôn,Điện thoại\n1,An,Số 1,Tổ 1,\n2,Bình,Số 2,Tổ 1,\n3,Cúc,Số 3,Tổ 1,\n4,Dũng,Số 4,Tổ 1,\n5,Én,Số 5,Tổ 1,\n"
        #expect(throws: HouseholdRegisterError.badCell(row: 7, column: "C", header: "Địa chỉ", problem: .digitRun(field: .address))) {
            try importing(header + "6,Giang,CCCD 001099012345,Tổ 1,\n")
        }
        #expect(throws: HouseholdRegisterError.badCell(row: 7, column: "E", header: "Điện thoại", problem: .invalidPhone(text: "12345"))) {
            try importing(header + "6,Giang,Số 6,Tổ 1,12345\n")
        }
        #expect(throws: HouseholdRegisterError.badCell(row: 7, column: "D", header: "Thôn", problem: .empty(field: .village))) {
            try importing(header + "6,Giang,Số 6,,\n")
        }
        #expect(try store.households().isEmpty)  // nothing half done
        let message = HouseholdRegisterError.badCell(row: 7, column: "C", header: "Địa chỉ", problem: .digitRun(field: .address)).text(.vi)
        #expect(message.hasPrefix("Dòng 7, cột C (Địa chỉ): Địa chỉ có một dãy từ 9 chữ số trở lên"))
        #expect(message.hasSuffix("Sửa ô này trong tệp rồi nạp lại. Chưa có hộ nào được ghi."))
    }

    @Test func columnsByNameOrLetterAndWhenInDoubt() throws {
        let folder = TemporaryFolder()
        let store = try laptop(folder)
        try "Tên,Nơi ở,Ghi chú\nAn,Số 1,x\n".write(toFile: folder.file("a.csv"), atomically: true, encoding: .utf8)
        #expect(throws: HouseholdRegisterError.noHeader(sheet: nil)) { try store.importHouseholds(folder.file("a.csv"), HouseholdImportOptions()) }
        let named = RegisterColumns(named: [.head: "ten", .address: "B"])
        let result = try store.importHouseholds(folder.file("a.csv"), HouseholdImportOptions(columns: named, village: "Tổ 9", dryRun: true))
        #expect(result.created.map(\.head) == ["An"])
        #expect(result.created.map(\.village) == ["Tổ 9"])
        #expect(throws: HouseholdRegisterError.noVillage) {
            try store.importHouseholds(folder.file("a.csv"), HouseholdImportOptions(columns: named, dryRun: true))
        }
        #expect(throws: HouseholdRegisterError.columnNotFound(field: .phone, given: "Di động", headers: ["Tên", "Nơi ở", "Ghi chú"])) {
            try store.importHouseholds(folder.file("a.csv"), HouseholdImportOptions(columns: RegisterColumns(named: [.phone: "Di động"]), village: "Tổ 9"))
        }
        try "Họ tên chủ hộ,Họ và tên chủ hộ,Địa chỉ\nAn,An,Số 1\n".write(toFile: folder.file("b.csv"), atomically: true, encoding: .utf8)
        #expect(throws: HouseholdRegisterError.ambiguousColumn(field: .head, columns: ["A (Họ tên chủ hộ)", "B (Họ và tên chủ hộ)"])) {
            try store.importHouseholds(folder.file("b.csv"), HouseholdImportOptions(village: "Tổ 9"))
        }
    }

    @Test func repeatedRowsAndTheDistrictMachine() throws {
        let folder = TemporaryFolder()
        let store = try laptop(folder)
        try "Chủ hộ;Địa chỉ;Thôn\nAn;Số 1;Tổ 1\nBình;Số 2;Tổ 1\nan;so 1;to 1\n".write(toFile: folder.file("r.csv"), atomically: true, encoding: .utf8)
        let result = try store.importHouseholds(folder.file("r.csv"), HouseholdImportOptions(dryRun: true))
        #expect(result.created.map(\.row) == [2, 3])
        #expect(result.repeatedRows == [HouseholdImport.Repeat(row: 4, sameAs: 2)])
        // A crafted cell cannot send escape sequences to the terminal that shows it.
        try "Chủ hộ;Địa chỉ;Thôn\nAn\u{1B}[2J\u{7};Số 1;Tổ 1\n".write(toFile: folder.file("e.csv"), atomically: true, encoding: .utf8)
        #expect(try store.importHouseholds(folder.file("e.csv"), HouseholdImportOptions(dryRun: true)).created.map(\.head) == ["An[2J"])
        let district = try Store.initialize(
            at: folder.file("d.sqlite"), role: .provinceGathering, label: "Máy tổng hợp", commune: nil, province: nil, environment: environment(TestClock())
        ).store
        #expect(throws: StoreError.laptopOnly(path: folder.file("d.sqlite"))) {
            try district.importHouseholds(folder.file("r.csv"), HouseholdImportOptions())
        }
    }
}
