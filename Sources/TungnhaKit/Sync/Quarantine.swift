import Foundation

/// Where a refused file went, or why it could not be kept.
enum QuarantineOutcome {
    case copied(String)
    case failed(String)
}

extension Store {
    /// Copies a refused file into `quarantine/` beside the store, with a note of why. Never over another file: two
    /// refused files of one name in one second get a counter; a name too long for the file system is shortened. A copy
    /// that cannot be made is said, not hidden.
    func quarantineSafely(_ path: String, reason: BatchRefusal, language: Language) -> QuarantineOutcome {
        let folder = quarantineFolder
        let stamp = now.rfc3339.prefix(19).replacingOccurrences(of: ":", with: "").replacingOccurrences(of: "-", with: "")
        let name = (path as NSString).lastPathComponent
        let stem = Self.shortened((name as NSString).deletingPathExtension, bytes: 180)
        let suffix = (name as NSString).pathExtension.isEmpty ? "" : "." + Self.shortened((name as NSString).pathExtension, bytes: 16)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            guard FileManager.default.fileExists(atPath: path) else { return .failed(path) }
            for counter in 1...1000 {
                let target = (folder as NSString).appendingPathComponent(stamp + "_" + stem + (counter == 1 ? "" : "-\(counter)") + suffix)
                guard !FileManager.default.fileExists(atPath: target), !FileManager.default.fileExists(atPath: target + ".reason.txt") else { continue }
                do {
                    // Fails rather than replaces when another merge took the name meanwhile: the next counter is tried.
                    try FileManager.default.copyItem(atPath: path, toPath: target)
                } catch CocoaError.fileWriteFileExists {
                    continue
                }
                let note = Messages.quarantineNote(file: path, reason: reason, at: now, language)
                try note.write(toFile: target + ".reason.txt", atomically: true, encoding: .utf8)
                return .copied(target)
            }
            return .failed(folder)
        } catch {
            return .failed(error.localizedDescription)
        }
    }

    /// At most `bytes` bytes of UTF-8, cut between characters.
    static func shortened(_ text: String, bytes: Int) -> String {
        guard text.utf8.count > bytes else { return text }
        var result = ""
        for character in text {
            guard result.utf8.count + character.utf8.count <= bytes - 1 else { break }
            result.append(character)
        }
        return result + "~"
    }

    /// The outcome of a file refused by a check that needs the store, quarantined like any refused file.
    func refused(_ batch: ParsedBatch, file: String, _ refusal: BatchRefusal, _ language: Language) -> FileOutcome {
        var outcome = FileOutcome(file: file, status: .refused)
        outcome.describe(batch.header)
        outcome.refuse(refusal, quarantine: quarantineSafely(file, reason: refusal, language: language), language)
        return outcome
    }
}

extension FileOutcome {
    mutating func refuse(_ refusal: BatchRefusal, quarantine: QuarantineOutcome, _ language: Language) {
        status = .refused
        self.refusal = caseName(refusal)
        line = refusal.line
        message = refusal.text(language)
        switch quarantine {
        case .copied(let path): self.quarantine = path
        case .failed(let detail): quarantineFailed = detail
        }
    }
}
