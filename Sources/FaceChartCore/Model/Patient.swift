import Foundation

/// A person under treatment. The name lives only inside the record, never in a path.
public struct Patient: Hashable, Codable, Sendable, Identifiable {
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
    public var createdAt: Date

    public init(
        id: RecordID, name: String, dateOfBirth: CalendarDate?, sex: Sex, flags: Set<ClinicalFlag> = [],
        notes: String = "", createdAt: Date
    ) {
        self.id = id
        self.name = name
        self.dateOfBirth = dateOfBirth
        self.sex = sex
        self.flags = flags
        self.notes = notes
        self.createdAt = createdAt
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
}

extension Patient {
    private enum CodingKeys: String, CodingKey {
        case id, name, dateOfBirth, sex, flags, notes, createdAt
    }

    /// Flags are written sorted so that the same record always gives the same bytes.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(dateOfBirth, forKey: .dateOfBirth)
        try container.encode(sex, forKey: .sex)
        try container.encode(flags.sorted(), forKey: .flags)
        try container.encode(notes, forKey: .notes)
        try container.encode(createdAt, forKey: .createdAt)
    }
}
