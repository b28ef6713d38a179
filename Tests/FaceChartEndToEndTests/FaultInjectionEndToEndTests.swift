import FaceChartCore
import FaceChartStore
import FaceChartTestSupport
import Foundation
import Testing

/// Whether strace is installed and may trace (ptrace can be forbidden in containers).
let straceWorks: Bool = {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/strace") else { return false }
    return (try? Spawn.run("/usr/bin/strace", ["-f", "-o", "/dev/null", "/bin/true"]).status) == 0
}()

/// System-call failures injected with `strace -e inject=...` into the real binary: every failure is
/// reported in one line, the records already on disk stay byte-identical, no temp file is left, and
/// everything on disk still decodes.
@Suite(.serialized, .enabled(if: straceWorks, "strace is missing or cannot trace here"))
struct FaultInjectionEndToEndTests {
    let folder: TemporaryFolder
    let data: DataFolder
    /// The patient that was there before any fault, and its bytes.
    let existing: (id: String, file: String, bytes: Data)

    init() throws {
        folder = try TemporaryFolder(prefix: "facechart-e2e-faults")
        data = DataFolder(path: folder.path)
        let added = try Runner.facechart(["add-patient", "Already Here", "--born", "1960-02-29", "--notes", "keep me"], home: folder.path)
        try #require(added.status == 0, "\(added.errors)")
        let id = added.output.trimmingCharacters(in: .newlines)
        let file = "patients/\(id)/patient.json"
        existing = (id, file, try #require(data.bytes(file)))
    }

    // MARK: - One fault at a time

    @Test(arguments: [
        "fsync,fdatasync:error=EIO:when=1",  // the temp file's fsync
        "fsync,fdatasync:error=EIO:when=2",  // the patient folder's fsync after the rename
        "fsync,fdatasync:error=EIO:when=3",  // the patients folder's fsync
        "rename,renameat,renameat2:error=EIO",
        "rename,renameat,renameat2:error=EXDEV",
    ])
    func addPatientUnderAFault(fault: String) throws {
        let result = try Runner.straced(["-e", "inject=\(fault)"], ["add-patient", "New Person", "--born", "1990-01-01"], home: folder.path)
        try expectConsistent(after: result, fault: fault)
    }

    /// The rename fails and so does every unlink: the patient's folder, built under a temporary name,
    /// is left behind. No listing ever shows it, and a later start removes it once it is stale.
    @Test func aCreationThatCouldNotBeCleanedUpGoesOnceStale() throws {
        let result = try Runner.straced(
            ["-e", "inject=rename,renameat,renameat2:error=EIO", "-e", "inject=unlink,unlinkat:error=EIO"],
            ["add-patient", "Ghost"], home: folder.path)
        #expect(result.status == 1)
        #expect(result.errorLines.count == 1, "\(result.errors)")
        #expect(result.errors.contains("renaming failed"))
        #expect(data.bytes(existing.file) == existing.bytes)
        let staging = data.allPaths().filter { $0.hasPrefix("patients/.facechart-tmp-new-") && !$0.dropFirst(9).contains("/") }
        #expect(staging.count == 1, "the double fault leaves the one folder: \(data.allPaths())")

        let list = try Runner.facechart(["patients"], home: folder.path)
        #expect(list.status == 0)
        #expect(list.output.contains("Already Here"))
        #expect(!list.output.contains("Ghost") && !list.output.contains("tmp"), "\(list.output)")
        #expect(data.bytes(existing.file) == existing.bytes)

        // A start that writes removes it once it is old enough to be abandoned (and its lock is free).
        let old = Date().addingTimeInterval(-3_600)
        for path in staging { try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: folder.file(path)) }
        let added = try Runner.facechart(["add-patient", "After"], home: folder.path)
        #expect(added.status == 0, "\(added.errors)")
        #expect(!data.allPaths().contains { $0.contains(".facechart-tmp-") }, "removed at start: \(data.allPaths())")
        #expect(data.patientIDs().count == 2, "\(data.allPaths())")
    }

