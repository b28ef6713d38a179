@testable import FaceChartStore
import FaceChartCore
import FaceChartTestSupport
import Foundation
import Testing

/// A small practice saved through the store: `count` patients, two sessions each, lots by patient.
struct IndexFixture {
    let folder: TemporaryFolder
    let store: PatientStore

    init(patients count: Int = 3) throws {
        folder = try TemporaryFolder()
        store = try PatientStore(root: folder.path)
        for index in 0..<count {
            try store.createPatient(SampleRecords.patient(id: "patient-\(index)", name: "Person \(index) Example"))
            for visit in 0..<2 {
                var session = SampleRecords.session(
                    id: "s\(visit)", patient: "patient-\(index)",
                    startedAt: .utc(1_700_000_000 + Double(visit * 120 + index) * 86_400), points: 11)
                session.vials[0].lot = "LOT-\(index % 2)-\(visit)"
                try store.saveSession(session)
            }
        }
    }

    /// A store over the same folder, as another window or program opening it would have.
    func reopened() throws -> PatientStore { try PatientStore(root: folder.path) }

    func removeIndex() throws {
        try FileManager.default.removeItem(atPath: folder.file(PracticeIndex.folderName))
    }

    /// The one session file of `patient` whose id is `session`.
    func sessionFile(_ patient: String, _ session: String) -> String {
        let name = folder.names(in: "patients/\(patient)/sessions").first { $0.hasSuffix("-\(session).json") }!
        return "patients/\(patient)/sessions/\(name)"
    }
}

@Suite struct PracticeIndexTests {
    @Test func theIndexIsBuiltFromTheFoldersAndListsEveryPatient() throws {
        let fixture = try IndexFixture()
        try fixture.removeIndex()
        let index = try fixture.reopened().practiceIndex()
        let refresh = try index.refresh()
        #expect(refresh == IndexRefresh(checked: 3, read: 3, removed: 0))
        let listed = try index.patients(order: .name)
        #expect(listed.map(\.name) == ["Person 0 Example", "Person 1 Example", "Person 2 Example"])
        #expect(listed.allSatisfy { $0.sessionCount == 2 && $0.problemCount == 0 })
        let session = SampleRecords.session(points: 11)
        #expect(listed[0].lastTotal == session.summary.total)
        #expect(listed[2].lastVisit?.milliseconds == Timestamp.utc(1_700_000_000 + 122 * 86_400).milliseconds)
        #expect(try index.patients(order: .lastVisit).first?.id == RecordID("patient-2"))
        #expect(FileManager.default.fileExists(atPath: fixture.folder.file(PracticeIndex.relativePath)))
    }

    @Test func aSecondCheckReadsNothingThatDidNotChange() throws {
        let fixture = try IndexFixture()
        let index = try fixture.reopened().practiceIndex()
        try index.refresh()
        index.settleNanoseconds = 0
        try index.refresh()
        #expect(try index.refresh() == IndexRefresh(checked: 3, read: 0, removed: 0))
    }

    @Test func everySaveUpdatesTheIndexAtOnce() throws {
        let fixture = try IndexFixture()
        let index = try fixture.store.practiceIndex()
        try index.refresh()
        var session = try fixture.store.loadSession(patient: RecordID("patient-1")!, session: RecordID("s1")!)
        session.vials[0].lot = "NEW-LOT"
        try fixture.store.saveSession(session)
        // Read without a check: the save itself put the new lot in.
        let uses = try index.lotUses(lot: "new-lot").uses.uses
        #expect(uses.map(\.patient.rawValue) == ["patient-1"])
        #expect(uses.first?.units == PatientStore.unitsByVial(session).first?.units)
        #expect(try index.lotUses(lot: "LOT-1-1").uses.uses.map(\.patient.rawValue) == [])

        var patient = try fixture.store.loadPatient(RecordID("patient-1")!)
        patient.name = "Renamed Person"
        try fixture.store.savePatient(patient)
        #expect(try index.patients(matching: "ren pers", order: .name).map(\.id.rawValue) == ["patient-1"])
        #expect(try index.patients(matching: "person 1", order: .name).isEmpty)

        let review = Review(
            patient: patient.id, session: session.id, createdAt: session.startedAt.adding(seconds: 86_400 * 14),
            clinician: SampleRecords.clinician,
            outcomes: [RegionOutcome(region: .procerus, wrinklesAtRest: 1, wrinklesAtMaximum: 2)])
        try fixture.store.saveReview(review)
        #expect(try index.patient(patient.id)?.lastTreatmentReviewed == true)
    }

