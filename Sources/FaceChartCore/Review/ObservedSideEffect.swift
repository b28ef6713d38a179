/// A side effect seen or reported at the review, with what is known about it.
public struct ObservedSideEffect: Hashable, Codable, Sendable {
    /// How much the side effect troubles the patient.
    public enum Severity: String, Codable, CaseIterable, Sendable {
        case mild, moderate, severe
    }

    public var effect: SideEffect
    /// The patient's side it affects, when it is one-sided.
    public var side: Side?
    public var severity: Severity?
    /// Days after the treatment it began.
    public var onsetDay: Int?
    /// Free text, e.g. what "other" was.
    public var note: String

    public init(effect: SideEffect, side: Side? = nil, severity: Severity? = nil, onsetDay: Int? = nil, note: String = "") {
        self.effect = effect
        self.side = side
        self.severity = severity
        self.onsetDay = onsetDay
        self.note = note
    }
}
