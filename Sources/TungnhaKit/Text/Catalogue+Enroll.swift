import Foundation

// The message catalogue: enrolling and revoking machines, and sealed batches.

extension EnrollmentError {
    public func text(_ l: Language) -> String {
        let again = l.pick(" Nhờ máy kia ghi lại tệp: tungnha enroll show --out TỆP", " Ask the other machine to write the file again: tungnha enroll show --out FILE")
        switch self {
        case .unreadable(let path):
            return l.pick("Không đọc được tệp ghi danh \(path). Kiểm tra tên tệp.", "Cannot read the enrollment file \(path). Check its name.")
        case .notEnrollment(let path):
            return l.pick(
                "\(path) không phải tệp ghi danh của tungnha (tệp do lệnh tungnha enroll show --out TỆP viết).",
                "\(path) is not a tungnha enrollment file (the kind tungnha enroll show --out FILE writes).")
        case .badStatement(let line, let field):
            return l.pick("Tệp ghi danh, dòng \(line): trường \"\(field)\" không đúng.", "Enrollment file, line \(line): field \"\(field)\" is not valid.") + again
        case .badSignature(let line):
            return l.pick(
                "Tệp ghi danh, dòng \(line): chữ ký không khớp, tệp đã bị sửa. Không dùng tệp này.",
                "Enrollment file, line \(line): the signature does not match; the file was changed. Do not use it.") + again
        case .ownFile(let path):
            return l.pick(
                "\(path) là tệp ghi danh của chính máy này. Mang tệp sang máy kia và chạy ở đó: tungnha enroll add TỆP",
                "\(path) is this machine's own enrollment file. Take it to the other machine and run there: tungnha enroll add FILE")
        case .nothingNew(let path):
            return l.pick(
                "Tệp \(path) không có gì mới: các máy trong đó đã được ghi danh ở đây. Xem: tungnha enroll list",
                "\(path) holds nothing new: its machines are enrolled here already. See: tungnha enroll list")
        case .keyChanged(let device, let label):
            return l.pick(
                "\"\(label)\" (mã máy \(device.prefix(8))) đã được ghi danh ở đây với một khoá khác: tệp này có thể là giả. Không ghi danh; hỏi người dùng máy đó.",
                "\"\(label)\" (device \(device.prefix(8))) is enrolled here with another key: this file may be forged. Nothing was enrolled; ask that machine's user.")
        case .roleNotAccepted(let label, _, _):
            return l.pick(
                "Máy của tổ chỉ ghi danh máy tổng hợp; \"\(label)\" là máy của tổ. Hãy ghi danh nó ở máy tổng hợp nhận lô của nó.",
                "A laptop enrolls gathering machines only; \"\(label)\" is a laptop. Enroll it on the gathering machine that receives its batches.")
        case .communeNotAccepted(let label, let commune):
            return l.pick(
                "\"\(label)\" làm việc cho xã \(commune.code), không thuộc nơi máy này nhận tệp. Hãy ghi danh nó ở máy tổng hợp của xã hoặc tỉnh đó.",
                "\"\(label)\" works for commune \(commune.code), outside what this machine accepts. Enroll it on that commune's or province's gathering machine.")
        case .needsFingerprint(let label):
            return l.pick(
                "Cần đối chiếu mã của \"\(label)\" trước khi tin máy đó: chạy lệnh trong cửa sổ dòng lệnh để được hỏi, hoặc thêm --fingerprint MÃ (mã máy kia hiện khi chạy tungnha enroll show, đọc qua điện thoại). Chưa ghi danh gì.",
                "Compare \"\(label)\"'s code before trusting it: run the command in a terminal to be asked, or add --fingerprint CODE (the code the other machine shows with tungnha enroll show, read over the phone). Nothing was enrolled.")
        case .fingerprintMismatch(let label, let typed):
            return l.pick(
                "Mã đối chiếu \(typed) không khớp với mã của \"\(label)\" trong tệp: tệp có thể đã bị đánh tráo trên đường. Chưa ghi danh gì. Hỏi lại mã trên máy kia (tungnha enroll show) và xin lại tệp.",
                "The code \(typed) does not match \"\(label)\"'s in the file: the file may have been swapped on the way. Nothing was enrolled. Ask for the code again on the other machine (tungnha enroll show) and for the file.")
        case .notFound(let text):
            return l.pick("Không có máy đã ghi danh nào tên hoặc mã \"\(text)\". Xem: tungnha enroll list", "No enrolled machine is named \"\(text)\" or has that id. See: tungnha enroll list")
        case .ambiguous(let text, let labels):
            return l.pick(
                "\"\(text)\" khớp với nhiều máy: \(labels.joined(separator: ", ")). Gõ thêm ký tự của mã máy (tungnha enroll list).",
                "\"\(text)\" matches several machines: \(labels.joined(separator: ", ")). Type more of the device id (tungnha enroll list).")
        case .cannotRevokeItself:
            return l.pick("Không thể thu hồi chính máy này. Thu hồi nó ở máy tổng hợp đã ghi danh nó.", "A machine cannot revoke itself. Revoke it on the gathering machine that enrolled it.")
        case .cannotWrite(let path, let detail):
            return l.pick("Không ghi được tệp \(path): \(detail). Chọn nơi khác bằng --out TỆP.", "Cannot write \(path): \(detail). Choose another place with --out FILE.")
        case .noRecipient(let relay):
            if relay {
                return l.pick(
                    "Lô này có tên hoặc số điện thoại người dân, mà chưa máy nào của xã được ghi danh ở đây để niêm phong cho, nên không xuất. Ghi danh các máy của xã (tungnha enroll add TỆP) rồi xuất lại.",
                    "This batch names people or gives phone numbers, and no laptop of the commune is enrolled here to seal it to, so it was not written. Enroll the commune's laptops (tungnha enroll add FILE) and export again.")
            }
            return l.pick(
                "Lô này có tên hoặc số điện thoại người dân, mà máy chưa ghi danh máy tổng hợp nào để niêm phong cho, nên không xuất (tệp không niêm phong ai cũng đọc được). Nhận tệp ghi danh của máy tổng hợp, chạy tungnha enroll add TỆP, rồi xuất lại: tungnha export",
                "This batch names people or gives phone numbers, and this laptop has enrolled no gathering machine to seal it to, so it was not written (anyone could read an unsealed file). Get the gathering machine's enrollment file, run tungnha enroll add FILE, then export again: tungnha export")
        }
    }
}

