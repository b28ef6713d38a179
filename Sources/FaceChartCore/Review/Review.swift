/// The review of one treatment: how each treated region answered, side effects, and the top-up session
/// added at the review, if any.
public struct Review: Hashable, Sendable, Identifiable {
    /// The reviewed session's id: one review per treatment.
    public var id: RecordID { session }
    public var patient: RecordID
    /// The treatment reviewed.
    public var session: RecordID
    /// When the review was first saved.
    public var createdAt: Timestamp
    /// When it last changed.
    public var updatedAt: Timestamp
    public var clinician: Clinician
    public var outcomes: [RegionOutcome]
    /// Scores of the indication's scales other than those kept in `outcomes` (per visit, or per region for
    /// scales such as the Modified Ashworth), sorted by scale, item and region.
    public var scores: [ScaleScore]
    /// At most one entry per kind of side effect, in `SideEffect` order.
    public var sideEffects: [ObservedSideEffect]
    public var sideEffectNotes: String
    /// The session holding points added at this review.
    public var topUp: RecordID?
    public var notes: String

    public init(
        patient: RecordID, session: RecordID, createdAt: Timestamp, updatedAt: Timestamp? = nil, clinician: Clinician,
        outcomes: [RegionOutcome] = [], scores: [ScaleScore] = [], sideEffects: [ObservedSideEffect] = [],
        sideEffectNotes: String = "", topUp: RecordID? = nil, notes: String = ""
    ) {
        self.patient = patient
        self.session = session
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.clinician = clinician
        self.outcomes = outcomes
        self.scores = ScaleScore.sorted(scores)
        self.sideEffects = sideEffects.sorted { $0.effect < $1.effect }
        self.sideEffectNotes = sideEffectNotes
        self.topUp = topUp
        self.notes = notes
    }

    /// The outcome recorded for a region, if any.
    public func outcome(for region: Region) -> RegionOutcome? { outcomes.first { $0.region == region } }

    /// Whether `effect` was recorded.
    public func hasSideEffect(_ effect: SideEffect) -> Bool { sideEffects.contains { $0.effect == effect } }

    /// Records `effect` when it is absent, removes it when present.
    public mutating func toggleSideEffect(_ effect: SideEffect) {
        if hasSideEffect(effect) {
            sideEffects.removeAll { $0.effect == effect }
        } else {
            sideEffects.append(ObservedSideEffect(effect: effect))
            sideEffects.sort { $0.effect < $1.effect }
        }
    }

    /// Whether the review has been done: at least one outcome or scale scored. A top-up alone is not a review.
    public var isDone: Bool { outcomes.contains { !$0.isEmpty } || !scores.isEmpty }

    /// Why the record is not sound, or `nil`.
    public var problem: ValidationError? {
        if let problem = clinician.problem { return problem }
        for outcome in outcomes {
            if let problem = outcome.problem { return problem }
        }
        var seen = Set<SideEffect>()
        for entry in sideEffects where !seen.insert(entry.effect).inserted {
            return .duplicateIdentifier(entry.effect.rawValue)
        }
        for (index, score) in scores.enumerated() where scores[..<index].contains(where: { $0.isSameField(as: score) }) {
            return .duplicateIdentifier("\(score.scale).\(score.item)")
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
        if value != nil { scores = ScaleScore.sorted(scores + [field]) }
    }
}
