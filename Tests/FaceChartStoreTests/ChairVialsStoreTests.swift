import FaceChartCore
@testable import FaceChartStore
import FaceChartTestSupport
import Foundation
import Testing

@Suite struct ChairVialsStoreTests {
    let folder: TemporaryFolder
    let store: PatientStore
    let utc = TimeZone(identifier: "UTC")!

    init() throws {
        folder = try TemporaryFolder()
        store = try PatientStore(root: folder.path)
    }

    @Test func theChairsVialsAreKeptInTheirOwnFileWithTheEnvelope() throws {
        #expect(try store.chairVials() == ChairVials())
        let moment = Timestamp.utc(1_795_860_000)
        let kept = try store.openChairVial(SampleRecords.product(), at: moment, by: SampleRecords.clinician, timeZone: utc)
        #expect(kept.entries.map(\.vial.lot) == ["C1234A"])
        #expect(try PatientStore(root: folder.path).chairVials() == kept)
        let bytes = try #require(folder.bytes("chair/vials.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(object["kind"] as? String == "vials")
        #expect(object["schemaVersion"] as? Int == 2)
        #expect((object["checksum"] as? [String: Any])?["algorithm"] as? String == "SHA-256/RFC8785")
        let record = try #require(object["record"] as? [String: Any])
        let first = try #require((record["vials"] as? [[String: Any]])?.first)
        #expect(first["openedAt"] as? String == "2026-11-28T10:00:00.000+00:00")
        #expect((first["vial"] as? [String: Any])?["lot"] as? String == "C1234A")
        #expect(folder.names(in: "chair") == ["vials.json"])
        #expect(UserPatternTests.mode(folder.file("chair/vials.json")) == 0o600)
        #expect(UserPatternTests.mode(folder.file("chair")) == 0o700)
    }

    @Test func twoWindowsAtOneChairKeepEachOthersVials() throws {
        let other = try PatientStore(root: folder.path)
        let moment = Timestamp.utc(1_795_860_000)
        _ = try store.openChairVial(SampleRecords.product(lot: "FIRST"), at: moment, by: SampleRecords.clinician, timeZone: utc)
        _ = try other.openChairVial(SampleRecords.product(lot: "SECOND"), at: moment.adding(seconds: 60), by: SampleRecords.clinician, timeZone: utc)
        let both = try store.openChairVial(SampleRecords.product(lot: "THIRD"), at: moment.adding(seconds: 120), by: SampleRecords.clinician, timeZone: utc)
        #expect(both.entries.map(\.vial.lot) == ["THIRD", "SECOND", "FIRST"])
    }

    @Test func aDamagedFileIsNamedAndNeverOverwritten() throws {
        let moment = Timestamp.utc(1_795_860_000)
        _ = try store.openChairVial(SampleRecords.product(), at: moment, by: SampleRecords.clinician, timeZone: utc)
        try folder.write(Array("{\"kind\": \"vials\"".utf8), to: "chair/vials.json")
        let fresh = try PatientStore(root: folder.path)
        #expect(throws: StoreError.unreadable(file: "chair/vials.json", problem: .truncated)) { try fresh.chairVials() }
        #expect(throws: StoreError.unreadable(file: "chair/vials.json", problem: .truncated)) {
            try fresh.openChairVial(SampleRecords.product(lot: "NEW"), at: moment, by: SampleRecords.clinician, timeZone: utc)
        }
        #expect(folder.bytes("chair/vials.json") == Array("{\"kind\": \"vials\"".utf8))
    }
}
