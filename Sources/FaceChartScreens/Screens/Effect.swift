import FaceChartCore

/// A change the program must make on disk, durably, now. Screens never write anything themselves.
public enum Effect: Hashable, Sendable {
    case savePatient(Patient)
    case saveSession(Session)
    case saveReview(Review)
    /// A pattern of the user's own, kept in the data folder.
    case savePattern(TreatmentPattern)
    /// Corrections to add to the patient's change list, after the record they describe is saved.
    case recordChanges([Change], patient: RecordID)
    /// A vial opened at this chair, to offer to every session set up here today.
    case keepChairVial(Vial, openedAt: Timestamp, by: Clinician)
    /// A person's answer to a record changed on this chair and another.
    case resolveConflict(ConflictAnswer)
}
