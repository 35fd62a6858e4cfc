import Crypto
import Foundation
import GRDB

/// Why a batch file was refused; nothing of it was applied.
public enum BatchRefusal: TungnhaError, Equatable, Sendable {
    case unreadable(detail: String)
    case empty
    case notJSON(line: Int, column: Int)
    case notABatch
    case unknownVersion(found: String)
    case badHeader(field: String, problem: EventFormatError.Problem)
    case badEvent(line: Int, field: String, problem: EventFormatError.Problem)
    case badEnd(line: Int)
    case cutShort(lines: Int)
    case linesAfterEnd(line: Int)
    case checksumMismatch(declared: String, actual: String)
    case countMismatch(header: Int, footer: Int, actual: Int)
    case otherCommune(line: Int, found: CommuneRef, header: CommuneRef)
    case otherDevice(line: Int)
    case seqOutOfRange(line: Int, seq: Int64, first: Int64?, last: Int64?)
    case notThisLaptop(found: CommuneRef, laptop: CommuneRef)
    case notThisProvince(found: CommuneRef, province: String)
    case notThisCommune(found: CommuneRef, commune: CommuneRef)
    // Trust (Sync/BatchChecks.swift, Sync/BatchTrust.swift; texts in Catalogue+Trust.swift).
    case unsigned
    case badSignature(signer: String)
    case unknownDevice(signer: String, label: String)
    case keyChanged(signer: String, label: String)
    case revoked(signer: String, label: String, keepUpTo: Int64?)
    case signedByOther(signer: String, device: String)
    case relayFromLaptop(signer: String)
    case enrolledForOtherCommune(found: CommuneRef, enrolled: CommuneRef)
    case sealedForOthers(recipients: Int)
    case badSeal(detail: String)
    case seqGap(missing: Int64, first: Int64, last: Int64)
    case seqTwice(line: Int, seq: Int64)
    case afterWritten(line: Int, at: Moment, writtenAt: Moment)
    case inFuture(at: Moment, now: Moment)
    case ownEventsUnknown(seq: Int64, held: Int64)
    case householdElsewhere(line: Int, household: String, commune: CommuneRef)
    case targetElsewhere(line: Int, target: String, commune: CommuneRef)
    case namesWithoutConsent(line: Int, household: String)

    /// The line the problem is on, if it is on one.
    public var line: Int? {
        switch self {
        case .notJSON(let line, _), .badEvent(let line, _, _), .badEnd(let line), .linesAfterEnd(let line), .otherCommune(let line, _, _),
            .otherDevice(let line), .seqOutOfRange(let line, _, _, _), .seqTwice(let line, _), .afterWritten(let line, _, _),
            .householdElsewhere(let line, _, _), .targetElsewhere(let line, _, _), .namesWithoutConsent(let line, _):
            return line
        case .badHeader: return 1
        case .cutShort(let lines): return lines
        default: return nil
        }
    }
}

/// What a merge did with one file.
public struct FileOutcome: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        case applied
        /// The same file (same checksum) was merged before: all its events are known.
        case alreadyMerged = "already-merged"
        case refused
        /// Found in a folder, but not a batch file; left alone.
        case skipped
    }

    public struct Clash: Sendable, Codable, Equatable {
        public var event: String
        public var line: Int
        /// The file the stored event came from; nil when it was recorded on this machine.
        public var otherFile: String?
        /// Set for a fork: another event of this device already holds this sequence number (two machines wrote
        /// under one device id). The event is kept aside, not applied.
        public var forkOf: String? = nil
        public var seq: Int64? = nil
    }

    public var file: String
    public var status: Status
    public var device: String?
    public var deviceLabel: String?
    public var batch: Int?
    public var commune: String?
    public var scheme: Scheme?
    public var events: Int = 0
    public var newEvents: Int = 0
    public var knownEvents: Int = 0
    public var clashes: [Clash] = []
    /// Why the file was refused (the case name), the line, and the message in the user's language.
    public var refusal: String?
    public var line: Int?
    public var message: String?
    public var quarantine: String?
    /// Set when a refused file could not be copied to quarantine/: why.
    public var quarantineFailed: String?
    /// Set for a file left alone because it is not a regular file (a pipe, a device).
    public var notRegular: FileKind?
}

public struct MergeOutcome: Sendable, Codable, Equatable {
    public var files: [FileOutcome]

    public var applied: Int { files.filter { $0.status == .applied }.count }
    public var alreadyMerged: Int { files.filter { $0.status == .alreadyMerged }.count }
    public var refused: Int { files.filter { $0.status == .refused }.count }
    public var newEvents: Int { files.reduce(0) { $0 + $1.newEvents } }
    public var knownEvents: Int { files.reduce(0) { $0 + $1.knownEvents } }
    public var clashes: Int { files.reduce(0) { $0 + $1.clashes.count } }
    public var forks: Int { files.reduce(0) { $0 + $1.clashes.filter { $0.forkOf != nil }.count } }

    enum CodingKeys: String, CodingKey { case files, applied, alreadyMerged, refused, newEvents, knownEvents, clashes, forks }

    public init(files: [FileOutcome]) { self.files = files }

    public init(from decoder: Decoder) throws {
        files = try decoder.container(keyedBy: CodingKeys.self).decode([FileOutcome].self, forKey: .files)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(files, forKey: .files)
        try container.encode(applied, forKey: .applied)
        try container.encode(alreadyMerged, forKey: .alreadyMerged)
        try container.encode(refused, forKey: .refused)
        try container.encode(newEvents, forKey: .newEvents)
        try container.encode(knownEvents, forKey: .knownEvents)
        try container.encode(clashes, forKey: .clashes)
        try container.encode(forks, forKey: .forks)
    }
}
