import FaceChartCore
import FaceChartExport
import FaceChartStore
import Foundation

/// A patient's sessions as exportable records, each with its review and the treatment it tops up.
public enum ExportableRecords {
    /// The records of `patient`: one session (by id or date) when `session` is given, else every one.
    public static func load(
        _ patient: Patient, session: String?, from store: PatientStore, outcomes: OutcomeCatalogue, rules: ClinicalRules
    ) throws(UserError) -> [SessionRecord] {
        let (sessions, reviews, leftOut) = try history(of: patient, from: store)
        let chosen = try session.map { text throws(UserError) in
            [try PatientLookup.session(text, among: sessions, leftOut: leftOut, timeZone: .current)]
        } ?? sessions.sorted { $0.startedAt < $1.startedAt }
        return chosen.map { SessionRecord(patient: patient, session: $0, sessions: sessions, reviews: reviews, outcomes: outcomes, rules: rules) }
    }

    /// The one record a sheet is printed from: the session named, else the latest.
    public static func one(
        _ patient: Patient, session: String?, from store: PatientStore, outcomes: OutcomeCatalogue, rules: ClinicalRules
    ) throws(UserError) -> SessionRecord {
        let (sessions, reviews, leftOut) = try history(of: patient, from: store)
        let chosen = try PatientLookup.session(session, among: sessions, leftOut: leftOut, timeZone: .current)
        return SessionRecord(patient: patient, session: chosen, sessions: sessions, reviews: reviews, outcomes: outcomes, rules: rules)
    }

    /// What reads correctly of the patient's records; each file that does not is named once on
    /// standard error, and the rest is used.
    private static func history(
        of patient: Patient, from store: PatientStore
    ) throws(UserError) -> (sessions: [Session], reviews: [Review], leftOut: [RecordIssue]) {
        let records = try UserError.fromStore { () throws(StoreError) in try store.readRecords(of: patient.id) }
        IssueWarnings.print(records.issues)
        return (records.sessions, records.reviews, records.leftOut)
    }
}

extension UserError {
    /// Runs a print or export step, rewording its error for the user.
    public static func fromExport<T>(_ body: () throws(PrintError) -> T) throws(UserError) -> T {
        do {
            return try body()
        } catch {
            throw UserError(error.message)
        }
    }
}
