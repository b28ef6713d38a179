import FaceChartCore
import FaceChartStore
import FaceChartSync
import FaceChartUI
import Foundation
import Glibc

/// What `patients`, `add-patient`, `edit-patient` and `log` do with patient records.
public enum PatientRegistry {
    /// `facechart patients`: every patient by name with id, date of birth, sessions and last visit, from the
    /// index once every folder is checked against it; unreadable records named after them. Each line goes
    /// to `emit` as it is made, so a large practice is never held whole.
    /// Files that could not be used or need a look (a signature that no longer matches, say) go to `warn`,
    /// one message each, and are summed up in the patient's row.
    public static func listing(
        in store: PatientStore, timeZone: TimeZone = .current, emit: (String) -> Void, warn: (String) -> Void = { _ in }
    ) throws(UserError) {
        let index = try UserError.fromIndex { () throws(SQLiteError) in try store.practiceIndex() }
        var table = TextTable(["ID", "Name", "Born", "Sessions", "Last visit", "Files"], rightAligned: [3])
        var readable = 0
        var unreadable: [String] = []
        var notes: [RecordID: String] = [:]
        try UserError.fromIndex { () throws(SQLiteError) in
            try index.refresh()
            try index.forEachPatient(order: .name) { patient in
                let problems = patient.problemCount > 0 ? (try? index.problems(of: patient.id)) ?? [] : []
                problems.map(\.message).forEach(warn)
                notes[patient.id] = note(problems)
                guard let row = row(patient, note: notes[patient.id], timeZone: timeZone) else {
                    unreadable.append(patient.id.rawValue + "  " + (problems.first?.message ?? "cannot be read"))
                    return
                }
                table.measure(row)
                readable += 1
            }
        }
        if readable == 0, unreadable.isEmpty {
            emit("No patients yet. Add one with 'facechart add-patient NAME' or in the charting screens.")
            return
        }
        emit(table.line(table.headers))
        try UserError.fromIndex { () throws(SQLiteError) in
            try index.forEachPatient(order: .name, limit: readable) { patient in
                if let row = row(patient, note: notes[patient.id], timeZone: timeZone) { emit(table.line(row)) }
            }
        }
        unreadable.forEach(emit)
    }

