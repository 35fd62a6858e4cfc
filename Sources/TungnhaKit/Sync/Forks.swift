import Foundation
import GRDB

/// Two different events under one device and sequence number: two machines wrote under one device id (a store
/// copied or restored by hand). The second to arrive is kept aside in `event_clash`, with the batch it came in.
enum Forks {
    /// Whether `event`, which clashed, sits where another event of its device already is: since an event is named
    /// by its device and number, every clash is one.
    static func isFork(_ event: Event, deviceKey: Int64, db: Database) throws -> Bool {
        try EventLog.event(deviceKey: deviceKey, seq: event.seq, db: db) != nil
    }

    /// The events kept aside as forks, with the file each came in.
    static func keptAside(_ db: Database) throws -> [(event: Event, clash: Int64, batch: Int64, file: String?)] {
        var kept: [(Event, Int64, Int64, String?)] = []
        let rows = try Row.fetchAll(
            db, sql: "SELECT c.rowid AS clash, c.batch, c.body, b.file FROM event_clash c LEFT JOIN batch b ON b.rowid = c.batch ORDER BY c.rowid")
        for row in rows {
            let event = try EventLog.decode(row["body"])
            guard let key = try EventLog.existingDeviceKey(event.device, db: db),
                let holder = try EventLog.event(deviceKey: key, seq: event.seq, db: db), holder != event
            else { continue }
            kept.append((event, row["clash"], row["batch"], row["file"]))
        }
        return kept
    }
}

/// A fork as `sync status` shows it: a device, the sequence numbers two machines both used, and the file whose
/// events were kept aside.
public struct ForkView: Sendable, Codable, Equatable {
    public var device: String
    public var label: String?
    public var seqs: [Int64]
    public var file: String?
    /// The kept-aside events that arrived again under a new device id (`sync reissue` on the laptop that wrote them).
    public var reissued: Int
    /// The device they arrived under.
    public var reissuedBy: String?
}

/// A device that continues another: a store restored, copied, or given a new id after a fork.
public struct SuccessionView: Sendable, Codable, Equatable {
    public var device: String
    public var label: String?
    public var source: String
    public var sourceSeq: Int64
    public var how: DeviceCopy.How
    public var at: String
}

extension SyncStatus {
    static func forks(_ db: Database) throws -> [ForkView] {
        let labels = try deviceLabels(db)
        var views: [String: ForkView] = [:]
        var order: [String] = []
        for (event, _, _, file) in try Forks.keptAside(db) {
            let key = event.device + "|" + (file ?? "")
            if views[key] == nil {
                order.append(key)
                views[key] = ForkView(device: event.device, label: labels[event.device], seqs: [], file: file, reissued: 0, reissuedBy: nil)
            }
            views[key]!.seqs.append(event.seq)
            // Re-sent under a new id, it names the one it stands for (`reissueOf`), as a void names its target.
            if let again = try EventLog.actions(on: event.id, db: db).first(where: { $0.reissueOf == event.id }) {
                views[key]!.reissued += 1
                views[key]!.reissuedBy = again.device
            }
        }
        return order.map { key in
            var view = views[key]!
            view.seqs.sort()
            return view
        }
    }

    static func successions(_ db: Database) throws -> [SuccessionView] {
        let labels = try deviceLabels(db)
        return try String.fetchAll(db, sql: "SELECT body FROM event WHERE type = 'device.copied' ORDER BY at_ms").map(EventLog.decode).compactMap { event in
            guard case .deviceCopied(let copy) = event.body else { return nil }
            return SuccessionView(
                device: event.device, label: labels[event.device], source: copy.source, sourceSeq: copy.sourceSeq, how: copy.how, at: event.at.rfc3339)
        }
    }
}

extension Array where Element == Int64 {
    /// `[6, 7, 9]` as `6–7, 9`.
    public var ranges: String {
        var parts: [String] = []
        var index = 0
        while index < count {
            var end = index
            while end + 1 < count, self[end + 1] == self[end] + 1 { end += 1 }
            parts.append(end == index ? String(self[index]) : "\(self[index])–\(self[end])")
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }
}