extension Messages {
    static func roleName(_ role: DeviceIdentity.Role, _ l: Language) -> String {
        switch role {
        case .laptop: return l.pick("máy của tổ", "team laptop")
        case .communeGathering: return l.pick("máy tổng hợp của xã", "commune gathering machine")
        case .provinceGathering: return l.pick("máy tổng hợp của tỉnh", "province gathering machine")
        }
    }

    /// What `enroll show` prints.
    public static func ownEnrollment(_ own: OwnEnrollment, _ l: Language) -> String {
        var lines = [
            l.pick("Máy này: \(own.label) (\(roleName(own.role, l))), mã máy \(own.device.prefix(8)).", "This machine: \(own.label) (\(roleName(own.role, l))), device \(own.device.prefix(8))."),
            l.pick("Mã đối chiếu: \(own.fingerprint)", "Fingerprint: \(own.fingerprint)"),
        ]
        if let file = own.file {
            lines.append(l.pick("Đã ghi tệp ghi danh: \(file)", "Enrollment file written: \(file)"))
            lines.append(own.role == .laptop
                ? l.pick(
                    "Mang tệp về máy tổng hợp (USB, Zalo); ở đó chạy tungnha enroll add TỆP và đọc mã đối chiếu trên cho cán bộ qua điện thoại: hai mã phải giống hệt.",
                    "Take the file to the gathering machine (USB stick, Zalo); there, run tungnha enroll add FILE and read the fingerprint above to the officer by phone: both must be identical.")
                : l.pick(
                    "Gửi tệp cho các máy của tổ (và máy tổng hợp của tỉnh); mỗi máy chạy tungnha enroll add TỆP và so mã đối chiếu trên với mã máy đó hiện.",
                    "Give the file to the teams' laptops (and the province's machine); each runs tungnha enroll add FILE and compares the fingerprint above with the one it shows."))
        } else {
            lines.append(l.pick("Ghi tệp để mang sang máy kia: tungnha enroll show --out TỆP", "Write the file to take to the other machine: tungnha enroll show --out FILE"))
        }
        return lines.joined(separator: "\n")
    }

