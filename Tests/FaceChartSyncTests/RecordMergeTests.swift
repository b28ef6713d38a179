import FaceChartCore
import FaceChartStore
import FaceChartSync
import FaceChartTestSupport
import Foundation
import Testing

/// The record-level merge: field by field, sets by identity, no guessing on a field changed twice.
@Suite struct RecordMergeTests {
    private func value(_ record: RecordFiles.Record) throws -> JSONValue {
        let kind: String
        switch record {
        case .patient: kind = "patient"
        case .session: kind = "session"
        case .review: kind = "review"
        default: kind = "change"
        }
        return try RecordFiles.recordValue(try RecordFiles.encode(record), kind: kind)
    }

    @Test func differentFieldsOfAPatientMergeAndTheLaterUpdateWins() throws {
        let base = SampleRecords.patient()
        var mine = base, theirs = base
        mine.notes = "Mine"
        mine.updatedAt = base.createdAt.adding(seconds: 60)
        theirs.flags.insert(.pregnancy)
        theirs.flags.remove(.lactation)
        theirs.updatedAt = base.createdAt.adding(seconds: 120)
        let outcome = RecordMerge.merge(base: try value(.patient(base)), mine: try value(.patient(mine)), theirs: try value(.patient(theirs)))
        #expect(outcome.conflicts.isEmpty)
        guard case .patient(let merged) = try RecordFiles.decode(try RecordFiles.encode(kind: "patient", record: outcome.merged), kind: "patient")
        else { Issue.record("not a patient"); return }
        #expect(merged.notes == "Mine")
        #expect(merged.flags == [.anticoagulants, .pregnancy])
        #expect(merged.updatedAt == theirs.updatedAt)
    }

    @Test func theSameFieldChangedOnBothSidesIsAConflictNamingIt() throws {
        let base = SampleRecords.patient()
        var mine = base, theirs = base
        mine.notes = "Mine"
        theirs.notes = "Theirs"
        let outcome = RecordMerge.merge(base: try value(.patient(base)), mine: try value(.patient(mine)), theirs: try value(.patient(theirs)))
        #expect(outcome.conflicts.map(\.field) == ["notes"])
        #expect(outcome.conflicts.first?.mine == .string("Mine"))
        #expect(outcome.merged["notes"] == .string("Theirs"), "the disputed field holds the preferred side meanwhile")
        let chosen = RecordMerge.merge(
            base: try value(.patient(base)), mine: try value(.patient(mine)), theirs: try value(.patient(theirs))) { field in
            field == "notes" ? .string("Both") : nil
        }
        #expect(chosen.conflicts.isEmpty)
        #expect(chosen.merged["notes"] == .string("Both"))
    }

    @Test func pointsMergeAsASetByIDAndAChangedPointOnBothSidesConflicts() throws {
        let base = SampleRecords.session(points: 3)
        var mine = base, theirs = base
        mine.points.append(InjectionPoint(
            id: RecordID("mine-1")!, view: .anterior, position: FacePoint(x: 0.4, y: 0.3), region: .procerus, side: .midline,
            units: Units(4), depth: .intramuscular, vial: RecordID("v1")!))
        theirs.points.removeAll { $0.id == RecordID("p1") }
        let outcome = RecordMerge.merge(base: try value(.session(base)), mine: try value(.session(mine)), theirs: try value(.session(theirs)))
        #expect(outcome.conflicts.isEmpty)
        guard case .array(let points)? = outcome.merged["points"] else { Issue.record("no points"); return }
        #expect(points.compactMap { $0["id"]?.stringValue } == ["p0", "p2", "mine-1"])

        var both = base
        both.points[0].units = Units(8)
        var other = base
        other.points[0].units = Units(6)
        let clash = RecordMerge.merge(base: try value(.session(base)), mine: try value(.session(both)), theirs: try value(.session(other)))
        #expect(clash.conflicts.map(\.field) == ["points[p0].dose.value"])
    }

