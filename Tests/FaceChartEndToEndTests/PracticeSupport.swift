import FaceChartCore
import FaceChartStore
import FaceChartSync
import FaceChartTestSupport
import Foundation
import Testing

/// A practice on one machine: a bare repository in a temp folder (with FaceChart's pre-receive hook)
/// and data folders as chairs.
final class Practice {
    let folder: TemporaryFolder
    var remote: String { folder.path + "/practice.git" }

    init(hook: Bool = true) throws {
        folder = try TemporaryFolder(prefix: "facechart-practice")
        let made = try Runner.facechart(["verify", "--install-hook", remote], home: folder.path + "/unused")
        try #require(made.status == 0, "\(made.errors)")
    }

    func chair(_ name: String) -> Chair { Chair(path: folder.path + "/" + name, name: name) }
}

/// One chair's data folder, driven through the real binary (and, for edits the command line has no
/// command for, through the store and the history as the charting screens use them).
struct Chair {
    let path: String
    let name: String

    /// Runs `facechart ARGUMENTS` on this chair's data folder.
    @discardableResult
    func run(_ arguments: [String]) throws -> CommandResult {
        try Runner.facechart(arguments, home: path)
    }

    /// `facechart sync`, which must succeed.
    @discardableResult
    func sync(sourceLocation: SourceLocation = #_sourceLocation) throws -> CommandResult {
        let result = try run(["sync"])
        #expect(result.status == 0, "\(name): \(result.errors)", sourceLocation: sourceLocation)
        return result
    }

    func setup(_ practice: Practice, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try run(["sync", "--setup", practice.remote, "--chair", name])
        try #require(result.status == 0, "\(name): \(result.errors)", sourceLocation: sourceLocation)
    }

    func addPatient(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> RecordID {
        let result = try run(["add-patient", name, "--born", "1980-01-02"])
        try #require(result.status == 0, "\(result.errors)", sourceLocation: sourceLocation)
        return try #require(RecordID(result.output.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    func store() throws -> PatientStore { try PatientStore(root: path) }

    var history: History { History(root: path) }

    /// Commits what was saved, as the charting screens' checkpoints do.
    func commit(_ checkpoint: Checkpoint) throws {
        let history = self.history
        try history.prepare(driver: TmuxSession.binary.path)
        try history.withLock { () throws(SyncError) in _ = try history.commit([checkpoint]) }
    }

    /// A draft session of `patient` started at `start`, saved and committed.
    @discardableResult
    func chartSession(_ id: String, patient: RecordID, start: Timestamp, signed: Bool = true) throws -> Session {
        var session = SampleRecords.session(id: id, patient: patient.rawValue, startedAt: start, points: 4)
        if signed { session = SampleRecords.signed(session) }
        try store().saveSession(session)
        try commit(Checkpoint(signed ? .signed : .draft, patient: patient, session: session.id, by: SampleRecords.clinician.id))
        return session
    }

    /// Adds an addendum to a signed session and commits it.
    func addAddendum(_ text: String, session id: String, patient: RecordID, at time: Timestamp) throws {
        let store = try store()
        let session = try store.loadSession(patient: patient, session: RecordID(id)!)
        try store.saveSession(try session.addingAddendum(text, by: SampleRecords.clinician, at: time))
        try commit(Checkpoint(.addendum, patient: patient, session: session.id, by: SampleRecords.clinician.id))
    }

    /// Changes the patient record, records the change in the change list, and commits.
    func editPatient(_ id: RecordID, at time: Timestamp, _ change: (inout Patient) -> Void) throws {
        let store = try store()
        let before = try store.loadPatient(id)
        var after = before
        change(&after)
        after.updatedAt = time
        try store.savePatient(after)
        let recorder = ChangeRecorder(by: SampleRecords.clinician, at: time)
        try store.appendChanges(recorder.changes(from: before, to: after), patient: id)
        try commit(Checkpoint(.patientEdited, patient: id, by: SampleRecords.clinician.id))
    }

    func git(_ arguments: [String]) throws -> String {
        try Runner.run("/usr/bin/git", ["-C", path] + arguments, environment: ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]).output
    }

    var head: String { (try? git(["rev-parse", "HEAD"]))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }

    /// Every record file in the folder, by path, with its bytes.
    func recordFiles() -> [String: Data] {
        var files: [String: Data] = [:]
        let walker = FileManager.default.enumerator(atPath: path + "/patients")
        while let next = walker?.nextObject() as? String {
            if next.hasSuffix(".json") { files[next] = FileManager.default.contents(atPath: path + "/patients/" + next) }
        }
        return files
    }

    /// Conflicts waiting for a person on this chair.
    var pendingConflicts: [PendingConflict] { ConflictBook(history: history).pending() }
}

/// A fixed clock for the simulated day: 2026-03-02 08:00 UTC plus `minutes`.
func dayTime(_ minutes: Double) -> Timestamp { .utc(1_772_438_400 + minutes * 60) }
