import GRDB

/// What has been sent and received, per device.
public struct SyncStatus: Sendable, Codable, Equatable {
    public struct Export: Sendable, Codable, Equatable {
        public var batch: Int
        public var writtenAt: String
        public var events: Int
        public var file: String
    }

    public struct Device: Sendable, Codable, Equatable {
        public var device: String
        public var label: String
        public var commune: String
        public var scheme: Scheme
        /// Batch numbers received (device batches only; relay batches are not numbered per commune).
        public var batches: [Int]
        /// Numbers below the highest received that have not arrived: those between two device batches whose
        /// sequence numbers leave a gap (a gathering machine's device batches skip the numbers its relays took).
        public var missing: [Int]
        public var relayBatches: Int
        public var lastBatchWrittenAt: String
        public var lastMergedAt: String
        public var events: Int
        /// Events whose time a wrong clock would give: before 2024, or after their batch was written.
        public var suspiciousTimes: Int
        public var suspiciousExamples: [String]
    }

    public var role: DeviceIdentity.Role
    public var label: String
    /// Events recorded here and not yet in any batch.
    public var notExported: Int
    public var lastExport: Export?
    public var devices: [Device]
    /// Events seen with a known id but other content.
    public var clashes: Int
    /// Device ids two machines wrote under, with the numbers both used (among `clashes`).
    public var forks: [ForkView] = []
    /// Devices that continue another (a restore, a copy, a fork).
    public var successions: [SuccessionView] = []
    /// This store's events under an earlier device id that wait for the next export.
    public var handoverWaiting: Int = 0
    /// On a commune's gathering machine: received files not yet forwarded to the province, and the last forward.
    public var forwarding: ForwardingStatus? = nil

    /// 2024-01-01 00:00 in Vietnam: the teams began after it.
    public static let earliestPlausible = Moment(rfc3339: "2024-01-01T00:00:00+07:00")!.millis
    /// A batch's clock and an event's may differ by a few minutes without anything being wrong.
    public static let clockTolerance: Int64 = 5 * 60_000
}

extension Store {
    public func syncStatus() throws -> SyncStatus {
        let identity = try identity()
        return try read { db in
            let lastSeq = try Int64.fetchOne(db, sql: "SELECT max(last_seq) FROM export WHERE kind = 'device'") ?? 0
            let own = try EventLog.existingDeviceKey(identity.id, db: db) ?? -1
            let pending = identity.role.sendsOwnEvents
                ? try Int.fetchOne(db, sql: "SELECT count(*) FROM event WHERE device = ? AND seq > ?", arguments: [own, lastSeq]) ?? 0
                : try Int.fetchOne(db, sql: "SELECT count(*) FROM event WHERE device = ?", arguments: [own]) ?? 0
            let last = try Row.fetchOne(db, sql: "SELECT number, written_at, events, file FROM export ORDER BY number DESC LIMIT 1").map {
                SyncStatus.Export(batch: $0["number"], writtenAt: $0["written_at"], events: $0["events"], file: $0["file"])
            }
            var devices: [SyncStatus.Device] = []
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT device, kind, number, label, scheme, commune, first_seq, last_seq, written_at, written_ms, merged_at FROM batch
                    ORDER BY device, written_ms
                    """)
            var grouped: [String: [Row]] = [:]
            var order: [String] = []
            for row in rows {
                let device: String = row["device"]
                if grouped[device] == nil { order.append(device) }
                grouped[device, default: []].append(row)
            }
            for device in order {
                let batches = grouped[device]!
                let deviceBatches = batches.filter { $0["kind"] == "device" }
                let numbers = Set(deviceBatches.map { $0["number"] as Int }).sorted()
                // Numbers past the limit are refused at merge; a store written before the limit is shown, not counted through.
                let missing = SyncStatus.missing(deviceBatches.filter { ($0["number"] as Int) <= Int(BatchLimits.batch) }.map { row in
                    (number: row["number"] as Int, first: (row["first_seq"] as Int64?) ?? 0, last: (row["last_seq"] as Int64?) ?? 0)
                })
                let latest = batches.max { ($0["written_ms"] as Int64) < ($1["written_ms"] as Int64) }!
                let key = try EventLog.existingDeviceKey(device, db: db) ?? -1
                let suspicious = try Int64.fetchAll(
                    db,
                    sql: """
                        SELECT e.at_ms FROM event e JOIN batch b ON b.rowid = e.batch
                        WHERE e.device = ? AND (e.at_ms < ? OR e.at_ms > b.written_ms + ?)
                        ORDER BY e.at_ms
                        """, arguments: [key, SyncStatus.earliestPlausible, SyncStatus.clockTolerance]
                ).map { Moment(millis: $0).rfc3339 }
                devices.append(
                    SyncStatus.Device(
                        device: device, label: latest["label"], commune: latest["commune"], scheme: Scheme(rawValue: latest["scheme"]) ?? .y2025,
                        batches: numbers, missing: missing, relayBatches: batches.filter { $0["kind"] == "relay" }.count,
                        lastBatchWrittenAt: latest["written_at"], lastMergedAt: batches.map { $0["merged_at"] as String }.max() ?? "",
                        events: try Int.fetchOne(db, sql: "SELECT count(*) FROM event WHERE device = ?", arguments: [key]) ?? 0,
                        suspiciousTimes: suspicious.count, suspiciousExamples: Array(suspicious.prefix(3))))
            }
            devices.sort { ($0.commune, $0.label, $0.device) < ($1.commune, $1.label, $1.device) }
            var status = SyncStatus(
                role: identity.role, label: identity.label, notExported: pending, lastExport: last, devices: devices,
                clashes: try Int.fetchOne(db, sql: "SELECT count(*) FROM event_clash") ?? 0)
            (status.forks, status.successions, status.handoverWaiting) = (try SyncStatus.forks(db), try SyncStatus.successions(db), try handoverWaiting(db))
            if identity.role == .communeGathering { status.forwarding = try ForwardingStatus.of(db) }
            return status
        }
    }
}

extension SyncStatus {
    /// The batch numbers not received, from a device's batches received (number, first and last sequence number):
    /// those between two batches whose sequence numbers do not follow on. A number skipped with no events missing
    /// was a relay batch the device wrote for laptops.
    static func missing(_ batches: [(number: Int, first: Int64, last: Int64)]) -> [Int] {
        var missing: [Int] = []
        var previous = (number: 0, last: Int64(0))
        for batch in batches.sorted(by: { $0.number < $1.number }) where batch.number > previous.number {
            if batch.first > previous.last + 1 { missing += Array((previous.number + 1)..<batch.number) }
            previous = (batch.number, max(previous.last, batch.last))
        }
        return missing
    }

    /// The label each device last gave itself in a batch, and this machine's own.
    static func deviceLabels(_ db: Database) throws -> [String: String] {
        var labels: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT device, label FROM batch ORDER BY rowid") { labels[row["device"]] = row["label"] }
        if let identity = try Store.identity(db) { labels[identity.id] = identity.label }
        return labels
    }
}
