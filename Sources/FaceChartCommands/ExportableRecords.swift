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
        let (sessions, reviews) = try history(of: patient, from: store)
        let chosen = try session.map { text throws(UserError) in [try PatientLookup.session(text, among: sessions, timeZone: .current)] }
            ?? sessions.sorted { $0.startedAt < $1.startedAt }
        return chosen.map { SessionRecord(patient: patient, session: $0, sessions: sessions, reviews: reviews, outcomes: outcomes, rules: rules) }
    }

    /// The one record a sheet is printed from: the session named, else the latest.
    public static func one(
        _ patient: Patient, session: String?, from store: PatientStore, outcomes: OutcomeCatalogue, rules: ClinicalRules
    ) throws(UserError) -> SessionRecord {
        let (sessions, reviews) = try history(of: patient, from: store)
        let chosen = try PatientLookup.session(session, among: sessions, timeZone: .current)
        return SessionRecord(patient: patient, session: chosen, sessions: sessions, reviews: reviews, outcomes: outcomes, rules: rules)
    }

    private static func history(of patient: Patient, from store: PatientStore) throws(UserError) -> ([Session], [Review]) {
        try UserError.fromStore { () throws(StoreError) in (try store.sessions(of: patient.id), try store.reviews(of: patient.id)) }
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