    /// What `enroll add` shows before asking.
    public static func enrollQuestion(_ machine: TrustedMachine, _ l: Language) -> String {
        var lines = [
            l.pick("Tệp giới thiệu máy: \(machine.label) (\(roleName(machine.role, l)))", "The file introduces: \(machine.label) (\(roleName(machine.role, l)))")
                + (machine.commune.map { l.pick(", xã \($0.code)", ", commune \($0.code)") } ?? "") + l.pick(", mã máy ", ", device ") + machine.device.prefix(8),
            l.pick("Mã đối chiếu: \(machine.fingerprint)", "Fingerprint: \(machine.fingerprint)"),
        ]
        if !machine.continues.isEmpty {
            lines.append(l.pick(
                "Máy này là bản khôi phục (hoặc bản sao) của: \(machine.continues.map { String($0.prefix(8)) }.joined(separator: ", ")); nó sẽ gửi các ghi nhận chưa gửi của máy cũ.",
                "It is a restored (or copied) store of: \(machine.continues.map { String($0.prefix(8)) }.joined(separator: ", ")); it will send the old machine's unsent events."))
        }
        lines.append(l.pick(
            "Trên máy kia chạy tungnha enroll show (hoặc nhờ người dùng máy đó đọc qua điện thoại): mã phải giống hệt.",
            "On the other machine run tungnha enroll show (or have its user read it over the phone): the code must be identical."))
        return lines.joined(separator: "\n")
    }

    public static func enrollPrompt(_ l: Language) -> String { l.pick("Hai mã giống hệt? (c/k): ", "Are both codes identical? (y/n): ") }

    public static func enrollDeclined(_ l: Language) -> String {
        l.pick("Chưa ghi danh gì. Nếu mã khác nhau, tệp có thể đã bị đánh tráo: xin lại tệp từ máy kia.", "Nothing was enrolled. If the codes differ, the file may have been swapped: ask the other machine for it again.")
    }

    /// What `enroll add` did.
    public static func enrolled(_ result: EnrollResult, _ l: Language) -> String {
        var lines: [String] = []
        if let machine = result.enrolled {
            lines.append(l.pick("Đã ghi danh \(machine.label) (mã máy \(machine.device.prefix(8))).", "Enrolled \(machine.label) (device \(machine.device.prefix(8)))."))
            if result.role == .laptop {
                lines.append(l.pick(
                    "Từ nay các lô của máy này được ký và niêm phong cho \(machine.label); máy này cũng nhận tệp \(machine.label) gửi lại. Xuất lô: tungnha export",
                    "From now on this laptop's batches are signed and sealed to \(machine.label), and files it sends back are accepted here. Export: tungnha export"))
            } else if machine.direction == .inbound {
                lines.append(l.pick(
                    "Các lô \(machine.label) ký sẽ được nhận. Đưa tệp ghi danh của máy này cho máy đó: tungnha enroll show --out TỆP (máy đó chạy tungnha enroll add TỆP).",
                    "Batches \(machine.label) signs will be accepted. Give it this machine's enrollment file: tungnha enroll show --out FILE (it runs tungnha enroll add FILE)."))
            } else {
                lines.append(l.pick(
                    "Máy này sẽ gửi tiếp cho \(machine.label). Ghi lại tệp ghi danh của máy này (tungnha enroll show --out TỆP) và đưa cho các máy của tổ, để các lô cũng được niêm phong cho \(machine.label).",
                    "This machine forwards to \(machine.label). Write this machine's enrollment file again (tungnha enroll show --out FILE) and give it to the laptops, so that their batches are sealed to \(machine.label) too."))
            }
        }
        for machine in result.vouched {
            lines.append(l.pick(
                "Đã nhận \(machine.label) (mã máy \(machine.device.prefix(8))), do một máy đã ghi danh ở đây bảo đảm.",
                "Accepted \(machine.label) (device \(machine.device.prefix(8))), vouched for by a machine enrolled here."))
        }
        for machine in result.revoked {
            lines.append(l.pick("Đã ghi nhận \(machine.label) bị thu hồi.", "Noted that \(machine.label) was revoked."))
        }
        return lines.joined(separator: "\n")
    }

    static func sealing(_ result: ExportResult, _ l: Language) -> String {
        result.sealedFor.isEmpty
            ? l.pick("Tệp đã được ký; không niêm phong vì không ghi tên hay số điện thoại của ai.", "The file is signed; not sealed, for it names nobody and gives no phone number.")
            : l.pick("Tệp đã được ký và niêm phong: chỉ \(result.sealedFor.joined(separator: ", ")) mở được.", "The file is signed and sealed: only \(result.sealedFor.joined(separator: ", ")) can open it.")
    }

    public static func revokedMachine(_ machine: TrustedMachine, _ l: Language) -> String {
        l.pick(
            "Đã thu hồi \(machine.label) (mã máy \(machine.device.prefix(8))). Từ nay tệp nó ký không được nhận, trừ các lô cũ đến ghi nhận số \(machine.keepUpTo ?? 0). Các ghi nhận đã nhận vẫn giữ nguyên. Nếu máy này gửi tiếp lên máy tổng hợp của tỉnh, ghi lại tệp ghi danh (tungnha enroll show --out TỆP) và gửi lên để tỉnh cũng thu hồi.",
            "Revoked \(machine.label) (device \(machine.device.prefix(8))). Files it signs are refused from now on, except its earlier batches up to event \(machine.keepUpTo ?? 0). What was received stays. If this machine forwards to a province machine, write the enrollment file again (tungnha enroll show --out FILE) and send it up so the province revokes it too.")
    }

