import FaceChartCore
@testable import FaceChartStore
import FaceChartTestSupport
import Foundation
import Testing

@Suite struct ChangeListTests {
    let folder: TemporaryFolder
    let store: PatientStore

    init() throws {
        folder = try TemporaryFolder()
        store = try PatientStore(root: folder.path)
        try store.createPatient(SampleRecords.patient())
    }

    var counter: @Sendable () -> RecordID {
        let ids = (1...50).map { RecordID("change-\($0)")! }
        let next = ManagedCounter()
        return { ids[next.take()] }
    }

    @Test func aPatientsCorrectionsAreListedFieldByFieldWithWhoAndWhen() throws {
        let old = SampleRecords.patient()
        var new = old
        new.name = "Ada Exemplar"
        new.dateOfBirth = CalendarDate("1980-03-01")
        new.flags.remove(.lactation)
        new.flags.insert(.pregnancy)
        let recorder = ChangeRecorder(by: SampleRecords.clinician, at: .utc(1_800_000_000), makeID: counter)
        let changes = recorder.changes(from: old, to: new)
        #expect(changes.map(\.field) == ["name", "dateOfBirth", "flags.pregnancy", "flags.lactation"])
        #expect(changes.map(\.from) == ["Ada Example", "1980-02-29", "absent", "present"])
        #expect(changes.map(\.to) == ["Ada Exemplar", "1980-03-01", "present", "absent"])
        #expect(recorder.changes(from: old, to: old).isEmpty)

        try store.appendChanges(changes, patient: old.id)
        let later = ChangeRecorder(by: Clinician(name: "Nurse Two"), at: .utc(1_800_000_060), makeID: { RecordID("later")! })
        try store.appendChanges(later.changes(from: new, to: { var p = new; p.notes = "Seen."; return p }()), patient: old.id)
        let read = try PatientStore(root: folder.path).changes(of: old.id)
        #expect(read.problems.isEmpty)
        #expect(read.changes == changes + [Change(
            id: RecordID("later")!, at: .utc(1_800_000_060), by: Clinician(name: "Nurse Two"), record: .patient(old.id),
            field: "notes", from: old.notes, to: "Seen.")])
        #expect(folder.names(in: "patients/patient-1/changes").count == 5)
    }

    @Test func aDraftsHeaderCorrectionsAndItsVoidingAreListed() throws {
        let old = SampleRecords.session()
        var new = old
        new.vials[0].lot = "C1234B"
        new.vials[0].diluentHundredthsML = 200
        new.points[0].note = "above the brow"
        let voided = try new.voided(reason: "wrong patient", by: SampleRecords.clinician, at: .utc(1_800_000_000))
        let recorder = ChangeRecorder(by: SampleRecords.clinician, at: .utc(1_800_000_000), makeID: counter)
        let changes = recorder.changes(from: old, to: voided)
        #expect(changes.map(\.field) == ["status", "vials[v1].lot", "vials[v1].diluent", "points[p0].note"])
        #expect(changes[0].reason == "wrong patient")
        #expect(changes[2].from == "2.5 mL" && changes[2].to == "2 mL")
    }

    @Test func nothingIsEverRewritten() throws {
        let change = Change(
            id: RecordID("c1")!, at: .utc(1_800_000_000), by: SampleRecords.clinician, record: .patient(RecordID("patient-1")!),
            field: "name", from: "A", to: "B")
        try store.appendChanges([change], patient: RecordID("patient-1")!)
        var altered = change
        altered.to = "C"
        #expect(throws: StoreError.self) { try PatientStore(root: folder.path).appendChanges([altered], patient: RecordID("patient-1")!) }
        #expect(try store.changes(of: RecordID("patient-1")!).changes == [change])
    }
}

/// Hands out 0, 1, 2, ... from any thread.
final class ManagedCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value - 1
    }
}
