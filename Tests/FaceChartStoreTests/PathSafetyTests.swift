import FaceChartCore
@testable import FaceChartStore
import FaceChartTestSupport
import Foundation
import Glibc
import Testing

/// Identifiers and links cannot take the store outside its data folder.
@Suite struct PathSafetyTests {
    let folder: TemporaryFolder
    let outside: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        outside = try TemporaryFolder()
    }

    @Test(arguments: ["../x", "a/b", "..", ".", "", String(repeating: "a", count: 65), "a\0b", "José", "a b"])
    func unsafeIdentifiersAreRefused(text: String) {
        #expect(RecordID(text) == nil)
    }

    @Test func sessionFileNamesMustCarryASafeIdentifier() {
        #expect(PatientStore.sessionID(fromFileName: "20240101T000000Z-abc.json")?.rawValue == "abc")
        #expect(PatientStore.sessionID(fromFileName: "20240101T000000Z-a.b.json") == nil)
        #expect(PatientStore.sessionID(fromFileName: "20241301T000000Z-abc.json") == nil)
        #expect(PatientStore.sessionID(fromFileName: ".facechart-tmp-20240101T000000Z-abc.json-x") == nil)
    }

    @Test func symlinkedPatientFolderIsNotFollowed() throws {
        let store = try PatientStore(root: folder.path)
        let elsewhere = try PatientStore(root: outside.path)
        try elsewhere.createPatient(SampleRecords.patient(id: "evil"))
        let target = outside.file("patients/evil/patient.json")
        let before = try #require(outside.bytes("patients/evil/patient.json"))
        try FileManager.default.createSymbolicLink(atPath: folder.file("patients/evil"), withDestinationPath: outside.file("patients/evil"))
        let id = RecordID("evil")!
        let expected = StoreError.notAFolder(file: "patients/evil")
        #expect(throws: expected) { try store.loadPatient(id) }
        #expect(throws: expected) { try store.savePatient(SampleRecords.patient(id: "evil", name: "Changed")) }
        #expect(throws: expected) { try store.saveSession(SampleRecords.session(patient: "evil")) }
        #expect(throws: expected) { try store.lockPatient(id) }
        #expect(try store.listPatients().map(\.problem) == [expected])
        #expect(FileManager.default.contents(atPath: target).map { [UInt8]($0) } == before)
        #expect(outside.names(in: "patients/evil") == [".lock", "patient.json", "sessions"])
    }

    @Test func symlinkedRecordFileIsNotFollowed() throws {
        let store = try PatientStore(root: folder.path)
        try store.createPatient(SampleRecords.patient())
        try outside.write(folder.bytes("patients/patient-1/patient.json")!, to: "copy.json")
        try FileManager.default.removeItem(atPath: folder.file("patients/patient-1/patient.json"))
        try FileManager.default.createSymbolicLink(atPath: folder.file("patients/patient-1/patient.json"), withDestinationPath: outside.file("copy.json"))
        #expect(throws: StoreError.unreadable(file: "patients/patient-1/patient.json", problem: .notAFile(.symbolicLink))) {
            try PatientStore(root: folder.path).loadPatient(RecordID("patient-1")!)
        }
    }

    @Test func temporaryFilesGoWhenThePatientIsOpenedAndOthersAreKept() throws {
        let store = try PatientStore(root: folder.path)
        try store.createPatient(SampleRecords.patient())
        try store.saveSession(SampleRecords.session())
        try folder.write([1, 2, 3], to: "patients/patient-1/.facechart-tmp-patient.json-abc")
        try folder.write([1], to: "patients/patient-1/sessions/.facechart-tmp-x.json-def")
        try folder.write([1], to: "patients/patient-1/keep.txt")
        try FileManager.default.createDirectory(atPath: folder.file("patients/patient-1/reviews"), withIntermediateDirectories: false)
        try folder.write([1], to: "patients/patient-1/reviews/.facechart-tmp-r.json-ghi")
        try folder.write([1], to: "patients/patient-1/reviews/.facechart-tmp-fresh.json-jkl")
        for stale in ["patients/patient-1/.facechart-tmp-patient.json-abc", "patients/patient-1/sessions/.facechart-tmp-x.json-def",
                      "patients/patient-1/reviews/.facechart-tmp-r.json-ghi"] {
            try folder.backdate(stale)
        }
        try FileManager.default.createDirectory(atPath: outside.file("linked"), withIntermediateDirectories: false)
        try outside.write([9], to: "linked/.facechart-tmp-theirs")
        try outside.backdate("linked/.facechart-tmp-theirs")
        try FileManager.default.createSymbolicLink(atPath: folder.file("patients/linked"), withDestinationPath: outside.file("linked"))

        let store2 = try PatientStore(root: folder.path)
        #expect(folder.names(in: "patients/patient-1").contains(".facechart-tmp-patient.json-abc"), "opening the store sweeps nothing")
        let lock = try store2.lockPatient(RecordID("patient-1")!)
        defer { lock.unlock() }
        #expect(folder.names(in: "patients/patient-1") == [".lock", "keep.txt", "patient.json", "reviews", "sessions"])
        #expect(folder.names(in: "patients/patient-1/sessions") == ["20240428T122640Z-session-1.json"])
        // A temp file younger than the sweep's age may be a save in flight: it stays.
        #expect(folder.names(in: "patients/patient-1/reviews") == [".facechart-tmp-fresh.json-jkl"])
        #expect(outside.names(in: "linked") == [".facechart-tmp-theirs"])
        // Opening to view changes nothing at all.
        try folder.write([1], to: "patients/patient-1/.facechart-tmp-patient.json-xyz")
        try folder.backdate("patients/patient-1/.facechart-tmp-patient.json-xyz")
        _ = try PatientStore(root: folder.path, access: .viewing)
        #expect(folder.names(in: "patients/patient-1").contains(".facechart-tmp-patient.json-xyz"))
    }
}

