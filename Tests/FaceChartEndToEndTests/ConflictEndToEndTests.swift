import FaceChartCore
import FaceChartStore
import FaceChartSync
import FaceChartTestSupport
import Foundation
import Testing

/// The same field changed on two chairs: nothing half-merged in the data folder, this chair's version
/// on a branch, and a person settles it in the charting screens; the answer reaches the other chair.
@Suite struct ConflictEndToEndTests {
    @Test func theSameFieldOnTwoChairsIsSettledInTheScreens() throws {
        let practice = try Practice()
        let (a, b) = (practice.chair("room-1"), practice.chair("room-2"))
        let patient = try a.addPatient("Hana Eight")
        try a.setup(practice)
        try b.setup(practice)
        try a.editPatient(patient, at: dayTime(30)) { $0.notes = "Prefers mornings" }
        try b.editPatient(patient, at: dayTime(31)) { $0.notes = "Allergic to latex" }
        try a.sync()
        let clash = try b.sync()
        #expect(clash.output.contains("Changed on another chair too: patients/\(patient)/patient.json"), "\(clash.output)")

        // Nothing half-merged: the folder holds a whole record (the other chair's notes), mine is on a branch.
        let onDisk = try b.store().loadPatient(patient)
        #expect(onDisk.notes == "Prefers mornings")
        #expect(!(String(data: b.recordFiles()["\(patient)/patient.json"] ?? Data(), encoding: .utf8) ?? "").contains("<<<<<<<"))
        let branch = try #require(b.pendingConflicts.first?.branch)
        #expect(try b.git(["show", "\(branch):patients/\(patient)/patient.json"]).contains("Allergic to latex"))
        #expect(try b.run(["verify"]).status == 0)

        let screen = try TmuxSession(dataFolder: URL(fileURLWithPath: b.path), width: 100, height: 30)
        try screen.waitFor("Changed on another chair: 1 record")
        try screen.send("C")
        try screen.waitFor("Changed on another chair: patient record")
        try screen.waitFor("mine:   Allergic to latex")
        try screen.waitFor("theirs: Prefers mornings")
        try screen.send("e")
        try screen.send("C-u")
        try screen.sendLiteral("Prefers mornings; allergic to latex")
        try screen.waitFor("Prefers mornings; allergic to latex")
        try screen.send("Enter")
        try screen.waitFor("edited: Prefers mornings; allergic to latex")
        try screen.send("Enter")
        try screen.waitFor("Saved: the record now holds your choices.")
        try screen.send("q")
        try screen.waitFor("EXIT=0")

        #expect(try b.store().loadPatient(patient).notes == "Prefers mornings; allergic to latex")
        #expect(b.pendingConflicts.isEmpty)
        #expect(try b.git(["log", "-1", "--format=%B", "--", "patients/\(patient)/patient.json"]).contains("FaceChart-Event: resolved patient=\(patient)"))
        try b.sync()
        try a.sync()
        #expect(try a.store().loadPatient(patient).notes == "Prefers mornings; allergic to latex")
        let log = try a.run(["log", patient.rawValue]).output
        let settled = log.split(separator: "\n").first { $0.contains("notes: \"Prefers mornings\" -> \"Prefers mornings; allergic to latex\"") }
        #expect(settled?.contains("changed on another chair too") == true && settled?.hasSuffix("(chair room-2)") == true, "\(log)")
        #expect(log.contains("chair room-2  resolved"), "\(log)")
    }
}
