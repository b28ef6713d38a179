/// One correction to a record, kept for ever: who changed which field of which record, when, what it
/// held before and what it holds now. The change list of a patient is never edited, only added to.
public struct Change: Hashable, Codable, Sendable, Identifiable {
    /// The record a change is about.
    public struct Subject: Hashable, Codable, Sendable {
        /// `patient`, `session` or `review`.
        public var kind: String
        public var id: RecordID

        public init(kind: String, id: RecordID) {
            self.kind = kind
            self.id = id
        }

        public static func patient(_ id: RecordID) -> Subject { Subject(kind: "patient", id: id) }
        public static func session(_ id: RecordID) -> Subject { Subject(kind: "session", id: id) }
        public static func review(_ id: RecordID) -> Subject { Subject(kind: "review", id: id) }
    }

    public var id: RecordID
    public var at: Timestamp
    public var by: Clinician
    public var record: Subject
    /// The field as the file names it, e.g. `dateOfBirth`, `vials[v1].lot`, `status`.
    public var field: String
    /// The value before, as text (`nil` when there was none).
    public var from: String?
    /// The value after, as text (`nil` when it was removed).
    public var to: String?
    /// Why, when the change asks for a reason (voiding, an override).
    public var reason: String?

    public init(
        id: RecordID, at: Timestamp, by: Clinician, record: Subject, field: String, from: String?, to: String?,
        reason: String? = nil
    ) {
        self.id = id
        self.at = at
        self.by = by
        self.record = record
        self.field = field
        self.from = from
        self.to = to
        self.reason = reason
    }

    /// Why the record is not sound, or `nil`.
    public var problem: ValidationError? {
        if let problem = by.problem { return problem }
        if field.isEmpty { return .emptyField("The changed field") }
        return nil
    }
}
