import Foundation
import GRDB
import Synchronization

/// Where times and random codes come from; tests and the demo fix both.
public struct StoreEnvironment: Sendable {
    public var now: @Sendable () -> Date
    public var random: RandomSource
    /// For tests: runs after a merge appended a group of files, before it derives them (a crash there loses nothing).
    var afterAppend: (@Sendable () throws -> Void)?
    /// For tests: how many files a merge appends together at most.
    var filesPerGroup = AppendGroup.fileLimit
    /// This machine's id, which a store copied to another machine does not keep; nil reads /etc/machine-id.
    public var machineID: String?
    /// For tests and the demo only: key pairs made from this seed instead of the system's random source.
    public var keySeed: UInt64?

    public init(now: @escaping @Sendable () -> Date = { Date() }, random: RandomSource = RandomSource()) {
        self.now = now
        self.random = random
    }

    /// The system clock, unless `TUNGNHA_NOW` (RFC 3339) fixes it, for tests and replays; `TUNGNHA_MACHINE_ID`
    /// stands for another machine in tests.
    public static func from(_ variables: [String: String]) -> StoreEnvironment {
        var environment = StoreEnvironment()
        if let text = variables["TUNGNHA_NOW"], let fixed = Moment(rfc3339: text) {
            let seed = variables["TUNGNHA_SEED"].flatMap(UInt64.init) ?? UInt64(bitPattern: fixed.millis)
            environment = StoreEnvironment(now: { fixed.date }, random: RandomSource(seed: seed))
            environment.keySeed = seed
        }
        environment.machineID = variables["TUNGNHA_MACHINE_ID"].flatMap { $0.isEmpty ? nil : $0 }
        return environment
    }
}

/// A random number source that can be shared; seeded, it gives the same codes every run.
public final class RandomSource: Sendable {
    private let state: Mutex<UInt64>

    public init(seed: UInt64? = nil) {
        var system = SystemRandomNumberGenerator()
        state = Mutex(seed ?? system.next())
    }

