import Crypto
import Foundation
import Testing
@testable import TungnhaKit

/// The worked example of docs/sync-format.md, written, signed and sealed in Python (scripts/make-signed-examples.py):
/// tungnha reads it as the document says.
@Suite struct InteropTests {
    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/examples")

    func example(_ name: String) -> String { Self.docs.appendingPathComponent(name).path }

    @Test func thePythonSignedExampleMergesOnceItsLaptopIsEnrolled() throws {
        let folder = TemporaryFolder()
        let district = try districtStore(folder.file("d.sqlite"), trusting: [])
        #expect(try district.merge([example("batch.jsonl")]).files.map(\.refusal) == ["unknownDevice"])
        let offer = try district.readEnrollment(example("laptop.tungnha"))
        // The fingerprint Python computed, written down in the document.
        #expect(offer.newcomer?.fingerprint == "8KG12-3WS1Q-JJ1VD-9HKRK-8H40J")
        _ = try district.enroll(offer, fingerprint: "8KG12-3WS1Q-JJ1VD-9HKRK-8H40J")
        let outcome = try district.merge([example("batch.jsonl")])
        #expect(outcome.applied == 1)
        #expect(outcome.newEvents == 4)
    }

    @Test func thePythonSealedExampleOpensWithTheGatheringMachinesKeyToTheSameBytes() throws {
        let phrase = "tungnha example: Máy chủ huyện / seal"
        let keys = OpeningKeys(device: "89c9be85-2f1a-4b7e-9c3d-5e6f7a8b9c0d", agreementKey: Data(SHA256.hash(data: Data(phrase.utf8))))
        let opened = try SealedBatch.open(example("batch.sealed.jsonl"), keys: keys)
        #expect(opened == (try Data(contentsOf: URL(fileURLWithPath: example("batch.jsonl")))))
        let statement = try #require(try EnrollmentStatement.read(example("gathering.tungnha")).first)
        #expect(statement.keys.seal == (try keys.agreement.publicKey.rawRepresentation))
        #expect(statement.fingerprint == "5FGNM-PBVS4-ST8FB-G0GW7-KTDWM")
        // Another machine's key opens nothing.
        #expect(throws: BatchRefusal.sealedForOthers(recipients: 1)) {
            try SealedBatch.open(example("batch.sealed.jsonl"), keys: OpeningKeys(device: deviceA, agreementKey: Data(count: 32)))
        }
    }

    @Test func theExamplesAreWhatTheScriptWritesAndTheValidatorAcceptsThem() throws {
        let root = Self.docs.deletingLastPathComponent().deletingLastPathComponent()
        func python(_ arguments: [String]) throws -> (Int32, String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3"] + arguments
            process.currentDirectoryURL = root
            let out = Pipe()
            process.standardOutput = out
            process.standardError = out
            try process.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, text)
        }
        #expect(try python(["scripts/make-signed-examples.py", "--check"]) == (0, "ok: every example is what this script writes\n"))
        let valid = try python(["scripts/validate-batch.py", "--enrollment", "docs/examples/laptop.tungnha", "docs/examples/batch.jsonl"])
        #expect(valid == (0, "ok docs/examples/batch.jsonl (6 lines)\n"))
        let stranger = try python(["scripts/validate-batch.py", "--enrollment", "docs/examples/gathering.tungnha", "docs/examples/batch.jsonl"])
        #expect(stranger.0 == 1)
        #expect(stranger.1.contains("signed by 5d2e8f14 with a key none of --key, --enrollment or --store gives"))
    }
}
