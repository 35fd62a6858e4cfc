import GRDB

extension Store {
    /// The visit a back-check names, as typed: a visit of the same household (its cluster), itself no back-check.
    func backcheckTarget(_ text: String, household root: String, db: Database) throws -> String {
        let target: Event
        do {
            target = try Lookup.event(text, db: db)
        } catch LookupError.notFound {
            throw AuditError.backcheckNotAVisit(record: text)
        }
        let owner = try target.household.flatMap { try Lookup.root(of: $0, db: db) }
        guard case .visitRecorded(let visit) = target.body, owner == root else { throw AuditError.backcheckNotAVisit(record: text) }
        guard visit.backcheckOf == nil else { throw AuditError.backcheckOfBackcheck(record: text) }
        return target.id
    }
}
