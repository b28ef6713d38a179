import FaceChartCore
import FaceChartStore
import FaceChartTestSupport
import Foundation
import Testing

/// Corrections with the real binary: each keeps what it replaced, and `facechart log` prints it.
@Suite(.serialized) struct CorrectionEndToEndTests {
    let folder: TemporaryFolder
    let data: DataFolder

    init() throws {
        folder = try TemporaryFolder(prefix: "facechart-e2e-corrections")
        data = DataFolder(path: folder.path + "/data")
    }

    func addPatient(_ arguments: [String]) throws -> String {
        let result = try Runner.facechart(["add-patient"] + arguments, home: data.path)
        #expect(result.status == 0, "\(result.errors)")
        return result.output.trimmingCharacters(in: .newlines)
    }

    @Test func aDuplicatePatientIsRefusedUnlessAskedForAndTheListShowsBirthDates() throws {
        let first = try addPatient(["Ada Lovelace", "--born", "1980-01-02"])
        let again = try Runner.facechart(["add-patient", "ada  LOVELACE", "--born", "1980-01-02"], home: data.path)
        #expect(again.status != 0)
        #expect(again.errors.contains("already exists (\(first))"), "\(again.errors)")
        #expect(data.patientIDs() == [first])
        _ = try addPatient(["Ada Lovelace", "--born", "1980-01-02", "--allow-duplicate"])
        #expect(data.patientIDs().count == 2)
        let list = try Runner.facechart(["patients"], home: data.path)
        #expect(list.output.components(separatedBy: "1980-01-02").count == 3, "\(list.output)")
    }

    @Test func editPatientKeepsWhatItReplacedAndLogPrintsIt() throws {
        let id = try addPatient(["Ada Lovelace", "--born", "1980-01-02", "--flag", "anticoagulants"])
        let edit = try Runner.facechart(
            ["edit-patient", id, "--born", "1980-01-03", "--clear-flag", "anticoagulants", "--flag", "pregnancy"],
            home: data.path, environment: ["FACECHART_USER": "Dr Edit"])
        #expect(edit.status == 0, "\(edit.errors)")
        let record = try data.record("patients/\(id)/patient.json", kind: "patient")
        #expect(record["dateOfBirth"] as? String == "1980-01-03")
        #expect(record["flags"] as? [String] == ["pregnancy"])
        let log = try Runner.facechart(["log", id], home: data.path)
        #expect(log.status == 0)
        // The change list's lines, each with the chair it was made on; the history adds its checkpoints.
        let lines = log.output.split(separator: "\n").filter { $0.contains("  Dr Edit  ") }
        #expect(lines.count == 3, "\(log.output)")
        #expect(lines[0].contains("Dr Edit  patient \(id) dateOfBirth: \"1980-01-02\" -> \"1980-01-03\"  (chair "), "\(log.output)")
        #expect(lines[1].contains("flags.pregnancy: \"absent\" -> \"present\"  (chair "))
        #expect(lines[2].contains("flags.anticoagulants: \"present\" -> \"absent\"  (chair "))
        #expect(log.output.contains("patient-created") && log.output.contains("patient-edited"), "\(log.output)")
        let nothing = try Runner.facechart(["edit-patient", id, "--born", "1980-01-03"], home: data.path)
        #expect(nothing.output.contains("Nothing to change"))
        let again = try Runner.facechart(["log", id], home: data.path).output
        #expect(again.split(separator: "\n").filter { $0.contains("  Dr Edit  ") }.count == 3)
    }

    @Test func aPatientIsCorrectedInTheChartingScreensAndTheDraftVoided() throws {
        let id = try addPatient(["Rosa Reed", "--born", "1975-06-01"])
        let store = try PatientStore(root: data.path)
        let now = Timestamp(Date(), timeZone: .current)
        let draft = Session(
            id: RecordID("mistaken")!, patient: RecordID(id)!, startedAt: now, clinician: Clinician(name: "AN"),
            indication: Indication(kind: .aesthetic, concern: "Glabellar lines"),
            vials: [Vial(product: "botox-cosmetic", ingredient: "onabotulinumtoxinA", lot: "VOIDLOT",
                         expiry: now.localDay(fallback: .current).adding(days: 100), vialUnits: Units(100), diluentHundredthsML: 250)],
            points: [InjectionPoint(id: RecordID("p1")!, view: .anterior, position: FacePoint(x: 0.5, y: 0.26), region: .procerus,
                                    side: .midline, units: Units(4), depth: .intramuscular)])
        try store.saveSession(draft)

        let tmux = try TmuxSession(arguments: [id], dataFolder: URL(fileURLWithPath: data.path), width: 100, height: 30,
                                   environment: ["FACECHART_USER": "Dr Keys"])
        try tmux.waitFor("Rosa Reed")
        try tmux.send("E")
        try tmux.waitFor("Correct the record of Rosa Reed")
        try tmux.send(keys: ["C-u"])
        try tmux.sendLiteral("Rosa Reid")
        try tmux.send("Enter")
        try tmux.waitFor("kept in the change list")
        try tmux.send("Enter")
        try tmux.waitFor("VOIDLOT")
        try tmux.send("V")
        try tmux.waitFor("Void because:")
        try tmux.sendLiteral("charted on the wrong patient")
        try tmux.send("Enter")
        try tmux.waitFor("VOIDED")
        try tmux.send("i")
        try tmux.waitFor("Dr Keys")
        try tmux.send("q", "q", "q", "q")
        try tmux.waitFor("EXIT=0")

        let record = try data.record("patients/\(id)/patient.json", kind: "patient")
        #expect(record["name"] as? String == "Rosa Reid")
        let session = try data.record(try #require(data.sessionFiles(of: id).first), kind: "session")
        #expect(session["status"] as? String == "voided")
        #expect((session["void"] as? [String: Any])?["reason"] as? String == "charted on the wrong patient")
        let log = try Runner.facechart(["log", id], home: data.path).output
        #expect(log.contains("Dr Keys  patient \(id) name: \"Rosa Reed\" -> \"Rosa Reid\""), "\(log)")
        #expect(log.contains("session mistaken status: \"draft\" -> \"voided\" (reason: charted on the wrong patient)"), "\(log)")
        let lots = try Runner.facechart(["lots", "VOIDLOT"], home: data.path)
        #expect(!lots.output.contains("Rosa"), "a voided session gave nothing: \(lots.output)")
    }
}