@Suite struct InterruptedCreationTests {
    /// A creation killed before its rename leaves a folder under a temporary name, never a half-made
    /// patient; the index's next full check removes it once it is old and its lock is free.
    @Test func aFolderLeftByAnInterruptedCreationIsRemovedOnceStale() throws {
        let folder = try TemporaryFolder()
        _ = try PatientStore(root: folder.path)
        let staging = "patients/.facechart-tmp-new-ghost-abc"
        try FileManager.default.createDirectory(atPath: folder.file(staging + "/sessions"), withIntermediateDirectories: true)
        try folder.write(Array("{}".utf8), to: staging + "/.facechart-tmp-patient.json-123")
        try folder.write([], to: staging + "/.lock")
        try FileManager.default.createDirectory(atPath: folder.file("patients/kept/sessions"), withIntermediateDirectories: true)
        try folder.write(Array("{}".utf8), to: "patients/kept/sessions/20260101T000000Z-s.json")

        let store = try PatientStore(root: folder.path)
        try store.practiceIndex().refresh()
        #expect(FileManager.default.fileExists(atPath: folder.file(staging)), "too young to be abandoned")
        #expect(try store.listPatients().map(\.id.rawValue) == ["kept"])

        try folder.backdate(staging)
        try store.practiceIndex().refresh()
        #expect(!FileManager.default.fileExists(atPath: folder.file(staging)))
        #expect(FileManager.default.fileExists(atPath: folder.file("patients/kept/sessions/20260101T000000Z-s.json")))
        #expect(try store.listPatients().map(\.id.rawValue) == ["kept"])
    }

    @Test func aNewPatientFolderAppearsWholeWithItsLockHeld() throws {
        let folder = try TemporaryFolder()
        let store = try PatientStore(root: folder.path)
        let lock = try store.createPatient(SampleRecords.patient())
        #expect(lock.isHeld)
        #expect(folder.names(in: "patients") == ["patient-1"])
        #expect(folder.names(in: "patients/patient-1") == [".lock", "patient.json", "sessions"])
        #expect(throws: StoreError.patientLocked(pid: getpid())) { try PatientStore(root: folder.path).lockPatient(RecordID("patient-1")!) }
        #expect(throws: StoreError.alreadyExists(file: "patients/patient-1")) { try store.createPatient(SampleRecords.patient()) }
        #expect(folder.names(in: "patients") == ["patient-1"], "a refused creation leaves nothing behind")
    }
}

@Suite struct TemporaryFilesOfOtherWindowsTests {
    @Test func aLockedPatientsTempFilesAreLeftForTheWindowThatIsSaving() throws {
        let folder = try TemporaryFolder()
        let first = try PatientStore(root: folder.path)
        try first.createPatient(SampleRecords.patient()).unlock()
        try first.createPatient(SampleRecords.patient(id: "patient-2")).unlock()
        let lock = try first.lockPatient(RecordID("patient-1")!)
        try folder.write(Array("{}".utf8), to: "patients/patient-1/.facechart-tmp-patient.json-inflight")
        try folder.write(Array("{}".utf8), to: "patients/patient-2/.facechart-tmp-patient.json-stale")
        try folder.backdate("patients/patient-1/.facechart-tmp-patient.json-inflight")
        try folder.backdate("patients/patient-2/.facechart-tmp-patient.json-stale")

        // The next check of the index reads both folders (they changed) and sweeps those it can lock.
        let second = try PatientStore(root: folder.path)
        try second.practiceIndex().refresh()
        #expect(FileManager.default.fileExists(atPath: folder.file("patients/patient-1/.facechart-tmp-patient.json-inflight")))
        #expect(!FileManager.default.fileExists(atPath: folder.file("patients/patient-2/.facechart-tmp-patient.json-stale")))

        lock.unlock()
        _ = try second.lockPatient(RecordID("patient-1")!)
        #expect(!FileManager.default.fileExists(atPath: folder.file("patients/patient-1/.facechart-tmp-patient.json-inflight")))
    }
}
