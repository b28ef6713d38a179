import FaceChartCore
@testable import FaceChartStore
import FaceChartTestSupport
import Foundation
import Glibc
import Testing

@Suite struct RoundTripTests {
    let folder: TemporaryFolder
    let store: PatientStore

    init() throws {
        folder = try TemporaryFolder()
        store = try PatientStore(root: folder.path)
    }

    @Test func patientRoundTripsToEquality() throws {
        let patient = SampleRecords.patient()
        try store.createPatient(patient)
        let reopened = try PatientStore(root: folder.path)
        #expect(try reopened.loadPatient(patient.id) == patient)
    }

    @Test func sessionRoundTripsToEquality() throws {
        try store.createPatient(SampleRecords.patient())
        let session = SampleRecords.signed(SampleRecords.session(points: 40))
        try store.saveSession(session)
        let reopened = try PatientStore(root: folder.path)
        #expect(try reopened.loadSession(patient: session.patient, session: session.id) == session)
        #expect(try reopened.sessions(of: session.patient) == [session])
    }

    @Test func datesOutsideTheSaneRangeAreRefused() throws {
        var patient = SampleRecords.patient()
        patient.createdAt = .utc(-3_000_000_000)  // 1874
        #expect(throws: StoreError.dateOutOfRange) { try store.createPatient(patient) }
        #expect(folder.names(in: "patients") == [])
    }

    @Test func fileIsPrettySortedVersionedAndChecksummed() throws {
        let patient = SampleRecords.patient()
        try store.createPatient(patient)
        let text = String(decoding: try #require(folder.bytes("patients/patient-1/patient.json")), as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"checksum\" : {\n    \"algorithm\" : \"SHA-256/RFC8785\",\n    \"value\" : \""))
        #expect(text.contains("\n  \"kind\" : \"patient\",\n  \"record\" : {\n"))
        #expect(text.contains("\n  \"schemaVersion\" : 2\n}"))
        let keys = text.split(separator: "\n").filter { $0.hasPrefix("    \"") }.map { $0.split(separator: "\"")[1] }
        #expect(keys.contains("createdAt") && keys.contains("updatedAt"))
        #expect(text.contains("\"createdAt\" : \"2024-04-28T17:56:40.123+05:30\""))
    }

    @Test func sessionFileNameSortsByUTCStartTime() throws {
        try store.createPatient(SampleRecords.patient())
        let later = SampleRecords.session(id: "b", startedAt: .utc(1_700_000_100))
        let earlier = SampleRecords.session(id: "z", startedAt: Timestamp(milliseconds: 1_700_000_000_750, utcOffsetSeconds: -18_000))
        try store.saveSession(later)
        try store.saveSession(earlier)
        #expect(folder.names(in: "patients/patient-1/sessions") == ["20231114T221320Z-z.json", "20231114T221500Z-b.json"])
        #expect(try store.sessions(of: later.patient).map(\.id.rawValue) == ["z", "b"])
    }

    @Test func filesAre0600AndFolders0700() throws {
        try store.createPatient(SampleRecords.patient())
        try store.saveSession(SampleRecords.session())
        let lock = try store.lockPatient(RecordID("patient-1")!)
        defer { lock.unlock() }
        func mode(_ relative: String) -> mode_t {
            var info = stat()
            #expect(Glibc.lstat(folder.file(relative), &info) == 0)
            return info.st_mode & 0o777
        }
        #expect(mode("patients") == 0o700)
        #expect(mode("patients/patient-1") == 0o700)
        #expect(mode("patients/patient-1/sessions") == 0o700)
        #expect(mode("patients/patient-1/patient.json") == 0o600)
        #expect(mode("patients/patient-1/.lock") == 0o600)
        let session = try #require(folder.names(in: "patients/patient-1/sessions").first)
        #expect(mode("patients/patient-1/sessions/\(session)") == 0o600)
    }

    @Test func savingAgainReplacesAndKeepsTheMode() throws {
        var patient = SampleRecords.patient()
        try store.createPatient(patient)
        patient.notes = "Changed."
        try store.savePatient(patient)
        #expect(try PatientStore(root: folder.path).loadPatient(patient.id).notes == "Changed.")
        #expect(folder.names(in: "patients/patient-1") == [".lock", "patient.json", "sessions"])
    }

    @Test func invalidRecordsAreNotSaved() throws {
        var patient = SampleRecords.patient()
        patient.name = "  "
        #expect(throws: StoreError.invalidRecord(.emptyName)) { try store.createPatient(patient) }
        #expect(folder.names(in: "patients") == [])
        try store.createPatient(SampleRecords.patient())
        var session = SampleRecords.session()
        session.points[0].units = Units(101)
        #expect(throws: StoreError.invalidRecord(.unitsTooLarge(Units(101), maximum: Units(100)))) {
            try store.saveSession(session)
        }
    }

    @Test func createTwiceFails() throws {
        try store.createPatient(SampleRecords.patient())
        #expect(throws: StoreError.alreadyExists(file: "patients/patient-1")) {
            try store.createPatient(SampleRecords.patient(name: "Other"))
        }
    }

    @Test func listingGivesPatientsAndTheirLatestSession() throws {
        try store.createPatient(SampleRecords.patient(id: "b", name: "Zed"))
        try store.createPatient(SampleRecords.patient(id: "a", name: "amy"))
        try store.saveSession(SampleRecords.session(id: "s1", patient: "b", startedAt: .utc(1_600_000_000)))
        try store.saveSession(SampleRecords.session(id: "s2", patient: "b", startedAt: .utc(1_700_000_000.5)))
        let list = try PatientStore(root: folder.path).listPatients()
        #expect(list.map(\.id.rawValue) == ["a", "b"])
        #expect(list[0].sessionCount == 0 && list[0].lastSessionStart == nil)
        #expect(list[1].sessionCount == 2)
        #expect(list[1].lastSessionStart == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(list[1].lastSessionFile == "patients/b/sessions/20231114T221320Z-s2.json")
        #expect(list[1].patient?.name == "Zed")
    }
}
