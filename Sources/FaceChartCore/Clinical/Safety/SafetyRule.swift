/// The stable string keys of the safety rules; a `Session.Override` names the rule it goes past by one.
public enum SafetyRule {
    /// Retreatment sooner than the retreatment interval after the last full session.
    public static let retreatment = "interval.retreatment"
    /// Units of one product above the cumulative limit in any cumulative window.
    public static let cumulative = "cumulative.90day"
    /// Blepharospasm units above the limit in any blepharospasm window.
    public static let blepharospasm = "blepharospasm.30day"
    /// Sternocleidomastoid units above the per-session limit.
    public static let sternocleidomastoid = "scm.total"
    /// One point above the per-site limit.
    public static let siteMaximum = "site.maximum"
    /// A point in a danger zone of the drawing.
    public static let placementDanger = "placement.danger"
    /// A point on a cell with no muscle under it.
    public static let placementNoInjection = "placement.noInjection"
    /// A point on a view for which no drawing was given, so its placement was not checked.
    public static let placementUnchecked = "placement.unchecked"
    /// A lot past its expiry on the session's day.
    public static let lotExpired = "lot.expired"
    /// A reconstituted vial older than its lifetime.
    public static let vialLifetime = "vial.lifetime"

    /// The rule for a patient flag: `contraindication.<flag>`, `warning.<flag>` or `caution.<flag>`.
    public static func flag(_ flag: ClinicalFlag) -> String {
        switch flag.severity {
        case .contraindication: "contraindication.\(flag.rawValue)"
        case .warning: "warning.\(flag.rawValue)"
        case .caution: "caution.\(flag.rawValue)"
        }
    }

    /// Whether a recorded override can lift the rule. An expired lot cannot: use another vial.
    public static func isOverridable(_ rule: String) -> Bool { rule != lotExpired }
}
