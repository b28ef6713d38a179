import Foundation

extension Session {
    /// The session with an override of `rule` recorded (replacing an earlier one for the same rule).
    /// The reason is trimmed and must not be empty; signed sessions and non-overridable rules are refused.
    public func overriding(
        rule: String, reason: String, at time: Timestamp, by clinician: Clinician
    ) throws(SafetyOverrideError) -> Session {
        guard !isSigned else { throw .sessionSigned }
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .emptyReason }
        guard SafetyRule.isOverridable(rule) else { throw .notOverridable(rule: rule) }
        var result = self
        result.overrides.removeAll { $0.rule == rule }
        result.overrides.append(Override(rule: rule, reason: text, at: time, by: clinician))
        return result
    }

    /// The recorded override of `rule`, if any.
    public func override(of rule: String) -> Override? { overrides.last { $0.rule == rule } }
}
