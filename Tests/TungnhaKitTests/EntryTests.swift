import Foundation
import GRDB
import Testing
@testable import TungnhaKit

@Suite struct FoldingIYTests {
    @Test func iAndYAfterAConsonantFoldAlike() {
        #expect(Folding.fold("Lý") == "li")
        #expect(Folding.fold("Lí") == "li")
        #expect(Folding.fold("Phủ Lý") == "phu li")
        #expect(Folding.fold("Phủ Lí") == "phu li")
        #expect(Folding.fold("Kỳ Anh") == "ki anh")
        #expect(Folding.fold("Mỹ Thy") == "mi thi")
        #expect(Folding.fold("Quý") == Folding.fold("Quí"))
        #expect(Folding.fold("Quí") == "quy")
    }

    @Test func diphthongsAndWordsLongerThanOneSyllableStayApart() {
        #expect(Folding.fold("Hay") == "hay")
        #expect(Folding.fold("Hai") == "hai")
        #expect(Folding.fold("Huy") == "huy")
        #expect(Folding.fold("Thuỷ") == "thuy")
        #expect(Folding.fold("Nguyễn Thị Linh") == "nguyen thi linh")
        #expect(Folding.fold("Yến") == "yen")
        // A query that stops inside a word still finds it: "li" is in "linh", "quy" in "quyen".
        #expect(Folding.fold("Linh").contains(Folding.fold("Ly")))
        #expect(Folding.fold("Quyên").contains(Folding.fold("Qui")))
    }

    @Test func decomposedTextFoldsTheSameWay() {
        #expect(Folding.fold("Ly\u{0301}") == "li")
    }
}

@Suite struct ChoiceTests {
    @Test func vietnameseWordsWithOrWithoutDiacritics() {
        #expect(Sex(word: "nữ") == .female)
        #expect(Sex(word: "NU") == .female)
        #expect(Sex(word: "Nam") == .male)
        #expect(VisitOutcome(word: "gặp") == .met)
        #expect(VisitOutcome(word: "tu choi") == .refused)
        #expect(VisitOutcome(word: "từ-chối") == .refused)
        #expect(VisitOutcome(word: "chuyển đi") == .moved)
        #expect(VisitOutcome(word: "vang") == .absent)
        #expect(YesNo(word: "Có") == .yes)
        #expect(YesNo(word: "khong") == .no)
        #expect(MemberStatus(word: "mất") == .died)
        #expect(MemberStatus(word: "o nha") == .present)
        #expect(Help(word: "cài vneid") == .installedVneid)
        #expect(Help(word: "guided-login") == .guidedLogin)
        #expect(VneidStatus(word: "ckh") == .pending)
        #expect(VneidStatus(word: "mức 2") == .level2)
    }

    @Test func otherWordsAreRefused() {
        #expect(Sex(word: "x") == nil)
        #expect(VisitOutcome(word: "") == nil)
        #expect(YesNo(word: "có lẽ") == nil)
    }

    @Test func theWordsShownAreTheLanguagesOwn() {
        #expect(Sex.choices(.vi) == "nam|nữ")
        #expect(Sex.choices(.en) == "male|female")
        #expect(VisitOutcome.choices(.vi) == "gặp|vắng|từ chối|chuyển đi")
    }
}

@Suite struct SuggestionTests {
    @Test func closeNamesFirstFarOnesLeftOut() {
        #expect(Suggestions.closest(to: "lisst", among: ["add", "edit", "list", "show", "search"]) == ["list"])
        #expect(Suggestions.closest(to: "to dan pho le loj", among: ["Thôn 3", "Tổ dân phố Lê Lợi", "Tổ dân phố Lê Lai"]) == ["Tổ dân phố Lê Lợi", "Tổ dân phố Lê Lai"])
        #expect(Suggestions.closest(to: "zzz", among: ["status"]) == [])
    }
}

@Suite struct PrompterTests {
    @Test func aRefusedAnswerIsExplainedAndAskedAgain() throws {
        var screen = ""
        let prompter = Prompter(language: .vi, source: ScriptedAnswers(["x", "3", "2"])) { screen += $0 }
        let chosen = try prompter.choose("Chọn:", ["a", "b"])
        #expect(chosen == "b")
        // No terminal echoes the answers here: each refusal follows its question on the same line.
        #expect(screen == "Chọn:   ✗ \"x\" không phải là số trong danh sách. Hãy gõ số thứ tự.\nChọn:   ✗ Không có số 3 trong danh sách: hãy gõ từ 1 đến 2.\nChọn: ")
    }

    @Test func theEndOfInputAbandonsTheDialogue() {
        let prompter = Prompter(language: .vi, source: ScriptedAnswers(["maybe"])) { _ in }
        #expect(throws: DialogueAbandoned.self) { try prompter.yesNo("Ghi lại? (c/k):") }
    }

