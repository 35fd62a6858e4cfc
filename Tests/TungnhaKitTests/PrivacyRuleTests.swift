import Foundation
import Testing
@testable import TungnhaKit

/// The holes of issue 9 under "The 'no ID numbers' rule can be bypassed".
@Suite struct PrivacyRuleTests {
    @Test func runsBrokenByPunctuationOrWrittenInOtherDigitsAreCaught() {
        for text in [
            "001/234/567/890", "001,234,567,890", "001_234_567_890", "0+0+1+2+3+4+5+6+7", "001:234:567:890", "(001) 234-567-890",
            "CCCD: 001 - 234 - 567 - 890", "００１２３４５６７８９０", "٠٠١٢٣٤٥٦٧٨٩", "0０1١2２3٣4", "0912.345.678",
        ] {
            #expect(PersonalData.finding(in: text) == .digitRun, "\(text)")
        }
        for text in ["Số 12, ngõ 5", "Số 12345678", "Tổ 3, xóm 4, thôn 5", "hẹn lại 20/11/2026 09:30", "2026-11-20 lúc 9h30", "Kiot 12-14 (tầng 2)"] {
            #expect(PersonalData.finding(in: text) == nil, "\(text)")
        }
    }

    @Test func textSplitsIntoWordsAndNumbersWhateverItsScript() {
        // Letters of several bytes stay in their word; digits of other scripts count as digits.
        #expect(PersonalData.tokens("Mật khẩu: ５６７, ΩOTP 12") == [.word("mat"), .word("khau"), .number(digits: 3), .word("ωotp"), .number(digits: 2)])
        // Up to three spaces or symbols keep a run going; an emoji of four bytes is one symbol.
        #expect(PersonalData.scan("Đường ２０２６ 1 2 3 4 😀 5") == (longest: 9, digits: 9))
        #expect(PersonalData.scan("Đường ２０２６ 1 2 3 4 😀 😀 5") == (longest: 8, digits: 9))
    }

    @Test func aNumberNextToASecretsNameIsCaught() {
        for text in [
            "mật khẩu 123456", "OTP 12345678", "mã OTP: 4821", "Mật khẩu là 888 888", "CCCD số 0123", "pass: 1234", "482193 là mã OTP",
            "mk 246810", "căn cước 035090", "mã PIN 1234",
        ] {
            #expect(PersonalData.finding(in: text) == .secretNumber, "\(text)")
        }
        for text in ["mã OTP 6 số", "đã làm căn cước năm 2024", "căn cước 12/2023", "chưa nhớ mật khẩu", "tài khoản định danh điện tử mức 2"] {
            #expect(PersonalData.finding(in: text) == nil, "\(text)")
        }
    }

    @Test func everyFreeTextFieldRefusesThemAndSaysWhatToDo() throws {
        let folder = TemporaryFolder()
        let laptop = try phuLyLaptop(folder)
        let household = try laptop.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", noNames: true, address: "Số 1"))
        let before = try laptop.snapshot()
        #expect(throws: RecordError.secretNumber(field: .note)) {
            try laptop.recordVisit(household: household.code, VisitInput(outcome: .met, volunteer: "Lan", note: "mật khẩu 123456"))
        }
        #expect(throws: RecordError.secretNumber(field: .procedure)) {
            try laptop.recordVisit(household: household.code, VisitInput(outcome: .met, volunteer: "Lan", procedure: "OTP 12345678"))
        }
        #expect(throws: RecordError.digitRun(field: .address)) {
            try laptop.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", noNames: true, address: "Số 001/234/567/890"))
        }
        #expect(try laptop.snapshot() == before)
        // The advice names an option the commands have (a visit has no --phone; household edit has).
        #expect(RecordError.digitRun(field: .note).text(.vi).contains("tungnha household edit MÃ_HỘ --phone SỐ"))
        #expect(RecordError.secretNumber(field: .note).text(.en) == "The note holds a number next to a word naming a password, one-time code, PIN or ID number. Never write these numbers of anyone, anywhere. Remove the number and try again. Nothing was recorded.")
    }

    @Test func theDeviceNameAndTheRegistersVillagesFollowTheRuleToo() throws {
        let folder = TemporaryFolder()
        #expect(throws: RecordError.digitRun(field: .deviceName)) {
            try Store.initialize(at: folder.file("a.sqlite"), role: .laptop, label: "Laptop 035090001234", commune: phuLy, province: nil)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.file("a.sqlite")))
        let district = try Store.initialize(at: folder.file("d.sqlite"), role: .provinceGathering, label: "Máy chủ huyện", commune: nil, province: nil).store
        try "13285,Thôn 001 234 567 890,120\n".write(toFile: folder.file("register.csv"), atomically: true, encoding: .utf8)
        #expect(throws: RegisterError.village(line: 1, problem: .digitRun(field: .village))) { try district.importRegister(folder.file("register.csv")) }
        #expect(try district.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM register")! } == 0)
    }

    @Test func mergedBatchesFollowTheRuleInEveryField() throws {
        let field = try Field()
        let note = OutsiderFile(
            header: OutsiderFile.header(device: Field.mallory, events: 1),
            events: [OutsiderFile.event(device: Field.mallory, seq: 1, type: "visit.recorded", household: field.household, data: #"{"volunteer":"M","outcome":"met","note":"OTP 12345678"}"#)])
        let label = OutsiderFile(
            header: OutsiderFile.header(device: Field.mallory, label: "Laptop 001.234.567.890", events: 1),
            events: [OutsiderFile.event(device: Field.mallory, seq: 1, type: "village.added", data: #"{"name":"Thôn 1"}"#)])
        let village = OutsiderFile(
            header: OutsiderFile.header(device: Field.mallory, events: 1),
            events: [OutsiderFile.event(device: Field.mallory, seq: 1, type: "village.added", data: #"{"name":"Thôn ０１２３４５６７８９"}"#)])
        let (outcome, unchanged) = try field.refusedLeavingUnchanged([
            try note.write(to: field.folder.file("in/note.jsonl"), signer: signer(Field.mallory)),
            try label.write(to: field.folder.file("in/label.jsonl"), signer: signer(Field.mallory)),
            try village.write(to: field.folder.file("in/village.jsonl"), signer: signer(Field.mallory)),
        ])
        #expect(outcome.files.map(\.refusal) == ["badEvent", "badHeader", "badEvent"])
        #expect(outcome.files.map(\.message) == [
            "Dòng 2: trường \"data.note\" có một con số ngay cạnh từ chỉ mật khẩu, mã OTP hoặc số căn cước, tungnha không nhận.",
            "Dòng 1 (phần đầu tệp): trường \"deviceLabel\" chứa dãy từ 9 chữ số (giống số CCCD hoặc mã OTP), tungnha không nhận.",
            "Dòng 2: trường \"data.name\" chứa dãy từ 9 chữ số (giống số CCCD hoặc mã OTP), tungnha không nhận.",
        ])
        #expect(unchanged)
    }
}
