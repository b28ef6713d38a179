import FaceChartCore
@testable import FaceChartStore
import FaceChartTestSupport
import Foundation
import Testing

/// Files whose names, places or identifiers do not add up are reported, never counted twice and never
/// silently ignored.
@Suite struct IdentityTests {
    let fixture: DamagedFolderFixture
    let sessions = DamagedFolderFixture.sessions

    init() throws { fixture = try DamagedFolderFixture() }

    private func store() throws -> PatientStore { try PatientStore(root: fixture.folder.path) }

    /// The same session in two files, each named for its own start: read once, counted once.
    @Test func aSessionInTwoFilesIsCountedOnce() throws {
        var copy = fixture.good
        copy.startedAt = copy.startedAt.adding(seconds: 3_600)
        copy.status = .draft
        let other = sessions + "/" + PatientStore.sessionFileName(startedAt: copy.startedAt, id: copy.id)!
        try fixture.folder.write(try RecordCodec().encode(copy), to: other)

        let store = try store()
        let records = try store.readRecords(of: fixture.patient)
        #expect(records.sessions == [fixture.good])
        #expect(records.issues == [RecordIssue(file: other, problem: .duplicateSession(fixture.good.id, keptFile: fixture.goodFile))])
        #expect(records.issues[0].message.contains("not counted twice"))
        let recall = try store.lotUses()
        #expect(recall.uses.map(\.units).total() == fixture.good.summary.total, "not twice the dose")
        #expect(recall.problems.map(\.file) == [other])
        #expect(recall.summaryByLot().map(\.totalUnits) == [fixture.good.summary.total])
    }