    @Test func addendaFromTwoChairsMergeInTimeOrderAndKeepTheSignature() throws {
        let signed = SampleRecords.signed(SampleRecords.session())
        let later = signed.startedAt.adding(seconds: 7_200)
        let mine = try signed.addingAddendum("From room 1", by: SampleRecords.clinician, at: later.adding(seconds: 30))
        let theirs = try signed.addingAddendum("From room 2", by: SampleRecords.clinician, at: later)
        let outcome = RecordMerge.merge(base: try value(.session(signed)), mine: try value(.session(mine)), theirs: try value(.session(theirs)))
        #expect(outcome.conflicts.isEmpty)
        let bytes = try RecordFiles.encode(kind: "session", record: outcome.merged)
        guard case .session(let merged) = try RecordFiles.decode(bytes, kind: "session") else { Issue.record("not a session"); return }
        #expect(merged.addenda.map(\.text) == ["From room 2", "From room 1"])
        #expect(merged.signatureIsIntact)
        let reversed = RecordMerge.merge(base: try value(.session(signed)), mine: try value(.session(theirs)), theirs: try value(.session(mine)))
        #expect(try RecordFiles.encode(kind: "session", record: reversed.merged) == bytes, "both chairs write the same bytes")
    }

    @Test func aMergeNeverChangesSignedContent() throws {
        let draft = SampleRecords.session()
        let signed = SampleRecords.signed(draft)
        var edited = draft
        edited.notes = "Changed while the other chair signed"
        let outcome = RecordMerge.merge(base: try value(.session(draft)), mine: try value(.session(signed)), theirs: try value(.session(edited)))
        #expect(!outcome.conflicts.isEmpty)
        let driver = MergeDriver.merge(
            base: try RecordFiles.encode(.session(draft)), ours: try RecordFiles.encode(.session(signed)),
            theirs: try RecordFiles.encode(.session(edited)), kind: "session")
        guard case .failure = driver else { Issue.record("the driver merged into signed content"); return }
    }

    @Test func bothCreatedTheSameFileMergesAgainstAnEmptyBase() throws {
        let mine = SampleRecords.patient()
        var theirs = mine
        theirs.notes = "Other"
        let same = MergeDriver.merge(base: [], ours: try RecordFiles.encode(.patient(mine)), theirs: try RecordFiles.encode(.patient(mine)), kind: "patient")
        guard case .success = same else { Issue.record("identical creations must merge"); return }
        let different = MergeDriver.merge(base: [], ours: try RecordFiles.encode(.patient(mine)), theirs: try RecordFiles.encode(.patient(theirs)), kind: "patient")
        guard case .failure(let reason) = different else { Issue.record("different creations must conflict"); return }
        #expect(reason.message.contains("notes"))
    }

    @Test func theDriverWritesAFileTheStoreReadsWithItsChecksum() throws {
        let folder = try TemporaryFolder(prefix: "facechart-driver")
        let base = SampleRecords.patient()
        var mine = base, theirs = base
        mine.notes = "Mine"
        theirs.dateOfBirth = CalendarDate(year: 1981, month: 3, day: 1)
        try folder.write(try RecordFiles.encode(.patient(base)), to: "O")
        try folder.write(try RecordFiles.encode(.patient(mine)), to: "A")
        try folder.write(try RecordFiles.encode(.patient(theirs)), to: "B")
        let outcome = MergeDriver.run(base: folder.file("O"), ours: folder.file("A"), theirs: folder.file("B"), path: "patients/patient-1/patient.json")
        #expect(outcome.status == 0, "\(outcome.message)")
        guard case .patient(let merged) = try RecordFiles.decode(try #require(folder.bytes("A")), kind: "patient") else {
            Issue.record("not a patient"); return
        }
        #expect(merged.notes == "Mine" && merged.dateOfBirth == CalendarDate(year: 1981, month: 3, day: 1))

        try folder.write(Array("<<<<<<< ours\n".utf8), to: "B")
        let broken = MergeDriver.run(base: folder.file("O"), ours: folder.file("A"), theirs: folder.file("B"), path: "patients/patient-1/patient.json")
        #expect(broken.status != 0)
        #expect(try #require(folder.bytes("A")) == (try RecordFiles.encode(.patient(merged))), "ours is left as it was")
    }
}
