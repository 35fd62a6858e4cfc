import Foundation
import GRDB
import Testing
@testable import TungnhaKit

/// A store is bound to its file on its machine: a copy takes a new device id, linked to the old, before it records
/// anything; a move within the disk, or one confirmed with `where --moved`, keeps it.
@Suite struct CopyTests {
    /// A plain copy of a store that is open here: the file and its write-ahead log, as `cp` of both would make.
    func copyStore(_ folder: TemporaryFolder, _ from: String, _ to: String) throws {
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: folder.file(from) + suffix) {
            try FileManager.default.copyItem(atPath: folder.file(from) + suffix, toPath: folder.file(to) + suffix)
        }
    }

    @Test func theEventThatLinksTheIdsReadsBackAndIsCheckedLikeAnyOther() throws {
        var a = EventFactory(device: deviceB)
        let event = a.make(nil, at: "2026-11-20T09:15:00+07:00", .deviceCopied(DeviceCopy(source: deviceA, sourceSeq: 12, how: .restore)))
        #expect(EventCodec.canonical(event) == #"{"at":"2026-11-20T09:15:00+07:00","commune":"13285","data":{"how":"restore","source":"aaaaaaaa-0000-4000-8000-000000000001","sourceSeq":12},"device":"bbbbbbbb-0000-4000-8000-000000000002","entered":"2026-11-20T09:15:00+07:00","scheme":"2025","seq":1,"type":"device.copied"}"#)
        #expect(try EventCodec.event(from: JSONParser.parse(EventCodec.canonical(event))) == event)
        #expect(EventCodec.canonical(event) == JSONWriter.canonical(EventCodec.json(event)))
        var withHousehold = event
        withHousehold.household = "HHHHHHHHH1"
        #expect(throws: EventFormatError(path: "household", problem: .unknownField)) {
            try EventCodec.event(from: JSONParser.parse(EventCodec.canonical(withHousehold)))
        }
        let negative = EventCodec.canonical(event).replacingOccurrences(of: "\"sourceSeq\":12", with: "\"sourceSeq\":-1")
        #expect(throws: EventFormatError(path: "data.sourceSeq", problem: .invalid(expected: "0..1000000000000"))) {
            try EventCodec.event(from: JSONParser.parse(negative))
        }
    }

    @Test func aCopyTakesANewIdLinkedToTheOldAndHandsOverWhatWasNotSent() throws {
        let folder = TemporaryFolder()
        let clock = TestClock()
        let laptop = try phuLyLaptop(folder, clock: clock)
        _ = try laptop.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Nguyễn Văn An"))
        _ = try laptop.export(to: folder.file("exports"))
        _ = try laptop.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Trần Văn Bình"))
        let old = try laptop.identity().id
        #expect(try laptop.checkCopy() == nil)

        try copyStore(folder, "laptop.sqlite", "copy.sqlite")
        let copy = try Store.open(at: folder.file("copy.sqlite"), environment: environment(clock, seed: 7))
        #expect(try copy.bindingStatus() == .elsewhere(was: folder.file("laptop.sqlite"), otherMachine: false))
        let change = try #require(try copy.checkCopy())
        #expect(change.how == .copy)
        #expect(change.previous == old)
        #expect(change.handedOver == 1)
        #expect(change.was == folder.file("laptop.sqlite"))
        #expect(try copy.identity().id == change.device)
        #expect(change.device != old)
        // Its first event says whom it continues: the village, two households; the third of the old id was not sent.
        let first = try copy.read { db in try String.fetchOne(db, sql: "SELECT body FROM event WHERE type = 'device.copied'") }
        #expect(try EventLog.decode(first!).body == .deviceCopied(DeviceCopy(source: old, sourceSeq: 3, how: .copy)))
        #expect(try copy.checkCopy() == nil)
        #expect(try laptop.checkCopy() == nil)

        // The next export writes the old id's unsent event as that id's batch 2, then the copy's own batch 1.
        let handovers = try copy.exportHandovers(to: folder.file("exports"))
        #expect(handovers.map { [$0.batch, Int($0.firstSeq!), Int($0.lastSeq!), $0.events] } == [[2, 3, 3, 1]])
        #expect(handovers.map(\.device) == [old])
        #expect(try copy.export(to: folder.file("exports")).batch == 1)
        #expect(try copy.exportHandovers(to: folder.file("exports")).isEmpty)
    }

    @Test func anotherMachineIsACopyEvenWithTheSameInode() throws {
        let folder = TemporaryFolder()
        let clock = TestClock()
        _ = try phuLyLaptop(folder, clock: clock)
        var elsewhere = environment(clock, seed: 8)
        elsewhere.machineID = "another-machine"
        let store = try Store.open(at: folder.file("laptop.sqlite"), environment: elsewhere)
        #expect(try store.bindingStatus() == .elsewhere(was: folder.file("laptop.sqlite"), otherMachine: true))
        #expect(try store.checkCopy()?.otherMachine == true)
    }

    @Test func aMoveSaidToBeOneKeepsTheId() throws {
        let folder = TemporaryFolder()
        let clock = TestClock()
        let laptop = try phuLyLaptop(folder, clock: clock)
        #expect(throws: CopyError.notMoved(path: folder.file("laptop.sqlite"))) { try laptop.acceptMove() }
        try copyStore(folder, "laptop.sqlite", "usb.sqlite")
        let moved = try Store.open(at: folder.file("usb.sqlite"), environment: environment(clock, seed: 9))
        #expect(try moved.acceptMove() == folder.file("laptop.sqlite"))
        #expect(try moved.checkCopy() == nil)
        #expect(try moved.identity().id == laptop.identity().id)
    }

    @Test func aBackupIsRestoredNotUsedAndTheRestoreTakesANewId() throws {
        let folder = TemporaryFolder()
        let clock = TestClock()
        let laptop = try phuLyLaptop(folder, clock: clock)
        _ = try laptop.registerHousehold(HouseholdInput(village: "Tổ dân phố Lê Lợi", headName: "Nguyễn Văn An"))
        let backup = try laptop.backup(to: folder.file("usb/backup.sqlite"))
        #expect(backup.events == 2)
        #expect(backup.households == 1)
        #expect(throws: CopyError.backupExists(path: folder.file("usb/backup.sqlite"))) { try laptop.backup(to: folder.file("usb/backup.sqlite")) }
        #expect(!FileManager.default.fileExists(atPath: folder.file("usb/backup.sqlite-wal")))
        let opened = try Store.open(at: folder.file("usb/backup.sqlite"), environment: environment(clock))
        #expect(throws: CopyError.isBackup(path: folder.file("usb/backup.sqlite"))) { try opened.checkCopy() }

        let restored = try Store.restore(from: folder.file("usb/backup.sqlite"), to: folder.file("new.sqlite"), environment: environment(clock, seed: 5))
        #expect(restored.identity.how == .restore)
        #expect(restored.identity.previous == (try laptop.identity().id))
        #expect(restored.identity.handedOver == 2)
        #expect(restored.backedUpAt == backup.at)
        let store = try Store.open(at: folder.file("new.sqlite"), environment: environment(clock))
        #expect(try store.checkCopy() == nil)
        #expect(try store.households().map(\.headName) == ["Nguyễn Văn An"])
        #expect(throws: CopyError.restoreOver(path: folder.file("new.sqlite"))) {
            try Store.restore(from: folder.file("usb/backup.sqlite"), to: folder.file("new.sqlite"), environment: environment(clock, seed: 6))
        }
        // --replace puts the store there aside, never deletes it.
        let again = try Store.restore(
            from: folder.file("usb/backup.sqlite"), to: folder.file("new.sqlite"), replace: true, environment: environment(clock, seed: 6))
        #expect(again.replaced == folder.file("new.sqlite") + ".before-restore-20261120090000")
        #expect(FileManager.default.fileExists(atPath: again.replaced!))
    }

    /// Every command checks its store: a command that only reads must not wait behind a long merge's write lock.
    @Test func checkingABoundStoreNeedsNoWriteLock() throws {
        let folder = TemporaryFolder()
        let laptop = try phuLyLaptop(folder)
        let other = try DatabaseQueue(path: folder.file("laptop.sqlite"))
        try other.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            defer { try? db.execute(sql: "ROLLBACK") }
            let start = Date()
            #expect(try laptop.checkCopy() == nil)
            #expect(Date().timeIntervalSince(start) < 5)
        }
    }

    @Test func rangesOfNumbers() {
        #expect([Int64]([3, 4, 5, 9, 11, 12]).ranges == "3–5, 9, 11–12")
        #expect([Int64]([7]).ranges == "7")
    }
}
