import FaceChartCore
import FaceChartStore
import FaceChartSync
import FaceChartTestSupport
import Foundation
import Testing

/// `facechart verify` on snapshots of a data folder, and on the step from one snapshot to the next.
@Suite struct VerifierTests {
    private func file(_ record: RecordFiles.Record) throws -> [UInt8] { try RecordFiles.encode(record) }

    private func soundFolder() throws -> [String: [UInt8]] {
        let patient = SampleRecords.patient()
        let session = SampleRecords.signed(SampleRecords.session())
        return [
            "patients/patient-1/patient.json": try file(.patient(patient)),
            "patients/patient-1/sessions/20240428T123320Z-session-1.json": try file(.session(session)),
            "patients/patient-1/reviews/session-1.json": try file(.review(Review(
                patient: patient.id, session: session.id, createdAt: SampleRecords.awkwardDate, clinician: SampleRecords.clinician))),
        ]
    }

    @Test func aSoundFolderHasNoFindings() throws {
        let report = Verifier.check(try soundFolder())
        #expect(report.filesChecked == 3)
        #expect(report.findings.isEmpty, "\(report.findings)")
    }

    @Test func eachKindOfProblemIsNamedWithItsFile() throws {
        var files = try soundFolder()
        files["patients/patient-2/patient.json"] = files["patients/patient-1/patient.json"]
        files["patients/patient-1/sessions/20240429T000000Z-session-1.json"] = files["patients/patient-1/sessions/20240428T123320Z-session-1.json"]
        files["patients/patient-1/reviews/session-9.json"] = try file(.review(Review(
            patient: RecordID("patient-1")!, session: RecordID("session-9")!, createdAt: SampleRecords.awkwardDate, clinician: SampleRecords.clinician)))
        var broken = SampleRecords.signed(SampleRecords.session(id: "session-3"))
        broken.notes = "changed after signing"
        files["patients/patient-1/sessions/20240428T123320Z-session-3.json"] = try file(.session(broken))
        files["patients/patient-1/sessions/20240428T123320Z-session-4.json"] = Array("<<<<<<< HEAD\n".utf8)
        let findings = Verifier.check(files).findings.map(\.description)
        #expect(findings.contains("patients/patient-2/patient.json: the patient id does not match its place"), "\(findings)")
        #expect(findings.contains { $0.contains("20240429T000000Z-session-1.json: session id used twice") }, "\(findings)")
        #expect(findings.contains("patients/patient-1/reviews/session-9.json: reviews session session-9, which does not exist"))
        #expect(findings.contains { $0.contains("session-3.json: SIGNATURE BROKEN") })
        #expect(findings.contains { $0.contains("session-4.json: cannot be read") })
    }

    @Test func signedSessionsOnlyGainAddendaAndTheChangeListOnlyGrows() throws {
        let path = "patients/patient-1/sessions/20240428T123320Z-session-1.json"
        let signed = SampleRecords.signed(SampleRecords.session())
        let withAddendum = try signed.addingAddendum("Follow-up", by: SampleRecords.clinician, at: signed.startedAt.adding(seconds: 9_000))
        #expect(Verifier.compare(path: path, old: try file(.session(signed)), new: try file(.session(withAddendum))) == nil)
        var resigned = signed
        resigned.status = .draft
        resigned.points[0].units = Units(40)
        resigned = SampleRecords.signed(resigned)
        #expect(Verifier.compare(path: path, old: try file(.session(signed)), new: try file(.session(resigned)))?.problem
            == "a signed session was altered (only addenda may be added)")
        #expect(Verifier.compare(path: path, old: try file(.session(withAddendum)), new: try file(.session(signed))) != nil, "an addendum removed")
        #expect(Verifier.compare(path: path, old: try file(.session(signed)), new: nil)?.problem == "a signed session was removed")
        let draft = SampleRecords.session()
        var edited = draft
        edited.notes = "drafts change freely"
        #expect(Verifier.compare(path: path, old: try file(.session(draft)), new: try file(.session(edited))) == nil)
        let change = Change(
            id: RecordID("c1")!, at: SampleRecords.awkwardDate, by: SampleRecords.clinician, record: .patient(RecordID("patient-1")!),
            field: "notes", from: "a", to: "b")
        var rewritten = change
        rewritten.to = "c"
        #expect(Verifier.compare(path: "patients/patient-1/changes/20240428T123320Z-c1.json", old: try file(.change(change)),
                                 new: try file(.change(rewritten))) != nil)
    }
}
