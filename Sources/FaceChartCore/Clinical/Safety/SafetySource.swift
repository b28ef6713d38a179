/// Where a safety figure or rule was read, with its evidence grades (clinical.md conventions, `Grade`).
public struct SafetySource: Hashable, Sendable, CustomStringConvertible {
    /// The grades the source carries, e.g. `[.paper, .web]` for "P/W".
    public var grades: [Grade]
    /// What was read and where, e.g. "Botox label, 400 U in any 3-month interval".
    public var text: String

    /// A source with explicit grades; no grade at all means `?`.
    public init(_ grades: Grade..., text: String) {
        self.grades = grades.isEmpty ? [.unconfirmed] : grades
        self.text = text
    }

    /// A clinical `Source` (one grade and its reference).
    public init(_ source: Source) {
        self.init(source.grade, text: source.reference)
    }

    /// `L`, `P/W`, `?`.
    public var gradeText: String { grades.map(\.letter).joined(separator: "/") }

    /// Whether the figure must be shown as a typical range left to the clinician (any W or ? grade).
    public var needsJudgement: Bool { grades.contains(where: \.needsJudgement) }

    /// `Grade.note` of the first W or ? grade ("typical range, clinician's judgement"), `nil` for L and P.
    public var note: String? { grades.first(where: \.needsJudgement)?.note }

    /// `"L: Botox label, 400 U in any 3-month interval"`.
    public var description: String { "\(gradeText): \(text)" }
}

extension SafetySource {
    /// Contraindications: infection at the site, hypersensitivity to any toxin product (clinical.md, L).
    public static let contraindication = SafetySource(
        .label, text: "Botox label, contraindications: infection at the injection site; hypersensitivity to any botulinum toxin product")
    /// Label warnings and precautions for the patient's history (clinical.md, L).
    public static let labelWarning = SafetySource(
        .label, text: "Botox label, warnings and precautions (neuromuscular disorders, dysphagia, pregnancy and lactation, aminoglycosides, other toxins)")
    /// Bruising risk: note, do not block (clinical.md, L/W).
    public static let bruising = SafetySource(
        .label, .web, text: "anticoagulants / antiplatelets / bleeding disorders: bruising risk, note, do not block")
    /// Lot expiry (ValidationError.lotExpired uses the same rule).
    public static let lotExpiry = SafetySource(.label, text: "product label, do not use after the expiry date on the vial")
}

extension SafetySource: Codable {
    private enum CodingKeys: String, CodingKey {
        case grades, reference
    }

    /// `{"grades": ["L", "?"], "reference": "..."}`: at least one grade.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let grades = try container.decode([Grade].self, forKey: .grades)
        guard !grades.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .grades, in: container, debugDescription: "at least one grade")
        }
        self.grades = grades
        text = try container.decode(String.self, forKey: .reference)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(grades, forKey: .grades)
        try container.encode(text, forKey: .reference)
    }

    /// The same figure read through two sources: both texts, every grade once.
    public func combined(with other: SafetySource) -> SafetySource {
        var grades = self.grades
        for grade in other.grades where !grades.contains(grade) { grades.append(grade) }
        var source = SafetySource(text: "\(text); \(other.text)")
        source.grades = grades
        return source
    }
}
