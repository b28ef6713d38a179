import FaceChartCore

/// Work the app asks the loop to do: reads, durable saves and locks. `App.update` returns these as values
/// and never does any of it; the loop runs each one (`CommandRunner`) and hands back what came of it as
/// an `AppEvent`.
public enum AppCommand: Hashable, Sendable {
    /// Read the rows `range` of the patients whose names match `filter`.
    case readListPage(filter: String, range: Range<Int>)
    /// Look for someone on record with the new patient's name and date of birth.
    case lookForTwin(Patient)
    /// Lock the patient and read their records.
    case openPatient(RecordID, then: App.AfterOpening)
    /// Release the patient's lock.
    case closePatient(RecordID)
    /// Read the open patient's records again (another chair changed them).
    case reloadPatient(RecordID)
    /// Read the chair's open vials.
    case readChairVials
    /// Move files of the open patient that cannot be used into a `damaged/` folder beside each.
    case moveAside(patient: RecordID, files: [String])
    /// Write these records durably, in order, stopping at the first failure; then go to `then`.
    case save([Effect], then: Navigation?)
}

extension AppCommand {
    /// The patients whose folders the command writes in (records, change lists, locks).
    public var patientsWritten: Set<RecordID> {
        switch self {
        case .readListPage, .lookForTwin, .readChairVials, .reloadPatient: []
        case .openPatient(let id, _), .closePatient(let id), .moveAside(let id, _): [id]
        case .save(let effects, _):
            Set(effects.compactMap { effect -> RecordID? in
                switch effect {
                case .savePatient(let patient): patient.id
                case .saveSession(let session): session.patient
                case .saveReview(let review): review.patient
                case .recordChanges(_, let patient): patient
                case .resolveConflict(let answer): answer.patient
                case .savePattern, .keepChairVial: nil
                }
            })
        }
    }
}
