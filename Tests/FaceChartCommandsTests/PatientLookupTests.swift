import FaceChartCommands
import FaceChartCore
import FaceChartStore
import FaceChartTestSupport
import Foundation
import Testing

@Suite struct PatientLookupTests {
    let folder: TemporaryFolder
    let store: PatientStore

    init() throws {
        folder = try TemporaryFolder()
        store = try PatientStore(root: folder.path)
        for (id, name) in [("p-ann", "Ann Åberg"), ("p-anna", "Anna Bell"), ("p-ben", "Ben Carter"), ("p-bea", "Bea Carter")] {
            try store.createPatient(SampleRecords.patient(id: id, name: name))
        }
    }

    @Test func anIdAWholeNameOrTheStartOfOneNameFindsThePatient() throws {
        #expect(try PatientLookup.find("p-ben", in: store).name == "Ben Carter")
        #expect(try PatientLookup.find("ann aberg", in: store).id == RecordID("p-ann"), "case and accents do not matter")
        #expect(try PatientLookup.find("Ann Åberg", in: store).id == RecordID("p-ann"), "a whole name wins over longer ones")
        #expect(try PatientLookup.find("bea", in: store).id == RecordID("p-bea"))
    }

    @Test func aNameThatFitsSeveralOrNoneIsRefusedWithWhatToDo() {
        #expect(throws: UserError("More than one patient matches that name: use the id from 'facechart patients'.")) {
            try PatientLookup.find("an", in: store)
        }
        #expect(throws: UserError("No patient with that id or name: 'facechart patients' lists them.")) {
            try PatientLookup.find("Zed", in: store)
        }
    }

    @Test func aSessionIsNamedByIdByDayOrIsTheLatest() throws {
        let utc = TimeZone(identifier: "UTC")!
        let first = SampleRecords.session(id: "s-first", startedAt: .utc(1_795_000_000), points: 1)
        let second = SampleRecords.session(id: "s-second", startedAt: .utc(1_795_000_000 + 86_400 * 20), points: 1)
        let sameDay = SampleRecords.session(id: "s-later", startedAt: .utc(1_795_000_000 + 86_400 * 20 + 600), points: 1)
        let sessions = [first, second, sameDay]
        #expect(try PatientLookup.session("s-first", among: sessions, timeZone: utc) == first)
        #expect(try PatientLookup.session(second.day(in: utc).description, among: sessions, timeZone: utc) == sameDay,
                "a day names its latest session")
        #expect(try PatientLookup.session(nil, among: sessions, timeZone: utc) == sameDay)
        #expect(throws: UserError("No session '2001-01-01' for this patient: give a session id or a date (YYYY-MM-DD).")) {
            try PatientLookup.session("2001-01-01", among: sessions, timeZone: utc)
        }
        #expect(throws: UserError("This patient has no sessions yet.")) {
            try PatientLookup.session(nil, among: [], timeZone: utc)
        }
    }
}
