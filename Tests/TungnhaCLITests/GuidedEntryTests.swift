import Foundation
import Testing

/// A volunteer without flags, on a real pseudo-terminal: a household and two members by answering questions,
/// one visit, then a second visit given up half-way with Ctrl-C. The store must hold exactly the first three.
@Suite struct GuidedEntryTests {
    /// Waits for each question, then answers it; a step without an answer only waits (for a refusal's reason).
    func answer(_ terminal: PseudoTerminal, _ steps: [(question: String, answer: String?)]) throws {
        for step in steps {
            try terminal.waitFor(step.question)
            if let answer = step.answer { terminal.type(answer) }
        }
    }

    @Test func householdMembersAndVisitByAnsweringThenCtrlCLeavesNothing() throws {
        let cli = CLI()
        #expect(try cli.run("init", "--commune", "13285", "--device-name", "Laptop tổ 1").status == 0)
        #expect(try cli.run("village", "add", "Tổ dân phố Lê Lợi").status == 0)

        let household = try PseudoTerminal(["household", "add"], cli: cli)
        try answer(household, [
            ("Hộ có đồng ý cho ghi tên không? (c/k):", "c"),
            ("Tên chủ hộ:", "Nguyễn Văn An"),
            ("Địa chỉ (ví dụ Số 12, ngõ 5; Enter: bỏ qua):", "Số 12, ngõ 5"),
            // A phone number the library refuses is explained at once, and asked again.
            ("Số điện thoại liên hệ (Enter: bỏ qua):", "12345"),
            ("✗ Số điện thoại \"12345\" không đúng", nil),
            ("Số điện thoại liên hệ (Enter: bỏ qua):", ""),
            ("Ghi lại? (c/k):", "c"),
            ("Thêm thành viên cho hộ này ngay bây giờ? (c/k):", "c"),
            ("Tên thành viên:", "Nguyễn Văn An"),
            ("Năm sinh (ví dụ 1980):", "1970"),
            ("Giới tính: nam/nữ (Enter: bỏ qua):", "nam"),
            ("Quan hệ với chủ hộ (ví dụ vợ, con; Enter: bỏ qua):", "chủ hộ"),
            ("Ghi lại? (c/k):", "c"),
            ("Thêm thành viên khác? (c/k):", "c"),
            ("Tên thành viên:", "Lê Thị Lý"),
            ("Năm sinh (ví dụ 1980):", "2090"),
            ("✗ Năm sinh 2090 không hợp lệ: cần một năm từ 1900 đến 2026.", nil),
            ("Năm sinh (ví dụ 1980):", "1975"),
            ("Giới tính: nam/nữ (Enter: bỏ qua):", "nu"),
            ("Quan hệ với chủ hộ (ví dụ vợ, con; Enter: bỏ qua):", "vợ"),
            ("Ghi lại? (c/k):", "c"),
            ("Thêm thành viên khác? (c/k):", "k"),
        ])
        #expect(try household.exitStatus() == 0)
        #expect(household.screen.contains("Sẽ ghi:\n  Một hộ mới\n    Thôn/tổ dân phố: Tổ dân phố Lê Lợi\n    Chủ hộ: Nguyễn Văn An\n    Địa chỉ: Số 12, ngõ 5\nGhi lại? (c/k): c\nĐã ghi hộ "))

        let visit = try PseudoTerminal(["visit"], cli: cli)
        try answer(visit, [
            ("Tìm hộ: gõ một phần tên chủ hộ, địa chỉ hoặc mã hộ (không cần dấu):", "nguyen van"),
            ("Chọn hộ (gõ số; Enter để tìm lại):", "1"),
            ("Lúc nào?", "2026-11-20"),
            ("✗ Thời điểm \"2026-11-20\" mới có ngày, chưa có giờ; tungnha không tự đoán giờ.", nil),
            ("Lúc nào?", "20/11/2026 08:30"),
            ("Người đến hộ (tên bạn; máy sẽ nhớ cho các lần sau):", "Lan"),
            ("Kết quả:", "gặp"),
            ("Gặp những ai?", "1,2"),
            ("Tài khoản định danh điện tử (VNeID):", "2"),
            ("Tự đăng nhập VNeID được không?", "c"),
            ("Đã tự làm được một thủ tục dịch vụ công trực tuyến (DVCTT) chưa?", "có"),
            ("Đã tự thanh toán trực tuyến chưa?", ""),
            ("Có điện thoại thông minh không?", "c"),
            ("Tài khoản định danh điện tử (VNeID):", "ckh"),
            ("Tự đăng nhập VNeID được không?", "k"),
            ("Đã tự làm được một thủ tục dịch vụ công trực tuyến (DVCTT) chưa?", ""),
            ("Đã tự thanh toán trực tuyến chưa?", ""),
            ("Có điện thoại thông minh không?", "c"),
            ("Đã hỗ trợ gì?", "1,4"),
            ("Thủ tục đã hướng dẫn", "Đăng ký thường trú"),
            ("Ngày hẹn đến lại", "19/11/2026"),
            ("✗ Ngày hẹn đến lại 19/11/2026 đã qua (hôm nay là 20/11/2026).", nil),
            ("Ngày hẹn đến lại", "27/11/2026"),
            ("Ghi lại? (c/k):", "c"),
        ])
        #expect(try visit.exitStatus() == 0)
        #expect(visit.screen.contains("✓ Hộ đã có người biết sử dụng: Nguyễn Văn An"))

        // The second visit: given up at the follow-up question.
        let abandoned = try PseudoTerminal(["visit"], cli: cli)
        try answer(abandoned, [
            ("Tìm hộ:", "an"),
            ("Chọn hộ (gõ số; Enter để tìm lại):", "1"),
            ("Lúc nào?", ""),
            ("Người đến hộ (Enter: Lan):", ""),
            ("Kết quả:", "vắng"),
        ])
        try abandoned.waitFor("Ngày hẹn đến lại")
        abandoned.interrupt()
        let status = try abandoned.exitStatus()
        #expect(status == 130, "\(abandoned.screen)")
        #expect(abandoned.screen.hasSuffix("Đã dừng (Ctrl-C). Không ghi gì cả; kho dữ liệu vẫn như trước.\n"))

        // The store holds exactly what was confirmed.
        let list = try cli.json("household", "list") as! [[String: Any]]
        #expect(list.count == 1)
        let summary = list[0]
        #expect(summary["headName"] as? String == "Nguyễn Văn An")
        #expect(summary["address"] as? String == "Số 12, ngõ 5")
        #expect(summary["village"] as? String == "Tổ dân phố Lê Lợi")
        #expect(summary["members"] as? Int == 2)
        #expect(summary["visits"] as? Int == 1)
        #expect(summary["covered"] as? Bool == true)
        #expect(summary["followUp"] as? String == "2026-11-27")
        #expect(summary["lastVisit"] as? String == "2026-11-20T08:30:00+07:00")

        let detail = try cli.json("household", "show", summary["shortCode"] as! String) as! [String: Any]
        let members = (detail["members"] as! [[String: Any]]).map { member in
            [member["name"], member["birthYear"], member["sex"], member["relation"], member["vneid"], member["login"], member["dvctt"],
             member["paidOnline"], member["smartphone"]].map { $0.map { "\($0)" } ?? "—" }
        }
        #expect(members == [
            ["Nguyễn Văn An", "1970", "male", "chủ hộ", "level2", "1", "1", "—", "1"],
            ["Lê Thị Lý", "1975", "female", "vợ", "pending", "0", "—", "—", "1"],
        ])
        let visits = detail["visits"] as! [[String: Any]]
        #expect(visits.count == 1)
        #expect(visits[0]["outcome"] as? String == "met")
        #expect(visits[0]["volunteer"] as? String == "Lan")
        #expect(visits[0]["help"] as? [String] == ["installed-vneid", "guided-procedure"])
        #expect(visits[0]["procedure"] as? String == "Đăng ký thường trú")
        #expect(visits[0]["observed"] as? Int == 2)
        #expect(detail["consent"] as? Bool == true)
        #expect(detail["phone"] == nil)
    }

    @Test func pipedInputNeverPrompts() throws {
        let cli = CLI()
        try cli.run("init", "--commune", "13285", "--device-name", "Laptop tổ 1")
        let output = try cli.run(["visit"], input: "1\n")
        #expect(output.status == 1)
        #expect(output.stdout == "")
        #expect(output.stderr == "Lỗi: Lệnh tungnha visit còn thiếu thông tin. Trong cửa sổ dòng lệnh, chạy tungnha visit không kèm gì để được hỏi từng bước; khi chạy bằng tập lệnh hoặc với --json, hãy ghi đủ các tham số (xem tungnha visit --help).\n")
    }

    @Test func noAtTheEndRecordsNothing() throws {
        let cli = CLI()
        try cli.run("init", "--commune", "13285", "--device-name", "Laptop tổ 1")
        try cli.run("village", "add", "Thôn 3")
        let terminal = try PseudoTerminal(["household", "add"], cli: cli)
        try answer(terminal, [
            ("Hộ có đồng ý cho ghi tên không? (c/k):", "k"),
            ("Địa chỉ", "Số 16"),
            ("Số điện thoại liên hệ", ""),
            ("Ghi lại? (c/k):", "không"),
        ])
        #expect(try terminal.exitStatus() == 0)
        #expect(terminal.screen.hasSuffix("Không ghi gì cả; kho dữ liệu vẫn như trước.\n"))
        #expect((try cli.json("household", "list") as! [Any]).isEmpty)
    }
}
