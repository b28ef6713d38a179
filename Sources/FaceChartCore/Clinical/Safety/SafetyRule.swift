/// The stable string keys of the safety rules; a `Session.Override` names the rule it goes past by one.
/// Dose limits read from `clinical/limits.json` carry their own key (`DoseLimit.rule`); the common ones
/// are named here too.
public enum SafetyRule {
    /// Retreatment of the same indication sooner than its interval after the last full session.
    public static let retreatment = "interval.retreatment"
    /// Another active ingredient within the other-toxin interval.
    public static let otherToxin = "interval.otherToxin"
    /// A full treatment of another indication with the same ingredient within that indication's interval.
    public static let otherIndication = "interval.otherIndication"
    /// Units of an ingredient above its cumulative limit in any window (onabotulinumtoxinA: 400 U / 90 days).
    public static let cumulative = "cumulative.90day"
    /// Blepharospasm units above the limit in any blepharospasm window.
    public static let blepharospasm = "blepharospasm.30day"
    /// Sternocleidomastoid units above the per-session limit.
    public static let sternocleidomastoid = "scm.total"
    /// Both sternocleidomastoids in one session.
    public static let bilateralSternocleidomastoid = "scm.bilateral"
    /// One point above the label's per-site limit.
    public static let siteMaximum = "site.maximum"
    /// A session above the label's per-session limit.
    public static let sessionMaximum = "session.maximum"
    /// A region's session dose above a multiple of its label or pattern dose.
    public static let regionDose = "plausibility.regionDose"
    /// Right and left of one region far apart when the indication is not asymmetric.
    public static let asymmetry = "plausibility.asymmetry"
    /// More units charted from a vial than it holds.
    public static let vialTotal = "plausibility.vialTotal"
    /// The patient's age outside the label's ages for the ingredient and indication.
    public static let age = "age.label"
    /// A toxin-naive patient given more than the label's starting dose.
    public static let naiveStart = "dystonia.naive"
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
    /// The reason recorded when a session is signed with warnings open.
    public static let signedWithWarnings = "signing.openWarnings"

    /// The choice to apply a pattern written in another ingredient's units, converted: recorded per pattern.
    public static func crossProduct(pattern: String) -> String { "pattern.crossProduct.\(pattern)" }

    /// Whether a recorded override is a choice the clinician made (a conversion, signing past warnings)
    /// rather than going past one finding.
    public static func isRecordedChoice(_ rule: String) -> Bool {
        rule.hasPrefix("pattern.crossProduct.") || rule == signedWithWarnings
    }

    /// The rule for a patient flag at a severity: `contraindication.<flag>`, `warning.<flag>` or `caution.<flag>`.
    public static func flag(_ flag: ClinicalFlag, severity: SafetyFinding.Severity) -> String {
        switch severity {
        case .block: "contraindication.\(flag.rawValue)"
        case .warning: "warning.\(flag.rawValue)"
        case .caution: "caution.\(flag.rawValue)"
        }
    }

    /// Whether a recorded override can lift the rule. An expired lot cannot: use another vial.
    public static func isOverridable(_ rule: String) -> Bool { rule != lotExpired }
}
