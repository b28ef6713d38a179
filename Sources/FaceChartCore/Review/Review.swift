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
    /// Scores of the indication's scales other than those kept in `outcomes` (per visit, or per region for
    /// scales such as the Modified Ashworth), sorted by scale, item and region.
    public var scores: [ScaleScore]
    public var sideEffects: Set<SideEffect>
    public var sideEffectNotes: String
    /// The session holding points added at this review.
    public var topUp: RecordID?
    public var notes: String

    public init(
        patient: RecordID, session: RecordID, reviewedAt: Date, clinician: String, outcomes: [RegionOutcome] = [],
        scores: [ScaleScore] = [], sideEffects: Set<SideEffect> = [], sideEffectNotes: String = "", topUp: RecordID? = nil,
        notes: String = ""
    ) {
        self.patient = patient
        self.session = session
        self.reviewedAt = reviewedAt
        self.clinician = clinician
        self.outcomes = outcomes
        self.scores = scores
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

    /// The recorded value of one field of a scale: from `outcomes` for the Facial Wrinkle Scale and symmetry
    /// (where they have always been kept), else from `scores`.
    public func value(scale: String, item: String, region: Region?) -> Int? {
        scaleScores.first { $0.scale == scale && $0.item == item && $0.region == region }?.value
    }

    /// Records (or, with `nil`, clears) one field of a scale, in `outcomes` for the Facial Wrinkle Scale and
    /// symmetry, else in `scores`.
    public mutating func setValue(_ value: Int?, scale: String, item: String, region: Region?) {
        if let region, RegionOutcome.keepsScale(scale) {
            var outcome = self.outcome(for: region) ?? RegionOutcome(region: region)
            outcome.set(value, scale: scale, item: item)
            outcomes.removeAll { $0.region == region }
            if !outcome.isEmpty { outcomes.append(outcome) }
            let order = Region.allCases
            outcomes.sort { order.firstIndex(of: $0.region)! < order.firstIndex(of: $1.region)! }
            return
        }
        let field = ScaleScore(scale: scale, item: item, region: region, value: value ?? 0)
        scores.removeAll { $0.isSameField(as: field) }
        if value != nil { scores.append(field) }
        scores.sort { ($0.scale, $0.item, $0.region?.rawValue ?? "") < ($1.scale, $1.item, $1.region?.rawValue ?? "") }
    }
}

extension Review {
    private enum CodingKeys: String, CodingKey {
        case patient, session, reviewedAt, clinician, outcomes, scores, sideEffects, sideEffectNotes, topUp, notes
    }

    /// `scores` may be absent (reviews written before scales other than the wrinkle scale were asked).
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        patient = try container.decode(RecordID.self, forKey: .patient)
        session = try container.decode(RecordID.self, forKey: .session)
        reviewedAt = try container.decode(Date.self, forKey: .reviewedAt)
        clinician = try container.decode(String.self, forKey: .clinician)
        outcomes = try container.decode([RegionOutcome].self, forKey: .outcomes)
        scores = try container.decodeIfPresent([ScaleScore].self, forKey: .scores) ?? []
        sideEffects = try container.decode(Set<SideEffect>.self, forKey: .sideEffects)
        sideEffectNotes = try container.decode(String.self, forKey: .sideEffectNotes)
        topUp = try container.decodeIfPresent(RecordID.self, forKey: .topUp)
        notes = try container.decode(String.self, forKey: .notes)
    }

    /// Side effects are written sorted so that the same record always gives the same bytes.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(patient, forKey: .patient)
        try container.encode(session, forKey: .session)
        try container.encode(reviewedAt, forKey: .reviewedAt)
        try container.encode(clinician, forKey: .clinician)
        try container.encode(outcomes, forKey: .outcomes)
        if !scores.isEmpty { try container.encode(scores, forKey: .scores) }
        try container.encode(sideEffects.sorted(), forKey: .sideEffects)
        try container.encode(sideEffectNotes, forKey: .sideEffectNotes)
        try container.encodeIfPresent(topUp, forKey: .topUp)
        try container.encode(notes, forKey: .notes)
    }
}
