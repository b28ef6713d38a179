import FaceChartCore
@testable import FaceChartStore
import FaceChartTestSupport
import Foundation
import Glibc
import Testing

@Suite struct LockAndSignatureTests {
    let folder: TemporaryFolder
    let store: PatientStore
    let id = RecordID("patient-1")!

    init() throws {
        folder = try TemporaryFolder()
        store = try PatientStore(root: folder.path)
        try store.createPatient(SampleRecords.patient())
    }

    @Test func secondLockFailsWithTheHoldersPID() throws {
        let first = try store.lockPatient(id)
        #expect(first.isHeld)
        #expect(String(decoding: folder.bytes("patients/patient-1/.lock")!, as: UTF8.self) == "\(getpid())\n")
        // A second store opens its own file description, as a second process would.
        let other = try PatientStore(root: folder.path)
        #expect(throws: StoreError.patientLocked(pid: getpid())) { try other.lockPatient(id) }
        #expect(StoreError.patientLocked(pid: 1234).message == "This patient is open in another window (pid 1234).")
        first.unlock()
        #expect(!first.isHeld)
        let second = try other.lockPatient(id)
        #expect(second.isHeld)
    }

    @Test func lockIsReleasedWhenTheObjectGoes() throws {
        do {
            let lock = try store.lockPatient(id)
            #expect(lock.isHeld)
        }
        let again = try store.lockPatient(id)
        #expect(again.isHeld)
    }

    @Test func savingDoesNotDisturbTheLock() throws {
        let lock = try store.lockPatient(id)
        try store.savePatient(SampleRecords.patient(name: "Renamed"))
        #expect(throws: StoreError.patientLocked(pid: getpid())) { try PatientStore(root: folder.path).lockPatient(id) }
        lock.unlock()
    }

    @Test func signedSessionOnlyGainsAddenda() throws {
        let draft = SampleRecords.session()
        try store.saveSession(draft)
        let signed = SampleRecords.signed(draft)
        try store.saveSession(signed)  // signing a draft is a normal save
        let file = "patients/patient-1/sessions/20240428T122640Z-session-1.json"
        let before = folder.bytes(file)

        var edited = signed
        edited.points[0].units = Units(3)
        #expect(throws: StoreError.signedSessionIsReadOnly(file: file)) { try store.saveSession(edited) }
        var unsigned = signed
        unsigned.status = .draft
        #expect(throws: StoreError.signedSessionIsReadOnly(file: file)) { try store.saveSession(unsigned) }
        #expect(folder.bytes(file) == before)

        var amended = signed
        amended.addenda.append(Addendum(
            author: SampleRecords.clinician, writtenAt: SampleRecords.awkwardDate.adding(seconds: 86_400), text: "Bruise at p0."))
        try store.saveSession(amended)
        #expect(try PatientStore(root: folder.path).loadSession(patient: id, session: draft.id) == amended)

        var rewritten = amended
        rewritten.addenda[0].text = "Rewritten."
        #expect(throws: StoreError.signedSessionIsReadOnly(file: file)) { try store.saveSession(rewritten) }
        var removed = amended
        removed.addenda = []
        #expect(throws: StoreError.signedSessionIsReadOnly(file: file)) { try store.saveSession(removed) }
    }
}
