/// The fields people type, named in messages.
public enum InputField: String, Sendable, Equatable {
    case headName, name, address, note, village, relation, procedure, volunteer, reason, deviceName, phone
}

/// Problems with the store itself.
public enum StoreError: TungnhaError, Equatable {
    /// What to tell someone whose store does not exist yet.
    public enum Hint: Sendable, Equatable { case initLaptop, initGathering }

    case missing(path: String, hint: Hint)
    case newerVersion(path: String)
    case notAStore(path: String)
    case laptopOnly(path: String)
    case gatheringOnly(path: String)
    /// Something stored does not read back (a damaged file, or a change made outside tungnha).
    case damaged(what: String)
    /// SQLite could not do what was asked: the store is locked, the disk is full, the file cannot be written.
    case unavailable(path: String, detail: String)
}

/// Problems setting up a machine with `init`.
public enum SetupError: TungnhaError, Equatable {
    case emptyDeviceName
    case deviceNameTooLong(limit: Int)
    case unknownCommune(code: String, scheme: Scheme, suggestions: [AdminUnits.Unit])
    case unknownProvince(code: String)
    case alreadyOtherSetup(path: String, identity: DeviceIdentity)
    /// The old `--district-server` with `--commune`.
    case communeWithDistrictServer
    case noCommune
    /// `--gathering-machine` without `--commune` or `--province`.
    case gatheringNeedsLevel
    /// `--gathering-machine` with both.
    case gatheringBothLevels
    /// `--province` for a team's laptop.
    case provinceWithoutGathering
    /// A commune's gathering machine serves a commune of the 2025 list.
    case gatheringCommuneNot2025(code: String)
}

/// A code, prefix or name that matched nothing, or more than one thing.
public enum LookupError: TungnhaError, Equatable {
    public enum Kind: String, Sendable, Equatable { case household, member, event }

    public struct Candidate: Sendable, Equatable {
        public var code: String
        public var label: String
    }

    case tooShort(text: String, kind: Kind)
    case notFound(text: String, kind: Kind)
    case ambiguous(text: String, kind: Kind, candidates: [Candidate])
    case memberNotInHousehold(member: String, household: String)
    case villageNotFound(name: String, known: [String])
    case unitNotFound(code: String)
}

/// What a volunteer typed that cannot be recorded.
public enum RecordError: TungnhaError, Equatable {
    case digitRun(field: InputField)
    case secretNumber(field: InputField)
    case tooLong(field: InputField, limit: Int)
    case empty(field: InputField)
    case invalidPhone(text: String)
    case invalidBirthYear(year: Int, latest: Int)
    case invalidDeclaredMembers(count: Int)
    case futureTime(given: String, now: String)
    case invalidDateTime(text: String)
    case invalidDate(text: String)
    case namesWithoutConsent(household: String)
    case headOrNoNames
    case headAndNoNames
    case observationSyntax(text: String)
    case observationValue(text: String, key: String)
    case observationKey(text: String, key: String)
    case observationTwice(member: String)
    case nothingToChange
    case volunteerUnknown
    case villageExists(name: String)
    case cannotVoid(type: EventKind)
    case alreadyVoided(event: String)
    case mergeSame(code: String)
    case mergeAcrossCommunes(keep: String, other: String)
    case alreadyMerged(code: String, into: String)
    case correctsNotAVisit(event: String)
    case newCommuneNotSuccessor(code: String, allowed: [String])
    case villageNotSplit(commune: String)
    case notStorable(field: String, problem: EventFormatError.Problem)
}
