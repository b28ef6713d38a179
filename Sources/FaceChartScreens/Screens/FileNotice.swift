import FaceChartCore

/// A file of a patient's that could not be used, or that needs a look, as the store reported it.
public struct FileNotice: Hashable, Sendable {
    /// The file, relative to the data folder.
    public var file: String
    /// The full sentence for the user, naming the file.
    public var message: String
    /// A few words for a banner: what is wrong.
    public var summary: String
    /// Whether the file's content is missing from what is shown.
    public var isLeftOut: Bool
    /// Whether `M` may move it into a `damaged/` folder beside it.
    public var canMoveAside: Bool

    public init(file: String, message: String, summary: String, isLeftOut: Bool, canMoveAside: Bool) {
        self.file = file
        self.message = message
        self.summary = summary
        self.isLeftOut = isLeftOut
        self.canMoveAside = canMoveAside
    }

    /// The file as shown on a patient's own screen: without `patients/<id>/`.
    public var shortName: String {
        let parts = file.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count > 2, parts[0] == "patients" else { return file }
        return parts.dropFirst(2).joined(separator: "/")
    }
}

/// A patient as opened: the records that read correctly, what could not be used, and whether
/// charting is possible.
public struct OpenedPatient: Equatable, Sendable {
    public var patient: Patient
    public var sessions: [Session]
    public var reviews: [Review]
    public var notices: [FileNotice]
    /// Why the patient can only be viewed (a read-only data folder, open in another window), or nil.
    public var readOnly: String?

    public init(
        patient: Patient, sessions: [Session], reviews: [Review] = [], notices: [FileNotice] = [], readOnly: String? = nil
    ) {
        self.patient = patient
        self.sessions = sessions
        self.reviews = reviews
        self.notices = notices
        self.readOnly = readOnly
    }
}
