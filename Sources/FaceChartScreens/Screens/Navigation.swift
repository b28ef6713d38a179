import FaceChartCore

/// Where a screen asks to go next; the app turns it into a screen, loading what it needs.
public enum Navigation: Hashable, Sendable {
    case openPatient(RecordID)
    case newPatient
    case patientCreated(Patient)
    /// Correct the patient's record.
    case editPatient(Patient)
    /// The corrected patient, saved.
    case patientEdited(Patient)
    /// Correct a draft's header: clinician, indication, vial.
    case editSessionHeader(Patient, Session)
    /// The draft with its corrected header, saved.
    case sessionHeaderEdited(Session)
    case newSession(Patient)
    case openSession(Patient, Session)
    case sessionCreated(Patient, Session)
    /// Set up a new session that starts from this one's map.
    case copyForward(Patient, Session)
    case openReview(Patient, Session)
    case history(Patient)
    /// Compare this session with the full treatment before it.
    case compare(Patient, Session)
    /// Move these files of the patient, which cannot be used, unchanged into a `damaged/` folder beside each.
    case moveAside(patient: RecordID, files: [String])
    case back
    case quit
}
