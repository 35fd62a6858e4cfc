import GRDB

/// What a derivation must know of an event before it reads the event's body: which household it touches, and
/// whether it changes villages or merges. Read from the log's own columns, a backlog of events costs a few bytes each.
struct EventTouch: Sendable {
    var rowid: Int64
    /// Nil for a kind this release does not know: it touches its household's fold, nothing else.
    var kind: EventKind?
    var household: String?
    /// What a void or correction acts on.
    var target: String?
    var commune: CommuneRef

    /// At most `limit` events after `rowid`, in log order.
    static func after(_ rowid: Int64, limit: Int, db: Database) throws -> [EventTouch] {
        var touches: [EventTouch] = []
        let statement = try FastStatement(db, "SELECT rowid, type, household, target, scheme, commune FROM event WHERE rowid > ? ORDER BY rowid LIMIT ?")
        try statement.each({ bind in
            bind.int(rowid)
            bind.int(limit)
        }) { columns in
            guard let rowid = columns.int(0), let scheme = columns.text(4).flatMap(Scheme.init(rawValue:)), let commune = columns.text(5) else {
                throw StoreError.damaged(what: "event after \(rowid)")
            }
            let kind = columns.text(1).flatMap(EventKind.init(rawValue:))
            // The target column also names what a re-sent event stands for: only a void's or a correction's counts.
            let acts = kind == .eventVoided || kind == .eventCorrected
            touches.append(
                EventTouch(
                    rowid: rowid, kind: kind, household: columns.text(2), target: acts ? columns.text(3) : nil,
                    commune: CommuneRef(code: commune, scheme: scheme)))
        }
        return touches
    }
}

extension EventTouch {
    init(_ stored: borrowing StoredEvent) {
        self.init(
            rowid: stored.rowid, kind: stored.event.kind, household: stored.event.household, target: Derivation.target(of: stored.event),
            commune: stored.event.commune)
    }
}