    /// SplitMix64.
    public func next() -> UInt64 {
        state.withLock { value in
            value &+= 0x9E37_79B9_7F4A_7C15
            var z = value
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    public var generator: Generator { Generator(source: self) }

    public struct Generator: RandomNumberGenerator {
        let source: RandomSource
        public mutating func next() -> UInt64 { source.next() }
    }
}

/// What this machine is: a team's laptop for one commune, or the gathering machine (máy tổng hợp) of one commune
/// or of one province, which merges what the laptops send.
public struct DeviceIdentity: Sendable, Equatable, Codable {
    public enum Role: String, Sendable, Codable {
        /// A team's laptop: records the households and visits of one commune and exports them.
        case laptop
        /// The gathering machine of one 2025 commune (its People's Committee): merges its laptops' batches and
        /// forwards them, unchanged, to the province.
        case communeGathering = "commune-gathering"
        /// The gathering machine of one province; set up under the old name `--district-server` without a
        /// province, of every province.
        case provinceGathering = "province-gathering"

        /// Whether its own events (a household merge, a conflict settled, a void) go on to another machine.
        public var sendsOwnEvents: Bool { self != .provinceGathering }
        /// Whether it gathers other machines' batches (a commune's or a province's gathering machine).
        public var gathers: Bool { self != .laptop }
    }

    public var id: String
    public var label: String
    public var role: Role
    /// The commune a laptop works in, or the 2025 commune a commune's gathering machine serves.
    public var commune: CommuneRef?
    /// A province's gathering machine that only accepts this province's communes (2025 codes).
    public var province: String?
}

/// One SQLite file per machine, holding the events and the state derived from them.
public final class Store: Sendable {
    public let path: String
    public let environment: StoreEnvironment
    let queue: DatabaseQueue

    /// `--db`, else `TUNGNHA_DB`, else `$XDG_DATA_HOME/tungnha/tungnha.sqlite` (or `~/.local/share/tungnha/`).
    public static func location(flag: String?, environment variables: [String: String]) -> String {
        if let flag, !flag.isEmpty { return flag }
        if let path = variables["TUNGNHA_DB"], !path.isEmpty { return path }
        let base: String
        if let xdg = variables["XDG_DATA_HOME"], !xdg.isEmpty {
            base = xdg
        } else {
            base = (variables["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        }
        return base + "/tungnha/tungnha.sqlite"
    }

    public static func exists(at path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    private init(path: String, queue: DatabaseQueue, environment: StoreEnvironment) {
        self.path = path
        self.queue = queue
        self.environment = environment
    }

    static func configuration() -> Configuration {
        var configuration = Configuration()
        // Two merges at once wait for each other instead of failing (GRDB writes with BEGIN IMMEDIATE).
        configuration.busyMode = .timeout(120)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            // GRDB on Linux: with WAL, say NORMAL explicitly.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA cache_size = -32768")
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        return configuration
    }

    /// Opens an existing store, bringing an older one up to date. A store written by a newer
    /// version of the tool is refused and left as it is.
    public static func open(at path: String, environment: StoreEnvironment = StoreEnvironment(), missingHint: StoreError.Hint = .initLaptop) throws -> Store {
        guard exists(at: path) else { throw StoreError.missing(path: path, hint: missingHint) }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration())
            let (superseded, known) = try queue.read { db in
                (try Migrations.migrator.hasBeenSuperseded(db), try db.tableExists("setting"))
            }
            if superseded { throw StoreError.newerVersion(path: path) }
            if !known { throw StoreError.notAStore(path: path) }
            try Migrations.migrator.migrate(queue)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notAStore(path: path)
        }
        let store = Store(path: path, queue: queue, environment: environment)
        guard try store.identityIfAny() != nil else { throw StoreError.notAStore(path: path) }
        // Events a merge appended but did not derive (it was stopped) are derived before anything reads the store.
        do {
            if try queue.read(DerivedTables.hasPending) { try queue.write { db in try DerivedTables.derivePending(db: db) } }
        } catch let error as DatabaseError {
            throw StoreError.unavailable(path: path, detail: error.message ?? error.resultCode.description)
        }
        return store
    }

    /// Creates the store and this device's identity, or returns the identity it already has.
    public static func initialize(
        at path: String, role: DeviceIdentity.Role, label: String, commune: CommuneRef?, province: String?,
        environment: StoreEnvironment = StoreEnvironment()
    ) throws -> (store: Store, identity: DeviceIdentity, created: Bool) {
        let label = Folding.clean(label)
        guard !label.isEmpty else { throw SetupError.emptyDeviceName }
        guard label.count <= DeviceLabel.limit else { throw SetupError.deviceNameTooLong(limit: DeviceLabel.limit) }
        if let finding = PersonalData.finding(in: label) {
            throw finding == .digitRun ? RecordError.digitRun(field: .deviceName) : RecordError.secretNumber(field: .deviceName)
        }
        if let commune {
            guard AdminUnits.shared.commune(commune) != nil else {
                throw SetupError.unknownCommune(
                    code: commune.code, scheme: commune.scheme,
                    suggestions: AdminUnits.shared.suggestions(forCommune: commune.code, scheme: commune.scheme))
            }
        }
        if let province {
            guard AdminUnits.shared.province(province, scheme: .y2025) != nil else { throw SetupError.unknownProvince(code: province) }
        }
        try checkSetup(role: role, commune: commune, province: province)
        if exists(at: path) {
            let store = try open(at: path, environment: environment)
            let identity = try store.identity()
            guard identity.role == role, identity.commune == commune, identity.province == province else {
                throw SetupError.alreadyOtherSetup(path: path, identity: identity)
            }
            return (store, identity, false)
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration())
            try Migrations.migrator.migrate(queue)
            let store = Store(path: path, queue: queue, environment: environment)
            var random = environment.random.generator
            let identity = DeviceIdentity(
                id: EventID.make(using: &random), label: label, role: role, commune: commune, province: province)
            try queue.write { db in
                let settings: [String: String?] = [
                    "device.id": identity.id, "device.label": identity.label, "device.role": role.rawValue,
                    "device.commune": commune?.code, "device.scheme": commune?.scheme.rawValue, "device.province": province,
                    "device.created": Moment(environment.now()).rfc3339,
                ]
                for (key, value) in settings {
                    guard let value else { continue }
                    try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?)", arguments: [key, value])
                }
                try FileBinding.here(path, environment).save(db)
                try MachineKeys.make(device: identity.id, environment: environment, db: db)
            }
            return (store, identity, true)
        } catch {
            // Nothing is half made: a store that could not be set up is removed.
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw error
        }
    }

    func identityIfAny() throws -> DeviceIdentity? {
        try queue.read { db in try Self.identity(db) }
    }

    public func identity() throws -> DeviceIdentity {
        guard let identity = try identityIfAny() else { throw StoreError.notAStore(path: path) }
        return identity
    }

    static func identity(_ db: Database) throws -> DeviceIdentity? {
        var settings: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM setting WHERE key LIKE 'device.%'") {
            settings[row["key"]] = row["value"]
        }
        guard let id = settings["device.id"], let label = settings["device.label"],
            let role = settings["device.role"].flatMap(DeviceIdentity.Role.init(rawValue:))
        else { return nil }
        var commune: CommuneRef?
        if let code = settings["device.commune"], let scheme = settings["device.scheme"].flatMap(Scheme.init(rawValue:)) {
            commune = CommuneRef(code: code, scheme: scheme)
        }
        return DeviceIdentity(id: id, label: label, role: role, commune: commune, province: settings["device.province"])
    }

    var now: Moment { Moment(environment.now()) }

    /// Runs `body` in one transaction: it completes, or changes nothing.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.write(body)
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.read(body)
    }
}