    /// "2 files not used, 1 to check" for a row's problems; `nil` when there are none.
    private static func note(_ problems: [IndexedProblem]) -> String? {
        let leftOut = problems.filter(\.isLeftOut).count
        let flagged = problems.count - leftOut
        let parts = (leftOut > 0 ? ["\(leftOut) file\(leftOut == 1 ? "" : "s") not used"] : [])
            + (flagged > 0 ? ["\(flagged) to check"] : [])
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// The cells of a readable patient's line; `nil` for a record that cannot be read.
    private static func row(_ patient: IndexedPatient, note: String?, timeZone: TimeZone) -> [String]? {
        guard let name = patient.name else { return nil }
        return [
            patient.id.rawValue, name, patient.dateOfBirth?.description ?? "-", "\(patient.sessionCount)",
            patient.lastVisit.map { Format.dateTime($0.date, timeZone: timeZone) } ?? "-", note ?? "",
        ]
    }

    /// `facechart add-patient`: creates `patient` unless it is invalid or, without `allowingDuplicate`,
    /// someone of the same name and date of birth is already a patient.
    public static func add(_ patient: Patient, to store: PatientStore, allowingDuplicate: Bool) throws(UserError) {
        if let problem = patient.problem { throw UserError(problem.message) }
        if !allowingDuplicate {
            if let same = try PatientLookup.possibleDuplicate(of: patient, in: store) {
                throw UserError("A patient with this name and date of birth already exists (\(same.id)). "
                    + "Open that record, or pass --allow-duplicate to add another person of the same name.")
            }
        }
        do {
            try store.createPatient(patient)
        } catch {
            if case .notConfirmedOnDisk(_, let code) = error {
                throw UserError("The patient was created as \(patient.id), but the disk did not confirm the save "
                    + "(\(String(cString: strerror(code)))): check the disk, and do not add the patient again.")
            }
            throw UserError(error.message)
        }
    }

    /// `facechart edit-patient`: applies `correct` to the patient's record under their lock, and saves it
    /// with one change-list entry per field changed, by `clinician` at `moment`. Returns the changes saved
    /// (none when the record already said so).
    public static func correct(
        _ patient: RecordID, in store: PatientStore, by clinician: Clinician, at moment: Timestamp, _ correct: (inout Patient) -> Void
    ) throws(UserError) -> [Change] {
        let lock = try UserError.fromStore { () throws(StoreError) in try store.lockPatient(patient) }
        defer { lock.unlock() }
        let old = try UserError.fromStore { () throws(StoreError) in try store.loadPatient(patient) }
        var corrected = old
        correct(&corrected)
        if let problem = corrected.problem { throw UserError(problem.message) }
        let changes = ChangeRecorder(by: clinician, at: moment).changes(from: old, to: corrected)
        guard !changes.isEmpty else { return [] }
        corrected.updatedAt = moment
        try UserError.fromStore { () throws(StoreError) in
            try store.savePatient(corrected)
            try store.appendChanges(changes, patient: corrected.id)
        }
        return changes
    }

    /// What `edit-patient` prints: each change saved, or that there was nothing to change.
    public static func correctionOutput(_ changes: [Change], timeZone: TimeZone = .current) -> CommandOutput {
        CommandOutput(lines: changes.isEmpty ? ["Nothing to change: the record already says so."]
            : changes.map { changeLine($0, timeZone: timeZone) })
    }

    /// `facechart log`: the patient's change list with the history's checkpoints (who saved what, on which
    /// chair), a line each; without a history, the change list alone, said so.
    public static func log(of patient: RecordID, in store: PatientStore, timeZone: TimeZone = .current) throws(UserError) -> CommandOutput {
        let (changes, problems) = try UserError.fromStore { () throws(StoreError) in try store.changes(of: patient) }
        var notes: [String] = []
        var history: History?
        if let reason = HistoryWiring.offReason {
            notes.append("\(reason) The change list alone follows.")
        } else {
            history = try HistoryWiring.history(of: store)
        }
        let entries: [AuditLog.Entry]
        do throws(SyncError) {
            entries = try AuditLog(history: history).entries(patient: patient, changes: changes)
        } catch {
            throw UserError(error.message)
        }
        let lines = entries.isEmpty ? ["No corrections recorded for this patient."] : entries.map { logLine($0, timeZone: timeZone) }
        return CommandOutput(lines: lines, notes: notes + problems.map(\.message))
    }

    /// A correction as the change list prints it, or a checkpoint: time, chair, event and files, who, and
    /// the commit's signature.
    static func logLine(_ entry: AuditLog.Entry, timeZone: TimeZone) -> String {
        let chair = "chair \(entry.chair ?? "-")"
        if let change = entry.change { return changeLine(change, timeZone: timeZone) + "  (\(chair))" }
        var line = "\(Format.dateTime(entry.at, timeZone: timeZone))  \(chair)  \(entry.what)"
        if let by = entry.by { line += "  by \(by)" }
        if let signature = entry.signature { line += "  (\(signature))" }
        return line
    }

    /// One change as a line: `2026-12-04 10:15  Dr Example  patient demo dateOfBirth: "1986-04-17" -> "1986-04-18"`.
    public static func changeLine(_ change: Change, timeZone: TimeZone) -> String {
        func value(_ text: String?) -> String {
            guard let text else { return "(none)" }
            return text.isEmpty ? "(empty)" : "\"\(text)\""
        }
        var line = "\(Format.dateTime(change.at, timeZone: timeZone))  \(change.by)  "
            + "\(change.record.kind) \(change.record.id) \(change.field): \(value(change.from)) -> \(value(change.to))"
        if let reason = change.reason { line += " (reason: \(reason))" }
        return line
    }
}
