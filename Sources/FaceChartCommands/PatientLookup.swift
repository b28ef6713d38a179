import FaceChartCore
import FaceChartStore
import Foundation

/// Finds a patient from what a user types: an id, or a name (whole or the start of it, any case).
public enum PatientLookup {
    /// The patient `text` names: an id, else a whole name, else the start of exactly one name.
    public static func find(_ text: String, in store: PatientStore) throws(UserError) -> Patient {
        let summaries: [PatientSummary]
        do {
            summaries = try store.listPatients()
        } catch {
            throw UserError(error.message)
        }
        if let id = RecordID(text), let summary = summaries.first(where: { $0.id == id }) {
            if let patient = summary.patient { return patient }
            throw UserError(summary.problem?.message ?? "The patient's record cannot be read.")
        }
        let patients = summaries.compactMap(\.patient)
        let exact = patients.filter { $0.name.compare(text, options: [.caseInsensitive, .diacriticInsensitive]) == .orderedSame }
        if exact.count == 1 { return exact[0] }
        let prefixed = patients.filter {
            $0.name.range(of: text, options: [.caseInsensitive, .diacriticInsensitive, .anchored]) != nil
        }
        if prefixed.count == 1 { return prefixed[0] }
        if prefixed.count > 1 || exact.count > 1 {
            throw UserError("More than one patient matches that name: use the id from 'facechart patients'.")
        }
        throw UserError("No patient with that id or name: 'facechart patients' lists them.")
    }

    /// The session a user names: an id, a day (`YYYY-MM-DD`, the latest that day), or the latest when nil.
    public static func session(_ text: String?, among sessions: [Session], timeZone: TimeZone) throws(UserError) -> Session {
        guard let text else {
            guard let latest = sessions.max(by: { $0.startedAt < $1.startedAt }) else {
                throw UserError("This patient has no sessions yet.")
            }
            return latest
        }
        if let id = RecordID(text), let session = sessions.first(where: { $0.id == id }) { return session }
        if let day = CalendarDate(text),
           let session = sessions.filter({ $0.day(in: timeZone) == day }).max(by: { $0.startedAt < $1.startedAt }) {
            return session
        }
        throw UserError("No session '\(text)' for this patient: give a session id or a date (YYYY-MM-DD).")
    }
}
