import Foundation
import GRDB

/// The derived state a report reads: the store's own, or the state at the end of a past day,
/// rebuilt from the events up to then by the same derivation, in a temporary database.
final class DerivedState {
    let queue: DatabaseQueue
    private let temporary: String?

    private init(queue: DatabaseQueue, temporary: String?) {
        self.queue = queue
        self.temporary = temporary
    }

    deinit {
        if let temporary {
            try? queue.close()
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
        }
    }

    static func current(_ store: Store) -> DerivedState { DerivedState(queue: store.queue, temporary: nil) }

    /// Everything as it stood at `cutoff` (milliseconds), events after it left out, voids and merges included.
    static func asOf(_ store: Store, cutoff: Int64) throws -> DerivedState {
        let path = NSTemporaryDirectory() + "tungnha-asof-" + UUID().uuidString + ".sqlite"
        let queue = try DatabaseQueue(path: path, configuration: Store.configuration())
        try Migrations.migrator.migrate(queue)
        let state = DerivedState(queue: queue, temporary: path)
        try store.read { source in
            let merges = try String.fetchAll(source, sql: "SELECT body FROM event WHERE type = 'household.merged' AND at_ms <= ?", arguments: [cutoff])
                .map(EventLog.decode)
            let voided = try Set(String.fetchAll(
                source, sql: "SELECT target FROM event WHERE type = 'event.voided' AND at_ms <= ? AND target IS NOT NULL", arguments: [cutoff]))
            let roots = Derivation.mergeRoots(merges, voided: voided)
            let clustered = Set(roots.keys).union(roots.values)
            let villageEvents = try String.fetchAll(
                source, sql: "SELECT body FROM event WHERE household IS NULL AND type IN ('village.added', 'village.changed') AND at_ms <= ?",
                arguments: [cutoff]
            ).map(EventLog.decode).filter { !voided.contains($0.id) }

            try queue.write { db in
                for (code, root) in roots {
                    try db.execute(sql: "INSERT INTO household_link (code, root) VALUES (?, ?)", arguments: [code, root])
                }
                for (commune, events) in Dictionary(grouping: villageEvents, by: \.commune) {
                    try Projection.writeVillages(commune, Projection.villages(events), db: db)
                }
                var held: [String: [Event]] = [:]
                var current: String?
                var events: [Event] = []
                func flush() throws {
                    guard let code = current else { return }
                    if let cluster = Derivation.cluster(root: code, events: events) { try Projection.write(cluster, db: db) }
                }
                let cursor = try String.fetchCursor(
                    source, sql: "SELECT body FROM event WHERE household IS NOT NULL AND at_ms <= ? ORDER BY household", arguments: [cutoff])
                while let body = try cursor.next() {
                    let event = EventLog.decode(body)
                    let code = event.household!
                    if clustered.contains(code) {
                        held[roots[code] ?? code, default: []].append(event)
                        continue
                    }
                    if code != current {
                        try flush()
                        current = code
                        events.removeAll(keepingCapacity: true)
                    }
                    events.append(event)
                }
                try flush()
                for (root, events) in held {
                    if let cluster = Derivation.cluster(root: root, events: events) { try Projection.write(cluster, db: db) }
                }
            }
        }
        return state
    }
}
