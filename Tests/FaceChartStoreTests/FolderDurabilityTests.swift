import FaceChartCore
@testable import FaceChartStore
import FaceChartTestSupport
import Foundation
import Glibc
import Testing

/// Every fsync that makes a name durable is checked: a failure is reported, never taken for success.
@Suite struct FolderDurabilityTests {
    let folder: TemporaryFolder
    let calls = FaultInjectingCalls()

    init() throws { folder = try TemporaryFolder() }

    @Test func aFailedSyncOfThePatientsFolderAfterACreationIsReported() throws {
        let store = try PatientStore(root: folder.path, system: calls)
        calls.arm(failingCall: nil)
        try store.createPatient(SampleRecords.patient(id: "first")).unlock()
        let lastSync = try #require(calls.log.lastIndex(of: "fsync")) + 1
        calls.arm(failingCall: lastSync, with: EIO)
        #expect(throws: StoreError.notConfirmedOnDisk(file: "patients/patient-1", errno: EIO)) {
            try store.createPatient(SampleRecords.patient())
        }
        #expect(calls.failed == "fsync")
        // The patient is there, whole, and the message says to check rather than to add again.
        #expect(try PatientStore(root: folder.path).loadPatient(RecordID("patient-1")!) == SampleRecords.patient())
        #expect(StoreError.notConfirmedOnDisk(file: "patients/patient-1", errno: EIO).message.contains("may be lost"))
    }

    @Test func everySyncOfACreationIsCheckedAndNoneLeavesAHalfMadePatient() throws {
        let store = try PatientStore(root: folder.path, system: calls)
        calls.arm(failingCall: nil)
        try store.createPatient(SampleRecords.patient(id: "probe")).unlock()
        let syncs = calls.log.indices.filter { calls.log[$0] == "fsync" }
        #expect(syncs.count == 3, "the record, its folder, the patients folder: \(calls.log)")
        for (index, call) in syncs.enumerated() {
            let id = "patient-\(index)"
            calls.arm(failingCall: call + 1, with: EIO)
            do {
                try store.createPatient(SampleRecords.patient(id: id)).unlock()
                Issue.record("sync \(index) failed but the creation reported success")
            } catch .notConfirmedOnDisk {
                #expect(index == syncs.count - 1, "only the last sync follows the rename into place")
                #expect(folder.names(in: "patients/\(id)") == [".lock", "patient.json", "sessions"])
            } catch {
                #expect(folder.names(in: "patients").filter { $0.hasPrefix(id) || $0.hasPrefix(".") } == [], "\(error)")
            }
        }
    }

    @Test func aFailedSyncAfterMakingTheReviewsFolderIsReported() throws {
        let store = try PatientStore(root: folder.path, system: calls)
        try store.createPatient(SampleRecords.patient()).unlock()
        try store.saveSession(SampleRecords.session(id: "s1"))
        let review = Review(patient: RecordID("patient-1")!, session: RecordID("s1")!, createdAt: SampleRecords.awkwardDate,
                        clinician: SampleRecords.clinician)
        calls.arm(failingCall: nil)
        try store.saveReview(review)  // learns the order of calls
        try FileManager.default.removeItem(atPath: folder.file("patients/patient-1/reviews"))
        let mkdir = try #require(calls.log.firstIndex(of: "mkdir"))
        let firstSync = try #require(calls.log[mkdir...].firstIndex(of: "fsync"))
        let fresh = try PatientStore(root: folder.path, system: calls)
        calls.arm(failingCall: firstSync + 1, with: EIO)
        #expect(throws: StoreError.notConfirmedOnDisk(file: "patients/patient-1/reviews", errno: EIO)) { try fresh.saveReview(review) }
        calls.arm(failingCall: nil)
        try fresh.saveReview(review)
        #expect(try fresh.reviews(of: RecordID("patient-1")!) == [review])
    }

    @Test func viewingNeverCreatesTheDataFolder() throws {
        let missing = folder.file("not/there")
        #expect(throws: StoreError.dataFolderMissing(path: missing)) { try PatientStore(root: missing, access: .viewing) }
        #expect(!FileManager.default.fileExists(atPath: folder.file("not")))
        // An existing data folder without patients yet lists none, and still gets nothing written.
        try FileManager.default.createDirectory(atPath: folder.file("empty"), withIntermediateDirectories: false)
        let store = try PatientStore(root: folder.file("empty"), access: .viewing)
        #expect(try store.listPatients().isEmpty)
        #expect(try store.lotUses().uses.isEmpty)
        #expect(folder.names(in: "empty").isEmpty)
    }
}
