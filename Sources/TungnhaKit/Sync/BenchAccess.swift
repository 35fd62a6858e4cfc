import Foundation
import GRDB

/// A parsed batch, opaque outside the library: for bench/ only.
public struct ParsedBatchForBench: Sendable {
    let batch: ParsedBatch
}

/// Entry points for bench/ to time one phase of a merge alone.
public enum BenchAccess {
    public static func parse(_ path: String) throws -> ParsedBatchForBench {
        ParsedBatchForBench(batch: try BatchFile.parse(.file(path), header: try BatchFile.readHeader(.file(path))))
    }

    /// Appends the events to the log in one transaction, without deriving; returns how many.
    public static func insertOnly(_ batches: [ParsedBatchForBench], into store: Store) throws -> Int {
        try store.write { db in
            var count = 0
            for batch in batches {
                let deviceKey = try EventLog.deviceKey(batch.batch.header.device, db: db)
                for parsed in batch.batch.events {
                    _ = try EventLog.insert(parsed.event, canonical: parsed.canonical, deviceKey: deviceKey, batch: nil, db: db)
                    count += 1
                }
            }
            return count
        }
    }
}