    @Test func aFileChangedByAnotherProgramIsReadAgainAtTheNextCheck() throws {
        let fixture = try IndexFixture()
        let index = try fixture.store.practiceIndex()
        index.settleNanoseconds = 0
        try index.refresh()
        #expect(try index.refresh().read == 0)
        // Another program rewrites a session file in place: same name, same folder, new content.
        let file = fixture.sessionFile("patient-2", "s0")
        var bytes = try #require(fixture.folder.bytes(file))
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "LOT-0-0", with: "LOT-X-0")
        bytes = Array(text.utf8)
        let handle = try #require(FileHandle(forWritingAtPath: fixture.folder.file(file)))
        try handle.write(contentsOf: Data(bytes))
        try handle.close()

        #expect(try index.refresh() == IndexRefresh(checked: 3, read: 1, removed: 0))
        // The checksum no longer matches: the session is reported, and its old lot is not recalled.
        let answer = try index.lotUses(lot: "LOT-0-0")
        #expect(answer.uses.uses.map(\.patient.rawValue) == ["patient-0"])
        #expect(answer.problems.map(\.file) == [file])
        #expect(answer.problems.first?.message.contains("changed outside FaceChart") == true)
    }

    @Test func aSaveFromAnotherChairIsSeenByTheNextCheck() throws {
        let fixture = try IndexFixture()
        let index = try fixture.store.practiceIndex()
        try index.refresh()
        // Another chair: the same files, reached through a copy of the folder, saved with its own index.
        let chair = try TemporaryFolder()
        try FileManager.default.removeItem(atPath: chair.path)
        try FileManager.default.copyItem(atPath: fixture.folder.path, toPath: chair.path)
        try FileManager.default.removeItem(atPath: chair.file(PracticeIndex.folderName))
        let other = try PatientStore(root: chair.path)
        var session = try other.loadSession(patient: RecordID("patient-0")!, session: RecordID("s0")!)
        session.vials[0].lot = "OTHER-CHAIR"
        try other.saveSession(session)
        let file = fixture.sessionFile("patient-0", "s0")
        try FileManager.default.removeItem(atPath: fixture.folder.file(file))
        try FileManager.default.copyItem(atPath: chair.file(file), toPath: fixture.folder.file(file))

        #expect(try index.lotUses(lot: "OTHER-CHAIR").uses.uses.isEmpty, "not yet checked")
        try index.refresh()
        #expect(try index.lotUses(lot: "OTHER-CHAIR").uses.uses.map(\.patient.rawValue) == ["patient-0"])
    }

    @Test func aPatientFolderRemovedOrAddedIsNoticed() throws {
        let fixture = try IndexFixture()
        let index = try fixture.store.practiceIndex()
        try index.refresh()
        try FileManager.default.removeItem(atPath: fixture.folder.file("patients/patient-1"))
        #expect(try index.patientFoldersChanged())
        #expect(try index.refresh().removed == 1)
        #expect(try index.patients(order: .name).map(\.id.rawValue) == ["patient-0", "patient-2"])
        #expect(try index.lotUses().uses.uses.allSatisfy { $0.patient.rawValue != "patient-1" })
        #expect(try !index.patientFoldersChanged())
    }

    @Test func aDeletedIndexIsRebuiltAndLosesNothing() throws {
        let fixture = try IndexFixture()
        let before = try fixture.store.practiceIndex()
        try before.refresh()
        let listed = try before.patients(order: .name)
        let lots = try before.lotUses().uses
        try fixture.removeIndex()
        let after = try fixture.reopened().practiceIndex()
        #expect(try after.patients(order: .name).isEmpty, "nothing is answered before the check")
        #expect(try after.refresh().read == 3)
        #expect(try after.patients(order: .name) == listed)
        #expect(try after.lotUses().uses == lots)
    }

    @Test(arguments: [Array("not a database at all".utf8), [UInt8](repeating: 0xA5, count: 8192)])
    func aDamagedIndexIsRebuilt(garbage: [UInt8]) throws {
        let fixture = try IndexFixture()
        try fixture.store.practiceIndex().refresh()
        let expected = try fixture.store.practiceIndex().lotUses().uses
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: fixture.folder.file(PracticeIndex.relativePath + suffix)) }
        try fixture.folder.write(garbage, to: PracticeIndex.relativePath)
        let index = try fixture.reopened().practiceIndex()
        #expect(!index.isInMemory)
        try index.refresh()
        #expect(try index.lotUses().uses == expected)
        #expect(try index.count() == 3)
    }

    @Test func anIndexOfAnotherVersionIsRebuilt() throws {
        let fixture = try IndexFixture()
        let index = try fixture.store.practiceIndex()
        try index.refresh()
        try index.database.execute("PRAGMA user_version=99")
        let reopened = try fixture.reopened().practiceIndex()
        #expect(try reopened.count() == 0)
        #expect(try reopened.refresh().read == 3)
    }

    @Test func voidedSessionsAreNotCounted() throws {
        let fixture = try IndexFixture()
        var session = SampleRecords.session(id: "s-void", patient: "patient-0", startedAt: .utc(1_750_000_000), points: 3)
        session.vials[0].lot = "VOIDED-LOT"
        try fixture.store.saveSession(session)
        try fixture.store.saveSession(session.voided(reason: "Charted on the wrong patient", by: SampleRecords.clinician, at: .utc(1_750_000_100)))
        let index = try fixture.store.practiceIndex()
        #expect(try index.lotUses(lot: "VOIDED-LOT").uses.uses.isEmpty)
        try fixture.removeIndex()
        let rebuilt = try fixture.reopened().practiceIndex()
        try rebuilt.refresh()
        #expect(try rebuilt.lotUses(lot: "VOIDED-LOT").uses.uses.isEmpty)
        #expect(try rebuilt.patient(RecordID("patient-0")!)?.lastVisit?.milliseconds == Timestamp.utc(1_700_000_000 + 120 * 86_400).milliseconds)
    }

    @Test func lotsThroughTheIndexEqualLotsFromReadingEveryFile() throws {
        let fixture = try IndexFixture(patients: 24)
        try fixture.folder.write(Array("{\"broken\": ".utf8), to: fixture.sessionFile("patient-5", "s1"))
        try fixture.folder.write(Array("{}".utf8), to: "patients/patient-7/patient.json")
        var voided = SampleRecords.session(id: "s9", patient: "patient-3", startedAt: .utc(1_760_000_000), points: 4)
        try fixture.store.saveSession(voided)
        voided = try voided.voided(reason: "Wrong patient", by: SampleRecords.clinician, at: .utc(1_760_000_060))
        try fixture.store.saveSession(voided)
        try fixture.removeIndex()

        let store = try fixture.reopened()
        let full = try store.lotUses()
        let index = try store.practiceIndex()
        try index.refresh()
        let indexed = try index.lotUses()
        #expect(indexed.uses.uses == full.uses)
        #expect(indexed.problems.map(\.message) == full.problems.map(\.message))
        #expect(indexed.uses.summaryByLot() == full.summaryByLot())
        for lot in ["LOT-0-0", "lot-1-1 ", "C9999B", "nothing"] {
            #expect(try index.lotUses(lot: lot).uses.uses == full.uses(ofLot: lot))
        }
    }

    @Test func theListIsAnsweredFromTheIndexAloneUntilTheNextCheck() throws {
        let fixture = try IndexFixture()
        let index = try fixture.store.practiceIndex()
        try index.refresh()
        // Every record moved away: a list read from the files would be empty.
        try FileManager.default.moveItem(atPath: fixture.folder.file("patients"), toPath: fixture.folder.file("elsewhere"))
        try FileManager.default.createDirectory(atPath: fixture.folder.file("patients"), withIntermediateDirectories: false)
        #expect(try index.count() == 3)
        #expect(try index.patients(matching: "per ex", order: .lastVisit, limit: 2).count == 2)
        #expect(try index.patientFoldersChanged(), "the check that follows notices")
        #expect(try index.refresh().removed == 3)
    }

    @Test func findingByNameReadsOnlyTheCandidatesFolders() throws {
        let fixture = try IndexFixture()
        try fixture.store.practiceIndex().settleNanoseconds = 0
        try fixture.store.practiceIndex().refresh()
        // Damage another patient's file: a lookup that read every folder would find it.
        try fixture.folder.write(Array("{}".utf8), to: "patients/patient-2/patient.json")
        let found = try fixture.store.indexedPatients(named: "person 1")
        #expect(found.map(\.id.rawValue) == ["patient-1"])
        #expect(try fixture.store.practiceIndex().patient(RecordID("patient-2")!)?.name == "Person 2 Example")
    }

    @Test func everyPageIsTheSliceOfTheWholeList() throws {
        let fixture = try IndexFixture(patients: 24)
        try fixture.folder.write(Array("{}".utf8), to: "patients/patient-4/patient.json")
        let index = try fixture.store.practiceIndex()
        try index.refresh()
        for order in [PatientOrder.lastVisit, .name] {
            let whole = try index.patients(order: order, readableOnly: true).map(\.id)
            #expect(whole.count == 23)
            for (offset, limit) in [(0, 5), (3, 7), (11, 4), (12, 11), (20, 10), (22, 1), (23, 3), (30, 2)] {
                let page = try index.patients(order: order, offset: offset, limit: limit, readableOnly: true).map(\.id)
                #expect(page == Array(whole.dropFirst(offset).prefix(limit)), "\(order) \(offset) \(limit)")
            }
            let filtered = try index.patients(matching: "pers", order: order, readableOnly: true).map(\.id)
            #expect(try index.patients(matching: "pers", order: order, offset: 15, limit: 6, readableOnly: true).map(\.id)
                == Array(filtered.dropFirst(15).prefix(6)))
        }
    }

    @Test func theCountOfEveryPatientFollowsChangesMadeThroughAnotherConnection() throws {
        let fixture = try IndexFixture()
        let index = try fixture.store.practiceIndex()
        try index.refresh()
        #expect(try index.count(readableOnly: true) == 3)
        let other = try fixture.reopened()
        try other.createPatient(SampleRecords.patient(id: "patient-9", name: "Added Elsewhere"))
        #expect(try index.count(readableOnly: true) == 4)
        try fixture.folder.write(Array("{}".utf8), to: "patients/patient-9/patient.json")
        try index.refresh()
        #expect(try index.count(readableOnly: true) == 3)
        #expect(try index.unreadablePatients().map(\.file) == ["patients/patient-9/patient.json"])
    }

    @Test func aReadOnlyDataFolderGetsAnIndexInMemory() throws {
        let fixture = try IndexFixture()
        // A file where the index's folder goes stands for a folder FaceChart may not write in.
        try fixture.removeIndex()
        try fixture.folder.write([1], to: PracticeIndex.folderName)
        let index = try fixture.reopened().practiceIndex()
        #expect(index.isInMemory)
        try index.refresh()
        #expect(try index.count() == 3)
    }
}

