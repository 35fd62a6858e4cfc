import Foundation
import Testing
@testable import TungnhaKit

@Suite struct FoldingTests {
    @Test func foldsCaseAndDiacritics() {
        #expect(Folding.fold("Nguyễn Văn An") == "nguyen van an")
        #expect(Folding.fold("  Trần   Thị\nBình ") == "tran thi binh")
    }

    @Test func foldsDWithStroke() {
        #expect(Folding.fold("Đặng") == "dang")
        #expect(Folding.fold("đường Đồng Đăng") == "duong dong dang")
    }

    @Test func toneMarkPlacementFoldsAlike() {
        #expect(Folding.fold("Hoà") == Folding.fold("Hòa"))
        #expect(Folding.fold("Thuỷ") == Folding.fold("Thủy"))
    }

    @Test func everyVietnameseLetterFolds() {
        #expect(Folding.fold("ĂẮẰẲẴẶ ÂẤẦẨẪẬ ăắằẳẵặ âấầẩẫậ") == "aaaaaa aaaaaa aaaaaa aaaaaa")
        #expect(Folding.fold("ƠỚỜỞỠỢ ƯỨỪỬỮỰ ơớờởỡợ ưứừửữự") == "oooooo uuuuuu oooooo uuuuuu")
        #expect(Folding.fold("ÊẾỀỂỄỆ ÔỐỒỔỖỘ ÍÌỈĨỊ ÝỲỶỸỴ Đđ") == "eeeeee oooooo iiiii yyyyy dd")
        // Outside the precomposed Latin letters the full decomposition still applies.
        #expect(Folding.fold("Nguyễn Ø") == "nguyen ø")
    }

    @Test func aConsonantThenYFoldsToI() {
        // Every onset of one, two and three letters; after "qu" to y; a diphthong, or a letter that starts no
        // syllable, stays as it is.
        #expect(Folding.fold("Lê Thị Lý, Kỳ Thy, Nghỵ Xý Trỷ") == "le thi li, ki thi, nghi xi tri")
        #expect(Folding.fold("Quí quỳ") == "quy quy")
        #expect(Folding.fold("Hay Huy Wy Fy Ay") == "hay huy wy fy ay")
    }

    @Test func decomposedInputFoldsLikeComposed() {
        let decomposed = "Nguye\u{0302}\u{0303}n"  // ê and tilde as combining marks
        #expect(Folding.fold(decomposed) == "nguyen")
    }

    @Test func cleanStoresNFC() {
        let decomposed = "Nguye\u{0302}\u{0303}n  Va\u{0306}n"
        let cleaned = Folding.clean(decomposed)
        #expect(Array(cleaned.utf8) == Array("Nguyễn Văn".utf8))
    }

    @Test func tableAlignsByDisplayWidth() {
        var table = TextTable(headers: ["Tên", "Số"], alignments: [.left, .right])
        table.rows = [["Nguyễn", "1"], ["Nguye\u{0302}\u{0303}n", "22"]]
        #expect(table.render() == "Tên     Số\n──────  ──\nNguyễn   1\nNguye\u{0302}\u{0303}n  22")
    }
}

@Suite struct PersonalDataTests {
    @Test func nineDigitsAreRefused() {
        #expect(PersonalData.looksLikeIdentityNumber("CCCD 001099012345"))
        #expect(PersonalData.looksLikeIdentityNumber("mã 123456789"))
        #expect(PersonalData.looksLikeIdentityNumber("gọi 0912 345 678"))
        #expect(PersonalData.looksLikeIdentityNumber("0912.345.678"))
    }

    @Test func shorterRunsAreFine() {
        #expect(!PersonalData.looksLikeIdentityNumber("Số nhà 12345678"))
        #expect(!PersonalData.looksLikeIdentityNumber("ngõ 5, số 12, năm 2026"))
        #expect(!PersonalData.looksLikeIdentityNumber("20/11/2026"))
    }

    @Test func phoneNumbersAreNormalized() {
        #expect(PersonalData.normalizedPhone("0912 345 678") == "0912345678")
        #expect(PersonalData.normalizedPhone("+84 912 345 678") == "0912345678")
        #expect(PersonalData.normalizedPhone("12345") == nil)
    }
}

@Suite struct MomentTests {
    @Test func readsAndWritesRFC3339() {
        let moment = Moment(rfc3339: "2026-11-20T09:15:00+07:00")
        #expect(moment?.millis == 1_795_140_900_000)
        #expect(moment?.rfc3339 == "2026-11-20T09:15:00+07:00")
        #expect(Moment(rfc3339: "2026-11-20T02:15:00Z")?.millis == 1_795_140_900_000)
        // Milliseconds only when there are some; the moment's own offset, west of Greenwich too.
        #expect(Moment(rfc3339: "2026-11-20T02:15:00.050Z")?.rfc3339 == "2026-11-20T02:15:00.050Z")
        #expect(Moment(rfc3339: "1999-12-31T23:59:59.999-03:30")?.rfc3339 == "1999-12-31T23:59:59.999-03:30")
    }

    @Test func refusesImpossibleDates() {
        #expect(Moment(rfc3339: "2026-02-29T09:00:00+07:00") == nil)
        #expect(Moment(rfc3339: "2026-13-01T09:00:00+07:00") == nil)
        #expect(Moment(rfc3339: "2026-11-20T24:00:00+07:00") == nil)
        #expect(Moment(rfc3339: "2026-11-20 09:00:00") == nil)
        #expect(Moment(rfc3339: "2028-02-29T09:00:00+07:00") != nil)
    }