    /// A copy under another name, or named for the year 9999: reported, not used.
    @Test func fileNamesThatDoNotMatchTheirRecordAreReported() throws {
        let bytes = try #require(fixture.folder.bytes(fixture.goodFile))
        let renamed = sessions + "/20250101T000000Z-good.json"
        let future = sessions + "/99991231T235959Z-good.json"
        try fixture.folder.write(bytes, to: renamed)
        try fixture.folder.write(bytes, to: future)
        let records = try store().readRecords(of: fixture.patient)
        #expect(records.sessions == [fixture.good])
        #expect(records.issues.sorted { $0.file < $1.file } == [
            RecordIssue(file: renamed, problem: .misnamed(expected: String(fixture.goodFile.split(separator: "/").last!))),
            RecordIssue(file: future, problem: .misnamed(expected: nil)),
        ])
        #expect(records.issues.allSatisfy { $0.canBeMovedAside })
        #expect(records.issues.contains { $0.message.contains("outside the years 1900 to 2200") })
        #expect(try store().lotUses().uses.count == 1)
    }

    @Test func namesFaceChartDoesNotWriteAreReportedAndHiddenOnesSkipped() throws {
        try fixture.folder.write([1], to: sessions + "/notes.txt")
        try fixture.folder.write([1], to: sessions + "/.DS_Store")
        try fixture.folder.write([1], to: DamagedFolderFixture.reviews + "/not a review.json")
        let records = try store().readRecords(of: fixture.patient)
        #expect(records.sessions == [fixture.good])
        #expect(records.issues.map(\.file) == [sessions + "/notes.txt", DamagedFolderFixture.reviews + "/not a review.json"])
        #expect(records.issues.allSatisfy { $0.problem == .unexpectedName })
    }

    @Test func pointsSharingAnIdAreShownAndReported() throws {
        var session = SampleRecords.session(id: "shared", startedAt: fixture.good.startedAt.adding(seconds: 86_400), points: 3)
        session.points[2].id = session.points[0].id
        try fixture.folder.write(try RecordCodec().encode(session),
                                 to: sessions + "/" + PatientStore.sessionFileName(startedAt: session.startedAt, id: session.id)!)
        let records = try store().readRecords(of: fixture.patient)
        #expect(records.sessions.map(\.id) == [fixture.good.id, session.id])
        #expect(records.sessions[1].points.count == 3, "both points are shown")
        #expect(records.issues.map(\.problem) == [.duplicatePointIDs([session.points[0].id])])
        #expect(!records.issues[0].isLeftOut && !records.issues[0].canBeMovedAside)
        #expect(try store().lotUses().uses.map(\.units).total() == fixture.good.summary.total + session.summary.total)
    }

    @Test func aReviewOfAMissingSessionIsReportedAndNotCounted() throws {
        let orphan = Review(patient: fixture.patient, session: RecordID("gone")!, createdAt: fixture.review.createdAt,
                        clinician: SampleRecords.clinician)
        try fixture.folder.write(try RecordCodec().encode(orphan), to: DamagedFolderFixture.reviews + "/gone.json")
        let records = try store().readRecords(of: fixture.patient)
        #expect(records.reviews == [fixture.review])
        #expect(records.issues == [RecordIssue(file: DamagedFolderFixture.reviews + "/gone.json", problem: .reviewOfMissingSession(RecordID("gone")!))])
        #expect(records.issues[0].canBeMovedAside)
    }

    /// Content changed after signing by a program that also rewrote the file's checksum: the session is
    /// shown, flagged as changed after signing.
    @Test func aSignatureThatNoLongerMatchesIsFlaggedAndTheSessionShown() throws {
        var tampered = fixture.good
        tampered.points[0].units = Units(hundredths: 150)
        try fixture.folder.write(try RecordCodec().encode(tampered), to: fixture.goodFile)
        let records = try store().readRecords(of: fixture.patient)
        #expect(records.sessions.count == 1)
        #expect(records.brokenSignatures == [fixture.good.id])
        #expect(records.issues.map(\.summary) == ["changed after signing"])
        #expect(!records.issues[0].isLeftOut)
    }

    /// A byte changed by hand (4 U -> 5 U in a draft): the checksum says so, distinct from a signature,
    /// and the file is left out rather than counted with a dose nobody charted.
    @Test func aFileChangedOutsideFaceChartIsNamedAsSuch() throws {
        let draft = SampleRecords.session(id: "draft", startedAt: fixture.good.startedAt.adding(seconds: 86_400), points: 2)
        let store = try store()
        try store.saveSession(draft)
        let file = DamagedFolderFixture.sessions + "/" + PatientStore.sessionFileName(startedAt: draft.startedAt, id: draft.id)!
        let text = String(decoding: try #require(fixture.folder.bytes(file)), as: UTF8.self)
        let edited = text.replacingOccurrences(of: "\"value\" : 1.25", with: "\"value\" : 5")
        try #require(edited != text)
        try fixture.folder.write(Array(edited.utf8), to: file)
        let records = try self.store().readRecords(of: fixture.patient)
        #expect(records.sessions == [fixture.good])
        #expect(records.issues == [RecordIssue(.unreadable(file: file, problem: .changedOutsideFaceChart))])
        #expect(records.issues[0].summary.contains("changed outside FaceChart"))
        #expect(records.issues[0].canBeMovedAside)
        #expect(try self.store().lotUses().uses.map(\.session) == [fixture.good.id])
    }

    /// A `sessions/` that is a link is reported, not shown as "0 sessions", and is never followed.
    @Test func aLinkInPlaceOfTheSessionsFolderIsReported() throws {
        let outside = try TemporaryFolder()
        try FileManager.default.moveItem(atPath: fixture.folder.file(sessions), toPath: outside.file("sessions"))
        try FileManager.default.createSymbolicLink(atPath: fixture.folder.file(sessions), withDestinationPath: outside.file("sessions"))
        let store = try store()
        let summary = try #require(try store.listPatients().first)
        #expect(summary.issues == [RecordIssue(.notAFolder(file: sessions))])
        let records = try store.readRecords(of: fixture.patient)
        #expect(records.sessions.isEmpty)
        #expect(records.reviews.isEmpty, "the review's session cannot be reached")
        #expect(records.issues.map(\.file).first == sessions)
        #expect(records.issues.contains { $0.problem == .reviewOfMissingSession(fixture.good.id) })
        #expect(throws: StoreError.notAFolder(file: sessions)) { try store.saveSession(SampleRecords.session(id: "new")) }
        #expect(outside.names(in: "sessions").count == 1, "nothing written through the link")
        // It may be moved aside (the link itself, not what it points to); the next save makes a real folder.
        let lock = try store.lockPatient(fixture.patient)
        #expect(try store.moveAside(sessions, holding: lock) == "patients/patient-1/damaged/sessions")
        try store.saveSession(SampleRecords.session(id: "new"))
        #expect(outside.names(in: "sessions").count == 1)
    }

    @Test func movingAsideRefusesHealthyFilesAndNeedsTheLock() throws {
        let store = try store()
        let lock = try store.lockPatient(fixture.patient)
        #expect(throws: StoreError.nothingToMoveAside(file: fixture.goodFile)) { try store.moveAside(fixture.goodFile, holding: lock) }
        for bad in ["patients/patient-1/../patient-1/patient.json", "patients/patient-1", "patients/patient-1/.lock", "/etc/passwd"] {
            #expect(throws: StoreError.nothingToMoveAside(file: bad)) { try store.moveAside(bad, holding: lock) }
        }
        try fixture.folder.write(Array("{".utf8), to: sessions + "/" + DamagedFolderFixture.damagedName)
        let other = try PatientStore(root: fixture.folder.path)
        lock.unlock()
        #expect(throws: StoreError.patientLocked(pid: nil)) {
            try other.moveAside(sessions + "/" + DamagedFolderFixture.damagedName, holding: lock)
        }
        // A second file of the same name already aside keeps both.
        let held = try other.lockPatient(fixture.patient)
        let first = try other.moveAside(sessions + "/" + DamagedFolderFixture.damagedName, holding: held)
        try fixture.folder.write(Array("[".utf8), to: sessions + "/" + DamagedFolderFixture.damagedName)
        let second = try other.moveAside(sessions + "/" + DamagedFolderFixture.damagedName, holding: held)
        #expect(first != second && second.hasSuffix(".json.1"))
        #expect(fixture.folder.bytes(first) == Array("{".utf8) && fixture.folder.bytes(second) == Array("[".utf8))
    }

    @Test func aDamagedPatientRecordCanBeMovedAsideButNotAHealthyOne() throws {
        let store = try store()
        let lock = try store.lockPatient(fixture.patient)
        #expect(throws: StoreError.nothingToMoveAside(file: "patients/patient-1/patient.json")) {
            try store.moveAside("patients/patient-1/patient.json", holding: lock)
        }
        try fixture.folder.write(Array("not json".utf8), to: "patients/patient-1/patient.json")
        #expect(try store.moveAside("patients/patient-1/patient.json", holding: lock) == "patients/patient-1/damaged/patient.json")
    }
}
