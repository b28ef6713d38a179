import FaceChartCommands
import FaceChartCore
import FaceChartStore
import FaceChartTestSupport
import Foundation
import Testing

@Suite struct PatientRegistryTests {
    let folder: TemporaryFolder
    let store: PatientStore
    let utc = TimeZone(identifier: "UTC")!

    init() throws {
        folder = try TemporaryFolder()
        store = try PatientStore(root: folder.path)
    }

    @Test func aSecondPatientOfTheSameNameAndBirthNeedsToBeAllowed() throws {
        try PatientRegistry.add(SampleRecords.patient(id: "p-1"), to: store, allowingDuplicate: false)
        let twin = SampleRecords.patient(id: "p-2")
        #expect(throws: UserError("A patient with this name and date of birth already exists (p-1). "
            + "Open that record, or pass --allow-duplicate to add another person of the same name.")) {
            try PatientRegistry.add(twin, to: store, allowingDuplicate: false)
        }
        try PatientRegistry.add(twin, to: store, allowingDuplicate: true)
        #expect(try store.listPatients().count == 2)
    }

    @Test func anInvalidPatientIsRefusedWithTheModelsMessage() {
        var nameless = SampleRecords.patient()
        nameless.name = " "
        #expect(throws: UserError(nameless.problem!.message)) {
            try PatientRegistry.add(nameless, to: store, allowingDuplicate: false)
        }
    }

    @Test func aCorrectionIsSavedWithAChangeListLinePerFieldAndTheLogPrintsThem() throws {
        let patient = SampleRecords.patient()
        try store.createPatient(patient)
        let moment = Timestamp.utc(1_795_860_000)
        let changes = try PatientRegistry.correct(patient.id, in: store, by: SampleRecords.clinician, at: moment) {
            $0.dateOfBirth = CalendarDate(year: 1980, month: 3, day: 1)
        }
        let line = "2026-11-28 10:00  Dr Example (dermatologist)  patient patient-1 dateOfBirth: \"1980-02-29\" -> \"1980-03-01\""
        #expect(PatientRegistry.correctionOutput(changes, timeZone: utc).lines == [line])
        #expect(try store.loadPatient(patient.id).dateOfBirth == CalendarDate(year: 1980, month: 3, day: 1))

        let unchanged = try PatientRegistry.correct(patient.id, in: store, by: SampleRecords.clinician, at: moment) { _ in }
        #expect(unchanged.isEmpty)
        #expect(PatientRegistry.correctionOutput(unchanged).lines == ["Nothing to change: the record already says so."])
    }

    @Test func theListingNamesUnreadableRecordsAfterTheTable() throws {
        try store.createPatient(SampleRecords.patient(id: "p-1", name: "Ann Example"))
        try FileManager.default.createDirectory(atPath: folder.file("patients/p-broken"), withIntermediateDirectories: true)
        var lines: [String] = []
        try PatientRegistry.listing(in: store, timeZone: utc) { lines.append($0) }
        #expect(lines[0] == "ID   Name         Born        Sessions  Last visit  Files")
        #expect(lines[1].trimmingCharacters(in: .whitespaces) == "p-1  Ann Example  1980-02-29         0  -")
        #expect(lines[2].hasPrefix("p-broken  "))
        #expect(lines.count == 3)

        let emptyFolder = try TemporaryFolder()
        let empty = try PatientStore(root: emptyFolder.path)
        var none: [String] = []
        try PatientRegistry.listing(in: empty) { none.append($0) }
        #expect(none == ["No patients yet. Add one with 'facechart add-patient NAME' or in the charting screens."])
    }
}