    @Test func aGuidedHouseholdIsTheSameInputAsTheFlags() throws {
        let folder = TemporaryFolder()
        let store = try phuLyLaptop(folder)
        let answers = ScriptedAnswers(["c", "Nguyễn Văn An", "CCCD 035090001234", "Số 12", "", "c"])
        var screen = ""
        let input = try #require(try GuidedEntry.household(store, Prompter(language: .vi, source: answers) { screen += $0 }))
        #expect(input.village == "Tổ dân phố Lê Lợi")
        #expect(input.headName == "Nguyễn Văn An")
        #expect(input.address == "Số 12")
        #expect(input.phone == nil)
        #expect(input.noNames == false)
        // The library's own check refused the ID-card number in the address, at once.
        #expect(screen.contains("✗ Địa chỉ có một dãy từ 9 chữ số trở lên"))
        // Nothing was written by the dialogue itself.
        #expect(try store.households().isEmpty)
    }
}

extension PrompterTests {
    @Test func aVillageTypoAtThePromptSuggestsTheVillageThatExists() throws {
        let folder = TemporaryFolder()
        let store = try phuLyLaptop(folder)
        _ = try store.addVillage(name: "Thôn 3")
        var screen = ""
        let answers = ScriptedAnswers(["to dan pho le loj", "to dan pho le loi", "k", "Số 16", "", "c"])
        let input = try #require(try GuidedEntry.household(store, Prompter(language: .vi, source: answers) { screen += $0 }))
        #expect(input.village == "Tổ dân phố Lê Lợi")
        #expect(input.noNames)
        #expect(screen.contains("  ✗ Chưa có thôn/tổ dân phố \"to dan pho le loj\" trên máy này. Có phải bạn muốn:\n  \"Tổ dân phố Lê Lợi\"\n"))
    }
}

@Suite struct EntryCheckTests {
    @Test func aDayAloneIsNotATime() {
        #expect(throws: EntryError.dateWithoutTime(text: "2026-11-20")) { try EntryChecks.visitTime("2026-11-20", now: fixedStart) }
        #expect(throws: EntryError.dateWithoutTime(text: "20/11/2026")) { try EntryChecks.visitTime(" 20/11/2026 ", now: fixedStart) }
        #expect(throws: Never.self) { try EntryChecks.visitTime("20/11/2026 08:15", now: fixedStart) }
    }

    @Test func followUpTodayOrLater() throws {
        let today = LocalDate(year: 2026, month: 11, day: 20)!
        #expect(try EntryChecks.followUp("20/11/2026", today: today) == today)
        #expect(throws: EntryError.followUpInPast(date: LocalDate(year: 2026, month: 11, day: 19)!, today: today)) {
            try EntryChecks.followUp("2026-11-19", today: today)
        }
    }
}

@Suite struct RefoldingMigrationTests {
    /// A store written before i and y folded alike keeps "phu ly" keys; opening it with this version re-folds them.
    @Test func keysOfAnOlderStoreAreFoldedAgain() throws {
        let folder = TemporaryFolder()
        let store = try phuLyLaptop(folder)
        _ = try store.addVillage(name: "Thôn Phủ Lý")
        _ = try store.registerHousehold(HouseholdInput(village: "Thôn Phủ Lý", headName: "Trần Thị Lý"))
        try store.write { db in
            try db.execute(sql: "UPDATE village SET key = 'thon phu ly' WHERE name = 'Thôn Phủ Lý'")
            try db.execute(sql: "UPDATE household_fold SET village_key = 'thon phu ly', search = replace(search, 'li', 'ly')")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = '2026-12-fold-i-y'")
        }
        let reopened = try Store.open(at: folder.file("laptop.sqlite"), environment: environment(TestClock()))
        let keys = try reopened.read { db in
            try String.fetchAll(db, sql: "SELECT key FROM village ORDER BY key") + String.fetchAll(db, sql: "SELECT village_key || '|' || search FROM household")
        }
        #expect(keys == ["thon phu li", "to dan pho le loi", "thon phu li|tran thi li " + (try reopened.households()[0].code.lowercased())])
        #expect(try reopened.households(village: "thon phu li").count == 1)
        #expect(try reopened.searchHouseholds("Lí").count == 1)
    }
}

@Suite struct ToneMarkStyleTests {
    /// The catalogue writes tone marks in the new style ("hoà", "thuỷ", "tuỳ"), never the old ("hòa", "thủy", "tùy").
    @Test func everyCatalogueStringUsesTheNewStyle() throws {
        let text = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/TungnhaKit/Text")
        let oldStyle = try NSRegularExpression(pattern: "(?<![qQ\\p{L}])\\p{L}*(?<![qQ])(?:[òóỏõọ][ae]|[ùúủũụ]y)(?!\\p{L})", options: [.caseInsensitive])
        // The pattern itself: it must see the old style and pass the new.
        #expect(oldStyle.numberOfMatches(in: "Hòa, thủy, tùy", range: NSRange(location: 0, length: 14)) == 3)
        #expect(oldStyle.numberOfMatches(in: "Hoà, thuỷ, quý", range: NSRange(location: 0, length: 14)) == 0)
        var found: [String] = []
        // The library's catalogue, and the executable's (help texts and the parser's words).
        let executable = text.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("tungnha/Text")
        for folder in [text, executable] {
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasPrefix("Catalogue") {
            let source = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for match in oldStyle.matches(in: source, range: NSRange(source.startIndex..., in: source)) {
                found.append(name + ": " + (source as NSString).substring(with: match.range))
            }
        }
        }
        // The one exception: the national motto is quoted as official documents write it (Nghị định 30/2020/NĐ-CP).
        #expect(found == ["Catalogue+Office.swift: HÒA"])
    }
}