    /// The last fsync of add-patient makes the new folder's name durable: when it fails, the command
    /// does not report success (no id on standard output) and says the patient may not survive a crash.
    @Test func addPatientDoesNotReportSuccessWhenTheFinalFolderSyncFails() throws {
        let result = try Runner.straced(["-e", "inject=fsync,fdatasync:error=EIO:when=3"], ["add-patient", "Unsynced"], home: folder.path)
        try expectConsistent(after: result, fault: "the final folder sync")
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("but the disk did not confirm the save"), "\(result.errors)")
    }

    /// Fails the Nth write for N = 1, 2, ... (the lock's pid hint, then the record), as SQLite's
    /// I/O-error tests do: each run is consistent, the record's own write fails once, and the
    /// command succeeds once N is past its writes.
    @Test func addPatientWithTheNthWriteFailingForEveryN() throws {
        var failures = 0
        var succeededPastTheWrites = false
        for n in 1...6 {
            let fault = "write:error=ENOSPC:when=\(n)"
            let result = try Runner.straced(["-e", "inject=\(fault)"], ["add-patient", "Person \(n)"], home: folder.path)
            try expectConsistent(after: result, fault: fault)
            if result.status != 0 { failures += 1 }
            succeededPastTheWrites = result.status == 0
        }
        #expect(failures >= 1, "the record's own write failed at least once")
        #expect(succeededPastTheWrites)
    }

    /// Fails the Nth mkdir for every N until the command succeeds.
    @Test func addPatientWithTheNthMkdirFailingForEveryN() throws {
        var n = 1
        var succeeded = false
        while !succeeded && n <= 20 {
            let fault = "mkdir,mkdirat:error=ENOSPC:when=\(n)"
            let result = try Runner.straced(["-e", "inject=\(fault)"], ["add-patient", "Person \(n)"], home: folder.path)
            try expectConsistent(after: result, fault: fault)
            succeeded = result.status == 0
            n += 1
        }
        #expect(succeeded)
    }

    // MARK: - Saving over an existing file

    /// The charting screens save a session over its file on every change: with the rename (or the
    /// temp file's fsync) failing, the screen says NOT SAVED, keeps the point, and the file on disk is
    /// byte-identical with no temp file beside it.
    @Test(arguments: ["rename,renameat,renameat2:error=EIO", "fsync,fdatasync:error=EIO:when=1"])
    func aFailedSessionSaveLeavesTheFileOnDiskAsItWas(fault: String) throws {
        // A session with one point, saved normally.
        do {
            let tmux = try TmuxSession(dataFolder: URL(fileURLWithPath: folder.path))
            try tmux.waitFor("Already Here")
            try tmux.send("Enter")
            try tmux.waitFor("No sessions yet")
            try tmux.startSession(lot: "LOT-1", expiry: "2099-01-31", clinician: "Dr Fault")
            try tmux.send("Enter")
            try tmux.waitFor("Total 4 U in 1 point")
            try tmux.send("q", "q", "q")
            try tmux.waitFor("EXIT=0")
        }
        let sessionFile = try #require(data.sessionFiles(of: existing.id).first)
        let before = try #require(data.bytes(sessionFile))

        // The same session opened under the fault; a second point fails to save. (Write faults are
        // left to the add-patient tests: strace cannot single out the temp file's descriptor from the
        // terminal's.)
        let tmux = try TmuxSession(
            dataFolder: URL(fileURLWithPath: folder.path), environment: ["FACECHART_HISTORY": "off"],
            wrapper: ["/usr/bin/strace", "-f", "-o", "/dev/null", "-e", "inject=\(fault)"])
        do {
            try tmux.waitFor("Already Here")
            try tmux.send("Enter")
            try tmux.waitFor("4 U draft")
            try tmux.send("Enter")
            try tmux.waitFor("Total 4 U in 1 point")
            try tmux.send("l", "l", "Enter")
            let screen = try tmux.waitFor("NOT SAVED (your changes are kept on screen)")
            #expect(screen.contains("patients/\(existing.id)/sessions/"))
            #expect(screen.contains("Total 8 U in 2 points"), "the change stays on screen")
            let joined = screen.split(separator: "\n").joined(separator: " ")
            #expect(joined.contains(fault.hasPrefix("rename") ? "renaming failed" : "syncing to disk failed"))
            // Leaving asks once before dropping the change that is only on screen.
            try tmux.send("q")
            try tmux.waitFor("NOT SAVED changes would be lost")
            try tmux.send("q", "q", "q")
            try tmux.waitFor("EXIT=0")
        }
        #expect(data.bytes(sessionFile) == before, "the session on disk is the one-point version")
        #expect(!data.allPaths().contains { $0.contains(".facechart-tmp-") }, "\(data.allPaths())")
        let store = try PatientStore(root: folder.path)
        let sessions = try store.sessions(of: try #require(RecordID(existing.id)))
        #expect(sessions.count == 1)
        #expect(sessions.first?.points.count == 1)
    }

    // MARK: - Checks

    /// After one run under a fault: a clean outcome, the old record intact, no temp files, all readable.
    private func expectConsistent(after result: CommandResult, fault: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let context = Comment(rawValue: "\(fault): status \(result.status), stdout \(result.output.debugDescription), stderr \(result.errors.debugDescription)")
        #expect(!result.errors.looksLikeACrash, context, sourceLocation: sourceLocation)
        #expect(result.status == 0 || result.status == 1, context, sourceLocation: sourceLocation)
        if result.status != 0 {
            #expect(result.errorLines.count == 1, context, sourceLocation: sourceLocation)
            #expect(result.errors.hasPrefix("facechart: "), context, sourceLocation: sourceLocation)
            #expect(result.output.isEmpty, context, sourceLocation: sourceLocation)
        } else {
            #expect(result.errors.isEmpty, context, sourceLocation: sourceLocation)
            let id = result.output.trimmingCharacters(in: .newlines)
            #expect(!id.isEmpty, "success means the id reached the user: \(context)", sourceLocation: sourceLocation)
            #expect(data.patientIDs().contains(id), context, sourceLocation: sourceLocation)
        }
        #expect(data.bytes(existing.file) == existing.bytes, "the existing patient changed", sourceLocation: sourceLocation)
        let leftovers = data.allPaths().filter { $0.split(separator: "/").last?.hasPrefix(".facechart-tmp-") == true }
        #expect(leftovers.isEmpty, context, sourceLocation: sourceLocation)

        // Every patient folder holds a complete, readable record: no half-made patient.
        for id in data.patientIDs() {
            let paths = data.allPaths().filter { $0.hasPrefix("patients/\(id)/") }
            #expect(paths.contains("patients/\(id)/patient.json"), "\(context) left \(paths)", sourceLocation: sourceLocation)
        }
        let store = try PatientStore(root: folder.path)
        let summaries = try store.listPatients()
        #expect(summaries.allSatisfy { $0.patient != nil }, "\(context): \(summaries.map { $0.problem?.message ?? "ok" })",
                sourceLocation: sourceLocation)
        for id in data.patientIDs() {
            _ = try data.record("patients/\(id)/patient.json", kind: "patient")
        }
        let before = try #require(RecordID(existing.id))
        #expect(try store.loadPatient(before).notes == "keep me", sourceLocation: sourceLocation)
    }
}
