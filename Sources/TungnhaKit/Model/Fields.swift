/// The fields of households and members that events set, and how a change names what it replaces.

/// A value of a household or member field; `none` clears it.
public enum FieldValue: Sendable, Hashable, CustomStringConvertible {
    case text(String)
    case number(Int)
    case flag(Bool)
    case none

    public var text: String? { if case .text(let value) = self { return value } else { return nil } }
    public var number: Int? { if case .number(let value) = self { return value } else { return nil } }
    public var flag: Bool? { if case .flag(let value) = self { return value } else { return nil } }

    public var description: String {
        switch self {
        case .text(let value): return value
        case .number(let value): return String(value)
        case .flag(let value): return value ? "true" : "false"
        case .none: return ""
        }
    }
}

public protocol EntityField: RawRepresentable<String>, CaseIterable, Hashable, Sendable {
    var valueType: FieldValueType { get }
    var clearable: Bool { get }
    /// Its place in `allCases`: how a stored fold names it.
    var position: Int { get }
    init?(position: Int)
}

extension EntityField {
    /// By position: a raw value of text would be hashed and compared as text, in every fold's dictionaries.
    public func hash(into hasher: inout Hasher) { hasher.combine(position) }
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.position == rhs.position }
}

public enum FieldValueType: Sendable {
    case text, number, flag
    case choice([String])
}

public enum HouseholdField: String, EntityField {
    case village, headName, address, phone, declaredMembers, note, consent

    public var position: Int {
        switch self {
        case .village: return 0
        case .headName: return 1
        case .address: return 2
        case .phone: return 3
        case .declaredMembers: return 4
        case .note: return 5
        case .consent: return 6
        }
    }

    public init?(position: Int) {
        switch position {
        case 0: self = .village
        case 1: self = .headName
        case 2: self = .address
        case 3: self = .phone
        case 4: self = .declaredMembers
        case 5: self = .note
        case 6: self = .consent
        default: return nil
        }
    }

    public var valueType: FieldValueType {
        switch self {
        case .declaredMembers: return .number
        case .consent: return .flag
        default: return .text
        }
    }

    public var clearable: Bool { self != .village && self != .consent }
}

public enum MemberField: String, EntityField {
    case name, birthYear, sex, relation, status

    public var position: Int {
        switch self {
        case .name: return 0
        case .birthYear: return 1
        case .sex: return 2
        case .relation: return 3
        case .status: return 4
        }
    }

    public init?(position: Int) {
        switch position {
        case 0: self = .name
        case 1: self = .birthYear
        case 2: self = .sex
        case 3: self = .relation
        case 4: self = .status
        default: return nil
        }
    }

    public var valueType: FieldValueType {
        switch self {
        case .birthYear: return .number
        case .sex: return .choice(Sex.allCases.map(\.rawValue))
        case .status: return .choice(MemberStatus.allCases.map(\.rawValue))
        default: return .text
        }
    }

    public var clearable: Bool { self != .birthYear && self != .status }
}

/// Fields set by one event, and the earlier settings of those fields it knowingly replaces.
/// Two settings that do not replace each other are a conflict for a person to confirm.
public struct FieldChange<Field: EntityField>: Sendable, Equatable {
    public var set: [Field: FieldValue]
    public var replaces: [String]

    public init(set: [Field: FieldValue], replaces: [String]) {
        self.set = set
        self.replaces = replaces.sorted()
    }
}
