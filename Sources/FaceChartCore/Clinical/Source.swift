/// Where a clinical figure was read, with its grade.
public struct Source: Hashable, Codable, Sendable, CustomStringConvertible {
    public var grade: Grade
    /// The document or site, such as `drugs.com/dosage/botox-cosmetic.html`.
    public var reference: String

    public init(grade: Grade, reference: String) {
        self.grade = grade
        self.reference = reference
    }

    /// `L: drugs.com/...` or `W: ... (typical range, clinician's judgement)`.
    public var description: String {
        grade.needsJudgement ? "\(grade.letter): \(reference) (\(grade.note))" : "\(grade.letter): \(reference)"
    }
}