    @Test func readsWhatVolunteersType() {
        #expect(Moment(userInput: "2026-11-20 09:15")?.rfc3339 == "2026-11-20T09:15:00+07:00")
        #expect(Moment(userInput: "20/11/2026 09:15")?.rfc3339 == "2026-11-20T09:15:00+07:00")
        #expect(Moment(userInput: "2026-11-20")?.rfc3339 == "2026-11-20T12:00:00+07:00")
        #expect(Moment(userInput: "31/11/2026 09:15") == nil)
        #expect(Moment(userInput: "hôm qua") == nil)
    }

    @Test func daysInVietnam() {
        #expect(Moment(rfc3339: "2026-11-20T18:00:00Z")?.vietnamDate.description == "2026-11-21")
        #expect(LocalDate("2026-11-20")?.endMillis == Moment(rfc3339: "2026-11-20T23:59:59.999+07:00")!.millis)
        #expect(LocalDate("30/02/2026") == nil)
    }
}

@Suite struct JSONTests {
    @Test func parsesAndWritesCanonically() throws {
        let value = try JSONParser.parse(#"{ "b": [1, true, null], "a": "Nguyễn \"An\"\n" }"#)
        #expect(JSONWriter.canonical(value) == #"{"a":"Nguyễn \"An\"\n","b":[1,true,null]}"#)
    }

    @Test func escapesDecode() throws {
        #expect(try JSONParser.parse(#""\u0110\u1eb7ng""#) == .string("Đặng"))
        #expect(try JSONParser.parse(#""\ud83d\ude00""#) == .string("😀"))
    }

    @Test func errorsSayWhere() {
        #expect(throws: JSONSyntaxError(offset: 6, reason: .unexpectedEnd)) { try JSONParser.parse(#"{"a":1"#) }
        #expect(throws: JSONSyntaxError(offset: 8, reason: .duplicateKey("a"))) { try JSONParser.parse(#"{"a":1, "a":2}"#) }
        #expect(throws: JSONSyntaxError(offset: 6, reason: .unexpectedCharacter(UInt8(ascii: "}")))) { try JSONParser.parse(#"{"a": }"#) }
        #expect(throws: JSONSyntaxError(offset: 2, reason: .trailingCharacters)) { try JSONParser.parse("1 2") }
    }

    @Test func aStringEndsEscapesAndStopsWhereverTheByteFalls() throws {
        // Strings are scanned eight bytes at a time: a quote, a backslash, a control or a letter beyond ASCII is
        // found at every offset within and across those eight.
        func parse(_ bytes: [UInt8]) throws -> JSONValue { try bytes.withUnsafeBufferPointer { try JSONParser.parse($0) } }
        let quote = UInt8(ascii: "\"")
        for length in 0..<20 {
            let before = String(repeating: "a", count: length)
            let plain = Array(before.utf8)
            #expect(try parse([quote] + plain + [quote]) == .string(before))
            #expect(try parse([quote] + plain + Array(#"\"x"#.utf8) + [quote]) == .string(before + "\"x"))
            #expect(try parse([quote] + plain + Array("ễb".utf8) + [quote]) == .string(before + "ễb"))
            #expect(throws: JSONSyntaxError(offset: length + 1, reason: .unexpectedCharacter(0x09))) { try parse([quote] + plain + [0x09, quote]) }
            #expect(throws: JSONSyntaxError(offset: length + 2, reason: .unexpectedEnd)) { try parse([quote] + plain + [0x61]) }
            #expect(JSONWriter.canonical(.string(before)) == "\"" + before + "\"")
            #expect(JSONWriter.canonical(.string(before + "ễ\"\t")) == "\"" + before + #"ễ\"\t""#)
        }
    }

    @Test func textThatIsNotUTF8IsRefused() throws {
        func parse(_ bytes: [UInt8]) throws -> JSONValue { try bytes.withUnsafeBufferPointer { try JSONParser.parse($0) } }
        let quote = UInt8(ascii: "\"")
        #expect(try parse([quote] + Array("Nguy".utf8) + [0xE1, 0xBB, 0x85, UInt8(ascii: "n"), quote]) == .string("Nguyễn"))
        // A byte no UTF-8 has; an emoji cut short (its repair is as long as it); an overlong "/"; a surrogate.
        for bad: [UInt8] in [[0xFF], [0xF0, 0x9F, 0x98], [0xC0, 0xAF], [0xED, 0xA0, 0x80]] {
            #expect(throws: JSONSyntaxError(offset: 1, reason: .invalidUTF8)) { try parse([quote] + bad + [quote]) }
            #expect(throws: JSONSyntaxError(offset: 3 + bad.count, reason: .invalidUTF8)) {
                try parse([quote, UInt8(ascii: "\\"), UInt8(ascii: "n")] + bad + [quote])
            }
        }
    }
}

@Suite struct ShortCodeTests {
    @Test func prefixesAreNormalized() {
        #expect(ShortCode.normalize("k7m-3qx") == "K7M3QX")
        #expect(ShortCode.normalize("O1L") == "011")
    }

    @Test func abbreviationGrowsUntilUnique() {
        #expect(ShortCode.abbreviate("ABCDEFGH12", neighbours: ["ABCDEFGJ34"]) == "ABCDEFGH")
        #expect(ShortCode.abbreviate("ABCDEFGH12", neighbours: ["XYZ"]) == "ABCDEF")
    }
}
