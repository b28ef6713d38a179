/// Format 2 of a patient record (docs/format.md). Flags are written in their fixed order so that the
/// same record always gives the same bytes.
extension Patient: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, name, dateOfBirth, sex, flags, notes, createdAt, updatedAt
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(dateOfBirth, forKey: .dateOfBirth)
        try container.encode(sex, forKey: .sex)
        try container.encode(flags.sorted(), forKey: .flags)
        try container.encode(notes, forKey: .notes)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(RecordID.self, forKey: .id), name: try container.decode(String.self, forKey: .name),
            dateOfBirth: try container.decodeIfPresent(CalendarDate.self, forKey: .dateOfBirth),
            sex: try container.decode(Sex.self, forKey: .sex),
            flags: Set(try container.decode([ClinicalFlag].self, forKey: .flags)),
            notes: try container.decode(String.self, forKey: .notes),
            createdAt: try container.decode(Timestamp.self, forKey: .createdAt),
            updatedAt: try container.decode(Timestamp.self, forKey: .updatedAt))
    }
}
