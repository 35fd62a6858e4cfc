import Foundation

/// Reads a file (or bytes already in memory, such as an opened sealed batch) line by line in 1 MiB chunks, so memory
/// stays flat whatever the file's size. (`FileHandle.bytes` does not exist on Linux.)
/// Lines are given as the format reads them (docs/sync-format.md, section 2): without a UTF-8 byte-order mark at the
/// start of the file and without the carriage return of a Windows line ending, so that a file saved by Notepad or
/// converted to CRLF reads, and hashes, as the file that was written.
struct LineReader {
    private let handle: FileHandle?
    private var memory: Data?
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false
    private var atStart = true
    private(set) var lineNumber = 0

    init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        self.handle = handle
    }

    private init(memory data: Data) {
        handle = nil
        memory = data
    }

    init(_ input: BatchInput) throws {
        switch input {
        case .file(let path): try self.init(path: path)
        case .memory(let data, _, _): self.init(memory: data)
        }
    }

    /// Calls `body` with each line (without its newline) and whether a newline ended it; `body` returns false to stop.
    mutating func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int, Bool) throws -> Bool) throws {
        while true {
            let newline = Self.findNewline(in: buffer, from: start)
            if let newline {
                lineNumber += 1
                let end = newline > start && buffer[newline - 1] == 0x0D ? newline - 1 : newline
                let keepGoing = try buffer.withUnsafeBufferPointer { pointer in
                    try body(UnsafeBufferPointer(rebasing: pointer[start..<end]), lineNumber, true)
                }
                start = newline + 1
                if !keepGoing { return }
                continue
            }
            if finished {
                if start < buffer.count {
                    lineNumber += 1
                    _ = try buffer.withUnsafeBufferPointer { pointer in
                        try body(UnsafeBufferPointer(rebasing: pointer[start...]), lineNumber, false)
                    }
                    start = buffer.count
                }
                return
            }
            if start > 0 {
                buffer.removeFirst(start)
                start = 0
            }
            let chunk = try nextChunk()
            if chunk.isEmpty { finished = true } else { buffer.append(contentsOf: chunk) }
            if atStart, buffer.count >= 3 || finished {
                atStart = false
                if buffer.starts(with: Self.byteOrderMark) { buffer.removeFirst(3) }
            }
        }
    }

    private mutating func nextChunk() throws -> Data {
        if let handle { return try handle.read(upToCount: 1 << 20) ?? Data() }
        guard let data = memory else { return Data() }
        memory = nil
        return data
    }

    func close() { try? handle?.close() }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func findNewline(in buffer: [UInt8], from start: Int) -> Int? {
        guard start < buffer.count else { return nil }
        return buffer.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int? in
            let base = raw.baseAddress! + start
            guard let found = memchr(base, 0x0A, raw.count - start) else { return nil }
            return start + (UnsafeRawPointer(found) - UnsafeRawPointer(base))
        }
    }
}
