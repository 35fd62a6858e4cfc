import Foundation

/// Reads a file line by line in 1 MiB chunks, so memory stays flat whatever the file's size.
/// (`FileHandle.bytes` does not exist on Linux.)
struct LineReader {
    let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false
    private(set) var lineNumber = 0

    init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        self.handle = handle
    }

    /// Calls `body` with each line (without its newline) and whether a newline ended it; `body` returns false to stop.
    mutating func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int, Bool) throws -> Bool) throws {
        while true {
            let newline = Self.findNewline(in: buffer, from: start)
            if let newline {
                lineNumber += 1
                let keepGoing = try buffer.withUnsafeBufferPointer { pointer in
                    try body(UnsafeBufferPointer(rebasing: pointer[start..<newline]), lineNumber, true)
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
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty { finished = true } else { buffer.append(contentsOf: chunk) }
        }
    }

    func close() { try? handle.close() }

    static func findNewline(in buffer: [UInt8], from start: Int) -> Int? {
        guard start < buffer.count else { return nil }
        return buffer.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int? in
            let base = raw.baseAddress! + start
            guard let found = memchr(base, 0x0A, raw.count - start) else { return nil }
            return start + (UnsafeRawPointer(found) - UnsafeRawPointer(base))
        }
    }
}
