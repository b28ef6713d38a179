/// Format 2 of a review record (docs/format.md).
extension Review: Codable {
    private enum CodingKeys: String, CodingKey {
        case patient, session, createdAt, updatedAt, clinician, outcomes, scores, sideEffects, sideEffectNotes, topUp, notes
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(patient, forKey: .patient)
        try container.encode(session, forKey: .session)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
        try container.encode(clinician, forKey: .clinician)
        try container.encode(outcomes, forKey: .outcomes)
        if !scores.isEmpty { try container.encode(ScaleScore.sorted(scores), forKey: .scores) }
        try container.encode(sideEffects.sorted { $0.effect < $1.effect }, forKey: .sideEffects)
        try container.encode(sideEffectNotes, forKey: .sideEffectNotes)
        try container.encodeIfPresent(topUp, forKey: .topUp)
        try container.encode(notes, forKey: .notes)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            patient: try container.decode(RecordID.self, forKey: .patient),
            session: try container.decode(RecordID.self, forKey: .session),
            createdAt: try container.decode(Timestamp.self, forKey: .createdAt),
            updatedAt: try container.decode(Timestamp.self, forKey: .updatedAt),
            clinician: try container.decode(Clinician.self, forKey: .clinician),
            outcomes: try container.decode([RegionOutcome].self, forKey: .outcomes),
            scores: try container.decodeIfPresent([ScaleScore].self, forKey: .scores) ?? [],
            sideEffects: try container.decode([ObservedSideEffect].self, forKey: .sideEffects),
            sideEffectNotes: try container.decode(String.self, forKey: .sideEffectNotes),
            topUp: try container.decodeIfPresent(RecordID.self, forKey: .topUp),
            notes: try container.decode(String.self, forKey: .notes))
    }
}
