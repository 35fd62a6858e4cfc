import GRDB

/// Names and phone numbers from the commune's register, as this machine may show them: for households the
/// import created, while they have no recorded name of their own, and only until the household says no to
/// names being kept. They never enter an event: `carryRegisterName` makes one a normal change after consent.
/// (A new query of the core's tables, kept apart until the branches are joined.)
enum RegisterNames {
    struct Local: Equatable {
        var name: String
        var phone: String?
    }

    static func visible(_ db: Database) throws -> [String: Local] {
        guard try db.tableExists("register_household") else { return [:] }
        var names: [String: Local] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT r.household, r.head_name, r.phone FROM register_household r JOIN household h ON h.code = r.household
                WHERE r.head_name IS NOT NULL AND h.head_name IS NULL AND h.merged_into IS NULL
                """)
        {
            names[row["household"]] = Local(name: row["head_name"], phone: row["phone"])
        }
        guard !names.isEmpty else { return names }
        for code in try refused(db) { names[code] = nil }
        return names
    }

    /// Households of the register that said no to names being kept, at a visit or by an edit, on any machine:
    /// as the derived state holds it.
    static func refused(_ db: Database) throws -> Set<String> {
        let named = try String.fetchAll(db, sql: "SELECT household FROM register_household WHERE head_name IS NOT NULL")
        return Set(try HouseholdRecord.refusedNames(among: named, db: db))
    }

    /// Puts the register's names beside the households that have no name of their own.
    static func annotate(_ households: [HouseholdSummary], db: Database) throws -> [HouseholdSummary] {
        let names = try visible(db)
        guard !names.isEmpty else { return households }
        return households.map { household in
            var household = household
            if let local = names[household.code] {
                household.registerName = local.name
                household.registerPhone = local.phone
            }
            return household
        }
    }

    /// Households whose register name (folded) contains the text: search finds them as it finds recorded names.
    static func search(_ folded: String, db: Database) throws -> [String] {
        try visible(db).filter { Folding.fold($0.value.name).contains(folded) }.map(\.key)
    }
}

extension Store {
    /// Once a household of the register has agreed to names being kept, its head's name (and phone) from the
    /// register become a normal change of the household, recorded and sent like any other. Nil when there
    /// is nothing to carry: no register name, no consent, or a name of its own already.
    @discardableResult
    public func carryRegisterName(household text: String) throws -> HouseholdSummary? {
        let pending: (code: String, name: String, phone: String?)? = try read { db in
            guard try db.tableExists("register_household") else { return nil }
            let found = try Lookup.household(text, db: db)
            guard let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT r.head_name, r.phone, h.phone AS own_phone FROM register_household r JOIN household h ON h.code = r.household
                    WHERE r.household = ? AND r.head_name IS NOT NULL AND h.consent = 1 AND h.head_name IS NULL
                    """, arguments: [found.root])
            else { return nil }
            let ownPhone: String? = row["own_phone"]
            return (found.root, row["head_name"], ownPhone == nil ? row["phone"] : nil)
        }
        guard let pending else { return nil }
        let summary = try editHousehold(pending.code, changes: HouseholdChanges(headName: pending.name, phone: pending.phone))
        try write { db in
            try db.execute(sql: "UPDATE register_household SET carried_at = ? WHERE household = ?", arguments: [now.rfc3339, pending.code])
        }
        return summary
    }
}
