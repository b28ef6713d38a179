import FaceChartCore

/// Everything of one patient that can be read, and an issue for every file that could not be used
/// or needs a look. Healthy records are all here whatever else is wrong.
public struct PatientRecords: Equatable, Sendable {
    public var patient: Patient
    /// Oldest first; each session once.
    public var sessions: [Session]
    /// Reviews of sessions in `sessions`.
    public var reviews: [Review]
    /// In the order found: session files, then review files.
    public var issues: [RecordIssue]

    public init(patient: Patient, sessions: [Session], reviews: [Review], issues: [RecordIssue]) {
        self.patient = patient
        self.sessions = sessions
        self.reviews = reviews
        self.issues = issues
    }

    /// Issues whose files were left out.
    public var leftOut: [RecordIssue] { issues.filter(\.isLeftOut) }

    /// Signed sessions whose content no longer matches their signature.
    public var brokenSignatures: Set<RecordID> {
        Set(issues.compactMap { issue in
            if case .signatureMismatch(let id) = issue.problem { return id }
            return nil
        })
    }
}
