import FaceChartCore
import FaceChartStore
import FaceChartSync
import FaceChartTestSupport
import Foundation
import Testing

/// The history as the charting screens keep it: commits at checkpoints, syncs in the background, the
/// open patient reloaded; and everything but history working without git.
@Suite struct HistoryEndToEndTests {
    @Test func theScreensCommitAtCheckpointsAndReloadWhatAnotherChairPushed() throws {
        let practice = try Practice()
        let (a, b) = (practice.chair("room-1"), practice.chair("room-2"))
        let patient = try a.addPatient("Mia Thirteen")
        try a.setup(practice)
        try b.setup(practice)
        _ = try a.git(["config", "--local", "facechart.syncSeconds", "1"])

        let screen = try TmuxSession(arguments: [patient.rawValue], dataFolder: URL(fileURLWithPath: a.path), width: 100, height: 32)
        try screen.waitFor("Mia Thirteen")
        try screen.startSession(lot: "LOT-A1", expiry: "2099-12-31", clinician: "Dr Room One")
        try screen.send("Enter")
        try screen.waitFor("Placed 4 U IM")
        // Leaving the patient commits the draft; signing commits at once.
        try screen.send("q")
        try screen.waitFor("Indication")
        try screen.send("q")
        try screen.waitUntilGone("Indication")
        #expect(eventually(seconds: 10) { (try? a.git(["log", "-1", "--format=%B"]))?.contains("left-patient patient=\(patient)") == true })
        try screen.send("Enter")
        try screen.waitFor("Indication")
        try screen.send("Enter")
        try screen.waitFor("Pen 4 U")
        try screen.send("S")
        try screen.send("Enter")
        try screen.waitFor("Signed by Dr Room One")

        // Another chair treats the same patient and pushes while this one is charting.
        try b.chartSession("from-room-2", patient: patient, start: dayTime(0))
        try b.sync()
        try screen.send("q")
        try screen.waitFor("2026-03-02", seconds: 20)
        try screen.send("q")
        try screen.send("q")
        try screen.waitFor("EXIT=0")

        let messages = try a.git(["log", "--format=%B"])
        #expect(messages.contains("FaceChart-Event: signed patient=\(patient) session="), "\(messages)")
        #expect(messages.contains("by=dr-room-one"))
        #expect(messages.contains("FaceChart-Event: left-patient patient=\(patient)"))
        #expect(messages.contains("FaceChart-Chair: room-1"))
        #expect(!messages.contains("Mia"), "no patient names in commits")
        try b.sync()
        #expect(try b.store().sessions(of: patient).count == 2, "the signed session reached the other chair")
        #expect(try a.git(["status", "--porcelain"]).isEmpty, "everything saved is committed")
    }

    @Test func aCommandThatChangesTheFolderUnderTheScreensIsShownThere() throws {
        let folder = try TemporaryFolder(prefix: "facechart-elsewhere")
        let chair = Chair(path: folder.path + "/data", name: "room-1")
        _ = try chair.addPatient("Pia Sixteen")
        _ = try chair.git(["config", "--local", "facechart.syncSeconds", "1"])
        let screen = try TmuxSession(dataFolder: URL(fileURLWithPath: chair.path))
        try screen.waitFor("Pia Sixteen")
        _ = try chair.addPatient("Quinn Seventeen")
        try screen.waitFor("Quinn Seventeen", seconds: 20)
        try screen.send("q")
        try screen.waitFor("EXIT=0")
    }

    @Test func withoutGitEverythingElseWorksAndSyncSaysWhy() throws {
        let folder = try TemporaryFolder(prefix: "facechart-no-git")
        let home = folder.path + "/data"
        let noGit = ["PATH": "/nonexistent"]
        let added = try Runner.facechart(["add-patient", "Noa Fourteen"], home: home, environment: noGit)
        #expect(added.status == 0, "\(added.errors)")
        #expect(added.errors.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: home + "/.git"))
        let sync = try Runner.facechart(["sync"], home: home, environment: noGit)
        #expect(sync.status == 1)
        #expect(sync.errors.contains("git is not installed"), "\(sync.errors)")
        #expect(try Runner.facechart(["verify"], home: home, environment: noGit).status == 0)
        let id = added.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let log = try Runner.facechart(["log", id], home: home, environment: noGit)
        #expect(log.status == 0)
        #expect(log.errors.contains("git is not installed"))

        let screen = try TmuxSession(dataFolder: URL(fileURLWithPath: home), environment: noGit)
        try screen.waitFor("Noa Fourteen")
        try screen.send("q")
        try screen.waitFor("EXIT=0")
        #expect(!FileManager.default.fileExists(atPath: home + "/.git"))
    }

    @Test func commitsSignedWithTheChairsKeyShowAsGoodInTheLog() throws {
        let practice = try Practice()
        let (a, b) = (practice.chair("room-1"), practice.chair("room-2"))
        let key = practice.folder.path + "/room-1-key"
        let made = try Runner.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", key], environment: ["PATH": "/usr/bin:/bin"])
        try #require(made.status == 0, "\(made.errors)")
        let setup = try a.run(["sync", "--setup", practice.remote, "--chair", "room-1", "--signing-key", key])
        try #require(setup.status == 0, "\(setup.errors)")
        let patient = try a.addPatient("Ola Fifteen")
        try a.sync()
        try b.setup(practice)
        for chair in [a, b] {
            let log = try chair.run(["log", patient.rawValue]).output
            #expect(log.contains("chair room-1  patient-created") && log.contains("(signature good)"), "\(chair.name):\n\(log)")
        }
    }
}
