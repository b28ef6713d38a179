import FaceChartCore
import FaceChartStore
import Foundation

/// Finds a patient from what a user types: an id (that folder is read, nothing else), or a name (whole
/// or the start of it, any case) found through the index.
public enum PatientLookup {
    /// The patient `text` names: an id, else the start of exactly one name (through the index).
    public static func find(_ text: String, in store: PatientStore) throws(UserError) -> Patient {
        if let id = RecordID(text) {
            do {
                return try store.loadPatient(id)
            } catch .notFound {
                // Not a folder name: a name, then.
            } catch {
                throw UserError(error.message)
            }
        }
        for attempt in 0..<2 {
            let candidates = try UserError.fromIndex { () throws(SQLiteError) in try store.indexedPatients(named: text) }
            let readable = candidates.filter { $0.name != nil }
            if readable.count > 1 {
                throw UserError("More than one patient matches that name: use the id from 'facechart patients'.")
            }
            guard let match = readable.first else { break }
            let patient = try UserError.fromStore { () throws(StoreError) in try store.loadPatient(match.id) }
            // The record on disk is the truth: a name changed since the index last saw it sends us round
            // once more, after every folder has been checked.
            if Patient.comparableName(patient.name).hasPrefix(Patient.comparableName(text)) { return patient }
            if attempt == 0 { _ = try UserError.fromIndex { () throws(SQLiteError) in try store.practiceIndex().refresh() } }
        }
        throw UserError("No patient with that id or name: 'facechart patients' lists them.")
    }

    /// A patient on record with the same name and date of birth as `patient`: the index finds those of
    /// the same name, whose records are then read.
    public static func possibleDuplicate(of patient: Patient, in store: PatientStore) throws(UserError) -> Patient? {
        let named = try UserError.fromIndex { () throws(SQLiteError) in try store.indexedPatients(named: patient.name) }
        return named.lazy.compactMap { try? store.loadPatient($0.id) }.first(where: patient.isPossibleDuplicate)
    }

    /// The session a user names: an id, a day (`YYYY-MM-DD`, the latest that day), or the latest when nil.
    /// A session whose file was left out (`leftOut`) is refused with the reason.
    public static func session(
        _ text: String?, among sessions: [Session], leftOut: [RecordIssue] = [], timeZone: TimeZone
    ) throws(UserError) -> Session {
        guard let text else {
            guard let latest = sessions.max(by: { $0.startedAt < $1.startedAt }) else {
                throw UserError(leftOut.isEmpty ? "This patient has no sessions yet."
                    : "None of this patient's sessions can be read (named above).")
            }
            return latest
        }
        if let id = RecordID(text), let session = sessions.first(where: { $0.id == id }) { return session }
        if let id = RecordID(text), let issue = leftOut.first(where: { $0.file.hasSuffix("-\(id.rawValue).json") }) {
            throw UserError(issue.message)
        }
        if let day = CalendarDate(text),
           let session = sessions.filter({ $0.day(in: timeZone) == day }).max(by: { $0.startedAt < $1.startedAt }) {
            return session
        }
        throw UserError("No session '\(text)' for this patient: give a session id or a date (YYYY-MM-DD).")
    }
}
