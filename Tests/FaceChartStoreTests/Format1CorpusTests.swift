import FaceChartCore
@testable import FaceChartStore
import FaceChartTestSupport
import Foundation
import Testing

/// Files written by FaceChart 1 (Tests/Fixtures/format1*) open, display and verify for ever, are never
/// rewritten by reading, and are written back as format 2 only when their record changes.
@Suite struct Format1CorpusTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    let folder: TemporaryFolder
    let patient = RecordID("f1-patient")!

    init() throws {
        folder = try TemporaryFolder()
        try FileManager.default.removeItem(atPath: folder.path)
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("format1"), to: URL(fileURLWithPath: folder.path))
    }

    func snapshot() throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
        for case let relative as String in enumerator where relative.hasSuffix(".json") {
            files[relative] = folder.bytes(relative)
        }
        return files
    }

    @Test func everyRecordOpensAndReadingChangesNoByte() throws {
        let before = try snapshot()
        let store = try PatientStore(root: folder.path)
        let patient = try store.loadPatient(self.patient)
        #expect(patient.name == "Ada Fixture")
        #expect(patient.flags == [.anticoagulants, .lactation])
        #expect(patient.createdAt.utcOffsetSeconds == nil)
        #expect(patient.updatedAt == patient.createdAt)
        let sessions = try store.sessions(of: self.patient)
        #expect(sessions.map(\.id.rawValue) == ["f1-migraine", "f1-signed", "f1-draft"])
        let reviews = try store.reviews(of: self.patient)
        #expect(reviews.count == 1)
        #expect(try store.lotUses().uses.map(\.lot) == ["M55", "C1234A", "C9999B", "C1234A"])
        #expect(try snapshot() == before)
    }

    @Test func aSessionSignedByFaceChart1StillVerifiesAndSaysHow() throws {
        let store = try PatientStore(root: folder.path)
        let signed = try store.loadSession(patient: patient, session: RecordID("f1-signed")!)
        #expect(signed.signatureIsIntact)
        let signature = try #require(signed.signature)
        #expect(signature.digest.algorithm == SessionDigest.canonical)
        #expect(signature.migratedFrom == Signature.Digest(
            algorithm: SessionDigest.format1, value: "1d92501637a0b0d0a7fc016fac90442f2e2624b07b8bafd32a784a7a6d40163a"))
        #expect(signature.signer == Clinician(name: "Dr Fixture"))
        #expect(signed.addenda.map(\.author.name) == ["Nurse Two"])
        // Format 1's own point product became a second vial, and the points name their vials.
        #expect(signed.vials.map(\.lot) == ["C1234A", "C9999B"])
        #expect(signed.vials.map(\.ingredient) == ["onabotulinumtoxinA", "onabotulinumtoxinA"])
        #expect(signed.points.map(\.vial.rawValue) == ["v1", "v1", "v2"])
        #expect(signed.indication.key == "glabellar-lines")
        #expect(signed.startedAt.rfc3339 == "2025-11-20T09:17:29.528Z")
        let migraine = try store.loadSession(patient: patient, session: RecordID("f1-migraine")!)
        #expect(migraine.signatureIsIntact)
        #expect(migraine.indication.key == "chronic-migraine")
    }

    @Test func theDemoSessionOfFaceChart1Verifies() throws {
        let demo = try TemporaryFolder()
        try FileManager.default.removeItem(atPath: demo.path)
        try FileManager.default.copyItem(
            at: Self.fixtures.appendingPathComponent("format1-demo"), to: URL(fileURLWithPath: demo.path))
        let session = try PatientStore(root: demo.path)
            .loadSession(patient: RecordID("demo-patient")!, session: RecordID("demo-glabella")!)
        #expect(session.signatureIsIntact)
        #expect(session.signature?.migratedFrom?.algorithm == SessionDigest.format1)
    }

    @Test func aFormat1SessionChangedAfterSigningShowsABrokenSignature() throws {
        let file = "patients/f1-patient/sessions/20251120T091729Z-f1-signed.json"
        let text = String(decoding: try #require(folder.bytes(file)), as: UTF8.self)
        let edited = text.replacingOccurrences(of: "\"units\" : 4.5", with: "\"units\" : 5.5")
        #expect(edited != text)
        try folder.write(Array(edited.utf8), to: file)
        let session = try PatientStore(root: folder.path).loadSession(patient: patient, session: RecordID("f1-signed")!)
        #expect(!session.signatureIsIntact)
        #expect(session.signature?.digest.algorithm == SessionDigest.format1)
        #expect(session.signature?.migratedFrom == nil)
    }

    @Test func aChangedRecordIsWrittenAsFormat2AndStillVerifies() throws {
        let store = try PatientStore(root: folder.path)
        let signed = try store.loadSession(patient: patient, session: RecordID("f1-signed")!)
        let amended = try signed.addingAddendum("Reviewed.", by: SampleRecords.clinician, at: .utc(1_800_000_000))
        try store.saveSession(amended)
        let file = "patients/f1-patient/sessions/20251120T091729Z-f1-signed.json"
        let text = String(decoding: try #require(folder.bytes(file)), as: UTF8.self)
        #expect(text.contains("\"schemaVersion\" : 2"))
        #expect(text.contains("\"status\" : \"signed\""))
        #expect(text.contains("\"migratedFrom\""))
        #expect(!text.contains("_0"))
        let reread = try PatientStore(root: folder.path).loadSession(patient: patient, session: RecordID("f1-signed")!)
        #expect(reread == amended)
        #expect(reread.signatureIsIntact)
        #expect(folder.bytes("patients/f1-patient/sessions/20250504T091729Z-f1-migraine.json")
            == (try? [UInt8](Data(contentsOf: Self.fixtures.appendingPathComponent(
                "format1/patients/f1-patient/sessions/20250504T091729Z-f1-migraine.json")))))
    }

    @Test func aFormat1ReviewAndPatientMigrate() throws {
        let store = try PatientStore(root: folder.path)
        let review = try #require(try store.reviews(of: patient).first)
        #expect(review.createdAt == review.updatedAt)
        #expect(review.sideEffects.map(\.effect) == [.headache, .bruising].sorted())
        #expect(review.sideEffectNotes == "small bruise")
        #expect(review.clinician.name == "Dr Fixture")
        #expect(review.isDone)
        var patientRecord = try store.loadPatient(patient)
        patientRecord.notes = "Changed."
        try store.savePatient(patientRecord)
        #expect(String(decoding: folder.bytes("patients/f1-patient/patient.json")!, as: UTF8.self).contains("\"schemaVersion\" : 2"))
        #expect(try PatientStore(root: folder.path).loadPatient(patient) == patientRecord)
    }
}
