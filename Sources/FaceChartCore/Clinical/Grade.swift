/// How well a clinical figure is supported: L label, P peer-reviewed paper or consensus, W weaker web
/// source, ? not confirmed.
public enum Grade: String, Codable, CaseIterable, Sendable, Comparable {
    /// Prescribing information (FDA label, or a site quoting it).
    case label = "L"
    /// A peer-reviewed paper or consensus.
    case paper = "P"
    /// A weaker web source.
    case web = "W"
    /// Not confirmed.
    case unconfirmed = "?"

    /// `L`, `P`, `W` or `?`.
    public var letter: String { rawValue }

    /// Whether the figure must be shown as a typical range left to the clinician (W and ?).
    public var needsJudgement: Bool { self == .web || self == .unconfirmed }

    /// What the user is told about a figure of this grade.
    public var note: String {
        switch self {
        case .label: "per the label"
        case .paper: "published evidence"
        case .web, .unconfirmed: "typical range, clinician's judgement"
        }
    }

    /// Stronger grades sort first: L < P < W < ?.
    public static func < (lhs: Grade, rhs: Grade) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
