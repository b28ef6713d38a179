import Foundation

/// A person under treatment. The name lives only inside the record, never in a path.
public struct Patient: Hashable, Sendable, Identifiable {
    public enum Sex: String, Codable, CaseIterable, Sendable {
        case female, male, other, unspecified

        public var letter: String {
            switch self {
            case .female: "F"
            case .male: "M"
            case .other: "X"
            case .unspecified: "-"
            }
        }
    }

    public var id: RecordID
    public var name: String
    public var dateOfBirth: CalendarDate?
    public var sex: Sex
    public var flags: Set<ClinicalFlag>
    public var notes: String
    public var createdAt: Timestamp
    /// When the record last changed (the change list says what changed).
    public var updatedAt: Timestamp

    public init(
        id: RecordID, name: String, dateOfBirth: CalendarDate?, sex: Sex, flags: Set<ClinicalFlag> = [],
        notes: String = "", createdAt: Timestamp, updatedAt: Timestamp? = nil
    ) {
        self.id = id
        self.name = name
        self.dateOfBirth = dateOfBirth
        self.sex = sex
        self.flags = flags
        self.notes = notes
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// Why the record cannot be saved, or `nil`.
    public var problem: ValidationError? {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return .emptyName }
        if trimmed.count > 120 { return .nameTooLong }
        return nil
    }

    /// The flags of the highest severity first.
    public var sortedFlags: [ClinicalFlag] {
        flags.sorted { ($0.severity, $1) > ($1.severity, $0) }
    }

    /// Whether `other` is plausibly the same person: the same name (ignoring case, accents and spacing)
    /// and the same date of birth.
    public func isPossibleDuplicate(of other: Patient) -> Bool {
        guard id != other.id, dateOfBirth == other.dateOfBirth else { return false }
        return Self.comparableName(name) == Self.comparableName(other.name)
    }

    /// The name folded for comparison: case, diacritics, Unicode form and runs of spaces ignored.
    public static func comparableName(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
