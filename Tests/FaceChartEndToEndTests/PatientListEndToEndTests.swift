import FaceChartTestSupport
import Foundation
import Testing

/// The patient list in tmux: dates of birth, an order that holds while you move, and what other programs
/// add showing without a key.
@Suite struct PatientListEndToEndTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder(prefix: "facechart-e2e")
    }

    func add(_ name: String, born: String) throws {
        let added = try Runner.facechart(["add-patient", name, "--born", born], home: folder.path)
        try #require(added.status == 0, "\(added.errors)")
    }

    @Test func aPatientAddedByAnotherProgramAppearsWithoutAKeyAndTheSelectionStays() throws {
        try add("Ann Early", born: "1970-01-02")
        try add("Bea Later", born: "1981-03-04")
        let tmux = try TmuxSession(dataFolder: URL(fileURLWithPath: folder.path))
        try tmux.waitFor("FaceChart Patients (2)")
        let screen = try tmux.waitFor("Bea Later")
        #expect(screen.contains("1970-01-02"), "the list shows dates of birth")
        try tmux.send("j")

        // Sorted by name among patients never seen, the newcomer comes first: the selection stays on Bea.
        try add("Aaron Newcomer", born: "1990-05-06")
        try tmux.waitFor("FaceChart Patients (3)")
        let rows = try tmux.waitFor("Aaron Newcomer").split(separator: "\n")
        #expect(rows.firstIndex { $0.contains("Aaron Newcomer") }! < rows.firstIndex { $0.contains("Bea Later") }!)
        try tmux.send("Enter")
        let opened = try tmux.waitFor("No sessions yet. Press n to start one.")
        #expect(opened.split(separator: "\n").first?.contains("Bea Later") == true)
    }
}
