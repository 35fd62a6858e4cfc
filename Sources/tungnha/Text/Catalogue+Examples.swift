import TungnhaKit

// The message catalogue: an example of every command, shown at the end of its help.

public enum HelpExample {
    public static func lines(for path: String, _ l: Language) -> [String] {
        let outcome = l.pick("gặp", "met"), sex = l.pick("nam", "male"), help = l.pick("\"cài VNeID\"", "installed-vneid")
        let guided = l.pick("(trong cửa sổ dòng lệnh, không kèm gì: hỏi từng bước)", "(in a terminal, alone: asks step by step)")
        switch path {
        case "": return ["tungnha init --commune 13285 --device-name \"Laptop tổ 1\"", "tungnha visit   " + guided, "tungnha demo"]
        case "init":
            return [
                "tungnha init --commune 13285 --device-name \"Laptop tổ 1\"",
                "tungnha init --gathering-machine --commune 13285 --device-name \"Máy tổng hợp phường Phủ Lý\"",
                "tungnha init --gathering-machine --province 37 --device-name \"Máy tổng hợp tỉnh Ninh Bình\"",
            ]
        case "units", "units search": return ["tungnha units search \"phu ly\""]
        case "units show": return ["tungnha units show 13285"]
        case "village", "village add": return ["tungnha village add \"Tổ dân phố Lê Lợi\""]
        case "village list": return ["tungnha village list"]
        case "village assign": return ["tungnha village assign \"Tổ 2\" --new-commune 13366"]
        case "household", "household add":
            return ["tungnha household add --village \"Tổ dân phố Lê Lợi\" --head \"Nguyễn Văn An\" --address \"Số 12, ngõ 5\"", "tungnha household add   " + guided]
        case "household edit": return ["tungnha household edit VQJZ --phone \"0912 345 678\""]
        case "household list": return ["tungnha household list --village \"to dan pho le loi\""]
        case "household show": return ["tungnha household show VQJZ"]
        case "household search": return ["tungnha household search \"nguyen van an\""]
        case "household merge": return ["tungnha household merge RET7HP 0M6PEA"]
        case "household history": return ["tungnha household history VQJZ"]
        case "member", "member add":
            return ["tungnha member add VQJZ --name \"Nguyễn Văn An\" --birth-year 1970 --sex \(sex) --relation \"chủ hộ\"", "tungnha member add   " + guided]
        case "member edit": return ["tungnha member edit 7XT7 --status \(l.pick("\"chuyển đi\"", "moved"))"]
        case "member remove": return ["tungnha member remove 7XT7 --reason \"\(l.pick("ghi nhầm", "added by mistake"))\""]
        case "visit":
            return [
                "tungnha visit VQJZ --outcome \(outcome) --by \"Lan\" --assist \(help) --member 7XT7:vneid=2,login=yes,dvctt=yes",
                "tungnha visit DCNM --outcome \(l.pick("vắng", "absent")) --at \"20/11/2026 10:30\"", "tungnha visit   " + guided,
                "tungnha visit VQJZ --outcome \(outcome) --by \"Thu\" --backcheck-of a943c319:57 --member 7XT7:vneid=2,login=yes",
            ]
        case "void": return ["tungnha void 3f2a9c1e --reason \"\(l.pick("ghi nhầm hộ", "wrong household"))\"", "tungnha void 8d41b7a0 --whole-household"]
        case "unvoid": return ["tungnha unvoid 8d41b7a0"]
        case "export": return ["tungnha export", "tungnha export --again 3", "tungnha export --commune 13285"]
        case "merge": return ["tungnha merge /media/usb/tungnha"]
        case "forward": return ["tungnha forward", "tungnha forward --out /media/usb/gui-tinh", "tungnha forward --again 2"]
        case "sync", "sync status": return ["tungnha sync status"]
        case "sync reissue": return ["tungnha sync reissue"]
        case "enroll", "enroll show": return ["tungnha enroll show --out \(l.pick("laptop-to-1", "laptop-team-1")).tungnha"]
        case "enroll add":
            return ["tungnha enroll add \(l.pick("laptop-to-1", "laptop-team-1")).tungnha", "tungnha enroll add may-xa.tungnha --fingerprint 7GQ2M-ZK9TD-R4XW8-N1BHC-3PQ7Z"]
        case "enroll list": return ["tungnha enroll list"]
        case "enroll revoke": return ["tungnha enroll revoke \"Laptop tổ 3\""]
        case "backup": return ["tungnha backup /media/usb/tungnha-2026-11-20.sqlite"]
        case "restore": return ["tungnha restore /media/usb/tungnha-2026-11-20.sqlite", "tungnha restore /media/usb/tungnha-2026-11-20.sqlite --replace"]
        case "conflicts": return ["tungnha conflicts"]
        case "duplicates": return ["tungnha duplicates --limit 20"]
        case "report": return ["tungnha report --by village --as-of 2026-10-18", "tungnha report --format html --out bao-cao.html"]
        case "target", "target set": return ["tungnha target set households=100% adults-dvctt=40%"]
        case "target list": return ["tungnha target list"]
        case "register", "register import": return ["tungnha register import so-ho.csv"]
        case "register households": return ["tungnha register households so-ho-to-5.xlsx --dry-run", "tungnha register households so-ho-to-5.xlsx"]
        case "followups": return ["tungnha followups --village \"Tổ dân phố Lê Lợi\""]
        case "demo": return ["tungnha demo --dir demo --force"]
        case "audit":
            return ["tungnha audit", "tungnha audit --commune 24611 --format csv --out dau-hieu.csv", "tungnha audit --rules quy-tac-tinh.json --json"]
        case "review": return ["tungnha review 7K2Q --note \"\(l.pick("Đã gọi lại 5 hộ: đúng có người đến", "Called 5 households back: the visits happened"))\""]
        case "backcheck", "backcheck draw":
            return ["tungnha backcheck draw", "tungnha backcheck draw --seed 4821 --rate 15% --format csv --out kiem-tra-lai.csv"]
        case "where": return ["tungnha where", "tungnha where --db /media/usb/tungnha.sqlite", "tungnha where --moved"]
        default: return []
        }
    }
}