    /// `enroll list`.
    public static func trustedMachines(_ machines: [TrustedMachine], _ l: Language) -> String {
        guard !machines.isEmpty else {
            return l.pick("Chưa ghi danh máy nào. Ghi danh: tungnha enroll add TỆP", "No machine is enrolled yet. Enroll one: tungnha enroll add FILE")
        }
        var table = TextTable(headers: [
            l.pick("Máy", "Machine"), l.pick("Mã máy", "Device"), l.pick("Loại", "Kind"), l.pick("Xã/Phường", "Commune"), l.pick("Mã đối chiếu", "Fingerprint"),
            l.pick("Tình trạng", "Status"),
        ])
        table.rows = machines.map { machine in
            let status = machine.isRevoked
                ? l.pick("đã thu hồi", "revoked")
                : machine.direction == .outbound ? l.pick("gửi đến máy này", "sends to it") : l.pick("nhận lô của máy này", "accepts its batches")
            let vouched = machine.vouchedBy.map { l.pick(" (qua \($0.prefix(8)))", " (via \($0.prefix(8)))") } ?? ""
            return [machine.label, String(machine.device.prefix(8)), roleName(machine.role, l), machine.commune?.code ?? "", machine.fingerprint, status + vouched]
        }
        return table.render()
    }
}

/// Help of `tungnha enroll` and its options.
public enum EnrollHelp: Sendable {
    case enroll, show, showOut, add, addFiles, fingerprint, forwardsTo, list, revoke, revokeMachine, keepUpTo

    public func text(_ l: Language) -> String {
        switch self {
        case .enroll:
            return l.pick(
                "Ghi danh máy: máy tổng hợp chỉ nhận lô do máy đã ghi danh ký; máy của tổ niêm phong lô cho máy tổng hợp đã ghi danh.",
                "Enroll machines: a gathering machine accepts batches signed by enrolled machines only; a laptop seals its batches to the gathering machines it enrolled.")
        case .show: return l.pick("Hiện mã đối chiếu của máy này; ghi tệp ghi danh để mang sang máy kia.", "Show this machine's fingerprint; write its enrollment file for the other machine.")
        case .showOut: return l.pick("Tệp ghi danh sẽ ghi, ví dụ laptop-to-1.tungnha.", "The enrollment file to write, such as laptop-team-1.tungnha.")
        case .add:
            return l.pick(
                "Ghi danh máy trong tệp, sau khi so mã đối chiếu với máy đó (đọc qua điện thoại, hoặc --fingerprint).",
                "Enroll the machine in the file, once its fingerprint matches the one that machine shows (read over the phone, or --fingerprint).")
        case .addFiles: return l.pick("Tệp ghi danh do tungnha enroll show --out viết.", "Enrollment files written by tungnha enroll show --out.")
        case .fingerprint:
            return l.pick("Mã đối chiếu máy kia hiện (cho lệnh chạy trong script, không hỏi).", "The fingerprint the other machine shows (for scripts: nothing is asked).")
        case .forwardsTo:
            return l.pick(
                "Trên máy tổng hợp của xã: máy trong tệp là máy mà máy này gửi tiếp lên (máy tổng hợp của tỉnh); các máy của tổ cũng niêm phong lô cho nó.",
                "On a commune's gathering machine: the machine in the file is the one this machine forwards to (the province's); laptops seal to it too.")
        case .list: return l.pick("Các máy đã ghi danh ở đây, với mã đối chiếu và tình trạng.", "The machines enrolled here, with fingerprints and status.")
        case .revoke:
            return l.pick(
                "Thu hồi một máy bị mất: từ nay tệp nó ký không được nhận; những gì đã nhận vẫn giữ.",
                "Revoke a lost machine: files it signs are refused from now on; what was received stays.")
        case .revokeMachine: return l.pick("Tên máy, hoặc 4 ký tự đầu trở lên của mã máy (xem tungnha enroll list).", "The machine's name, or 4 or more first characters of its id (see tungnha enroll list).")
        case .keepUpTo:
            return l.pick(
                "Vẫn nhận các ghi nhận của máy đó đến số thứ tự này (mặc định: số lớn nhất đã nhận).",
                "Still accept that machine's events numbered up to this (default: the highest received).")
        }
    }
}
