import Foundation

/// The two-week review of one treatment: how each treated region answered, side effects, and the
/// top-up session added at the review, if any.
public struct Review: Hashable, Codable, Sendable, Identifiable {
    /// The reviewed session's id: one review per treatment.
    public var id: RecordID { session }
    public var patient: RecordID
    /// The treatment reviewed.
    public var session: RecordID
    public var reviewedAt: Date
    public var clinician: String
    public var outcomes: [RegionOutcome]
    public var sideEffects: Set<SideEffect>
    public var sideEffectNotes: String
    /// The session holding points added at this review.
    public var topUp: RecordID?
    public var notes: String

    public init(
        patient: RecordID, session: RecordID, reviewedAt: Date, clinician: String, outcomes: [RegionOutcome] = [],
        sideEffects: Set<SideEffect> = [], sideEffectNotes: String = "", topUp: RecordID? = nil, notes: String = ""
    ) {
        self.patient = patient
        self.session = session
        self.reviewedAt = reviewedAt
        self.clinician = clinician
        self.outcomes = outcomes
        self.sideEffects = sideEffects
        self.sideEffectNotes = sideEffectNotes
        self.topUp = topUp
        self.notes = notes
    }

    /// The outcome recorded for a region, if any.
    public func outcome(for region: Region) -> RegionOutcome? { outcomes.first { $0.region == region } }

    /// Why the record is not sound, or `nil`.
    public var problem: ValidationError? {
        for outcome in outcomes {
            if let problem = outcome.problem { return problem }
        }
        return nil
    }
}

extension Review {
    private enum CodingKeys: String, CodingKey {
        case patient, session, reviewedAt, clinician, outcomes, sideEffects, sideEffectNotes, topUp, notes
    }

    /// Side effects are written sorted so that the same record always gives the same bytes.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(patient, forKey: .patient)
        try container.encode(session, forKey: .session)
        try container.encode(reviewedAt, forKey: .reviewedAt)
        try container.encode(clinician, forKey: .clinician)
        try container.encode(outcomes, forKey: .outcomes)
        try container.encode(sideEffects.sorted(), forKey: .sideEffects)
        try container.encode(sideEffectNotes, forKey: .sideEffectNotes)
        try container.encodeIfPresent(topUp, forKey: .topUp)
        try container.encode(notes, forKey: .notes)
    }
}
