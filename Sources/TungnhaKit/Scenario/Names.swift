/// Vietnamese names for generated households: common family names with their rough frequencies,
/// middle names and given names as they are usually paired.
enum Names {
    static let families: [(String, Int)] = [
        ("Nguyễn", 380), ("Trần", 110), ("Lê", 95), ("Phạm", 70), ("Hoàng", 50), ("Phan", 45), ("Vũ", 39), ("Đặng", 21),
        ("Bùi", 20), ("Đỗ", 14), ("Hồ", 13), ("Ngô", 13), ("Dương", 10), ("Lý", 5), ("Đinh", 5), ("Trương", 5), ("Võ", 5),
        ("Huỳnh", 4), ("Lương", 3), ("H'Đơk", 2), ("Y Kông", 1),
    ]
    static let maleMiddle = ["Văn", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Xuân", "Công", "Đình", "Ngọc"]
    static let femaleMiddle = ["Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Minh", "Hồng", "Phương"]
    static let maleGiven = [
        "An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hải", "Hiếu", "Hoàng", "Hùng", "Huy", "Khánh", "Long", "Minh", "Nam",
        "Nghĩa", "Phong", "Phúc", "Quân", "Sơn", "Tâm", "Thắng", "Thành", "Toàn", "Trung", "Tuấn", "Việt", "Vinh",
    ]
    static let femaleGiven = [
        "Anh", "Bích", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hoà", "Hương", "Lan", "Liên", "Linh", "Loan", "Mai",
        "Nga", "Ngọc", "Nhung", "Oanh", "Phương", "Quyên", "Thảo", "Thuỷ", "Trang", "Vân", "Yến",
    ]
    static let streets = ["Lê Lợi", "Trần Hưng Đạo", "Nguyễn Trãi", "Hùng Vương", "Quang Trung", "Lý Thường Kiệt", "Hai Bà Trưng", "Võ Thị Sáu"]
    static let procedures = [
        "Đăng ký thường trú", "Đăng ký khai sinh", "Cấp phiếu lý lịch tư pháp", "Đăng ký tạm trú", "Cấp đổi giấy phép lái xe",
        "Thanh toán tiền điện", "Đăng ký kết hôn",
    ]
    static let volunteers = ["Lan", "Minh", "Hương", "Tuấn", "Hà", "Dũng", "Trang", "Sơn", "Linh", "Quân"]
}
