import Foundation
import GRDBSQLite

/// Copies a merge's committed pages from the WAL into the store on a connection and thread of its own, so that the
/// merge's writer goes on appending and deriving instead of checkpointing after its commits. SQLite lets a passive
/// checkpoint run beside a writer; the writer only waits when the WAL has grown past `restartFrames`, so that its
/// next transaction starts the WAL again from its beginning instead of growing the file.
final class BackgroundCheckpoint: @unchecked Sendable {
    /// About 128 MB of WAL at 4 KB pages.
    static let restartFrames: Int32 = 32_768

    /// One pass over the WAL: SQLite's status and the frames the WAL holds.
    typealias Pass = @Sendable (OpaquePointer) -> (status: Int32, frames: Int32)

    /// A passive checkpoint: it copies what no reader still needs, and never waits.
    static let passive: Pass = { handle in
        var log: Int32 = 0
        var copied: Int32 = 0
        let status = sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_PASSIVE, &log, &copied)
        return (status, log)
    }

    private let handle: OpaquePointer
    private let pass: Pass
    private let condition = NSCondition()
    private var requested = false
    private var running = false
    private var stopped = false
    private var frames: Int32 = 0
    private var failed = false
    private var toldFailure = false
    private let finished = DispatchSemaphore(value: 0)

    /// A second connection to the store at `path`; nil when it cannot be opened (the writer then checkpoints itself).
    /// `pass` is a passive checkpoint, unless a test stands in for it.
    init?(path: String, pass: @escaping Pass = passive) {
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK, let handle else {
            sqlite3_close(handle)
            return nil
        }
        sqlite3_busy_timeout(handle, 5_000)
        // The writer's durability: the WAL is synced before its pages are copied, the store after.
        guard sqlite3_exec(handle, "PRAGMA synchronous = NORMAL", nil, nil, nil) == SQLITE_OK else {
            sqlite3_close(handle)
            return nil
        }
        self.handle = handle
        self.pass = pass
        let thread = Thread { self.loop() }
        thread.name = "tungnha checkpoint"
        thread.start()
    }

    /// The writer committed: copy what it wrote. Waits for the copy when the WAL has grown past `restartFrames`.
    func committed() {
        condition.lock()
        requested = true
        condition.broadcast()
        let tooLong = frames >= Self.restartFrames
        condition.unlock()
        guard tooLong else { return }
        Trace.time("checkpoint: wait") { drain() }
        // Everything committed is copied (unless another process reads an older snapshot): the writer's next
        // transaction starts the WAL again.
        condition.lock()
        frames = 0
        condition.unlock()
    }

    /// True once, after a pass failed (disk full, or another process holding the checkpoint): the writer then
    /// checkpoints itself again, so that the WAL cannot grow for the rest of the merge.
    func failedSinceAsked() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard failed, !toldFailure else { return false }
        toldFailure = true
        return true
    }

    /// Waits until every page committed so far is in the store.
    func drain() {
        condition.lock()
        while running || requested { condition.wait() }
        condition.unlock()
    }

    /// Copies what is left, then closes the connection.
    func stop() {
        drain()
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
        finished.wait()
        sqlite3_close(handle)
    }

    private func loop() {
        while true {
            condition.lock()
            while !requested && !stopped { condition.wait() }
            if stopped {
                condition.unlock()
                finished.signal()
                return
            }
            requested = false
            running = true
            condition.unlock()
            // Busy or failed: the pages stay in the WAL, where SQLite reads them, and the next pass copies them.
            let (status, log) = pass(handle)
            condition.lock()
            if status == SQLITE_OK { frames = log } else { failed = true }
            running = false
            condition.broadcast()
            condition.unlock()
        }
    }
}
