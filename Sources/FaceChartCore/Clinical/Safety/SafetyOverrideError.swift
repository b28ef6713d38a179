/// Why an override of a safety rule could not be recorded.
public enum SafetyOverrideError: Error, Hashable, Sendable {
    /// The reason was empty or only whitespace.
    case emptyReason
    /// The rule cannot be overridden (an expired lot).
    case notOverridable(rule: String)
    /// The session is signed and so read-only.
    case sessionSigned

    /// One sentence for the user.
    public var message: String {
        switch self {
        case .emptyReason: "An override needs a reason."
        case .notOverridable(let rule): "The rule \(rule) cannot be overridden."
        case .sessionSigned: "This session is signed: overrides can only be recorded before signing."
        }
    }
}
