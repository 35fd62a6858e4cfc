import Foundation

/// Reads a file (or bytes already in memory, such as an opened sealed batch) line by line in 1 MiB chunks, so memory
/// stays flat whatever the file's size. (`FileHandle.bytes` does not exist on Linux.)
/// Lines are given as the format reads them (docs/sync-format.md, section 2): without a UTF-8 byte-order mark at the
/// start of the file and without the carriage return of a Windows line ending, so that a file saved by Notepad or
/// converted to CRLF reads, and hashes, as the file that was written.
struct LineReader {
    private let handle: FileHandle?
    private var memory: Data?
    private let window = Window()
    private var finished = false
    private var atStart = true
    private(set) var lineNumber = 0

    static let chunk = 1 << 20

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
            let unread = window.unread
            if let found = memchr(unread.baseAddress!, 0x0A, unread.count) {
                lineNumber += 1
                let newline = unread.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
                let end = newline > 0 && unread[newline - 1] == 0x0D ? newline - 1 : newline
                window.consume(newline + 1)
                if try !body(UnsafeBufferPointer(rebasing: unread[..<end]), lineNumber, true) { return }
                continue
            }
            if finished {
                if !unread.isEmpty {
                    lineNumber += 1
                    window.consume(unread.count)
                    _ = try body(unread, lineNumber, false)
                }
                return
            }
            try readMore()
            if atStart, window.unread.count >= 3 || finished {
                atStart = false
                if window.unread.starts(with: Self.byteOrderMark) { window.consume(3) }
            }
        }
    }

    /// Reads the next chunk into the window, straight from the file: its bytes are copied once.
    private mutating func readMore() throws {
        if let handle {
            window.makeRoom(Self.chunk)
            let count = try window.fill { buffer in
                while true {
                    let count = read(handle.fileDescriptor, buffer.baseAddress, buffer.count)
                    if count >= 0 || errno != EINTR { return count }
                }
            }
            if count == 0 { finished = true }
            return
        }
        guard let data = memory, !data.isEmpty else {
            finished = true
            return
        }
        memory = nil
        window.makeRoom(data.count)
        _ = try window.fill { buffer in data.copyBytes(to: buffer) }
    }

    func close() { try? handle?.close() }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Bytes read and not yet given as lines, in memory of its own that the file is read into.
    private final class Window {
        private var base = UnsafeMutablePointer<UInt8>.allocate(capacity: LineReader.chunk)
        private var capacity = LineReader.chunk
        private var start = 0
        private var end = 0

        deinit { base.deallocate() }

        /// Valid until the window next reads.
        var unread: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base + start, count: end - start) }

        func consume(_ count: Int) { start += count }

        /// Room for `count` more bytes: the unread ones move to the front, and the memory grows when they fill it.
        func makeRoom(_ count: Int) {
            if start > 0 {
                memmove(base, base + start, end - start)
                end -= start
                start = 0
            }
            guard capacity - end < count else { return }
            let grown = max(capacity * 2, end + count)
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            larger.update(from: base, count: end)
            base.deallocate()
            base = larger
            capacity = grown
        }

        /// Lets `read` write into the free memory after the unread bytes; returns how many it wrote.
        func fill(_ read: (UnsafeMutableBufferPointer<UInt8>) -> Int) throws -> Int {
            let count = read(UnsafeMutableBufferPointer(start: base + end, count: capacity - end))
            guard count >= 0 else { throw CocoaError(.fileReadUnknown) }
            end += count
            return count
        }
    }
}
