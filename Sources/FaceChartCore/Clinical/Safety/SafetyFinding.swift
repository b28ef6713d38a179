/// One thing the safety checks found about a session, for the chart to show as the injector works.
public struct SafetyFinding: Hashable, Sendable {
    /// How strongly the finding bears on the session.
    public enum Severity: Int, Hashable, Sendable, Comparable, CaseIterable {
        /// Note it, never stop (bruising risk and the like).
        case caution
        /// Show prominently; the clinician decides.
        case warning
        /// Do not inject unless a reason is recorded in an override (where the rule allows one).
        case block

        /// `block`, `warning` or `caution`.
        public var name: String {
            switch self {
            case .caution: "caution"
            case .warning: "warning"
            case .block: "block"
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The stable rule key (see `SafetyRule`), e.g. `interval.retreatment`.
    public var rule: String
    public var severity: Severity
    /// One line for the user, quoting the figures.
    public var message: String
    /// Where the rule comes from, with its grade.
    public var source: SafetySource
    /// The point the finding is about, for point-specific rules.
    public var point: RecordID?
    /// The session's override of this rule, when the clinician recorded one.
    public var override: Session.Override?

    public init(
        rule: String, severity: Severity, message: String, source: SafetySource, point: RecordID? = nil,
        override: Session.Override? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.source = source
        self.point = point
        self.override = override
    }

    /// Whether a recorded override goes past this finding.
    public var isOverridden: Bool { override != nil }

    /// The reason recorded with the override, if any.
    public var overriddenReason: String? { override?.reason }

    /// Whether the finding stops the session: a block that is not overridden.
    public var isBlocking: Bool { severity == .block && override == nil }

    /// "typical range, clinician's judgement" for W or ? sources, `nil` otherwise.
    public var note: String? { source.note }
}

extension SafetyFinding.Severity: Codable {
    /// Written by name: `"block"`, `"warning"` or `"caution"`.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let severity = Self.allCases.first(where: { $0.name == name }) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not block, warning or caution")
        }
        self = severity
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}
