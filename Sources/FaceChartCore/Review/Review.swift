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
    /// At most one entry per kind of side effect, in `SideEffect` order.
    public var sideEffects: [ObservedSideEffect]
    public var sideEffectNotes: String
    /// The session holding points added at this review.
    public var topUp: RecordID?
    public var notes: String

    public init(
        patient: RecordID, session: RecordID, createdAt: Timestamp, updatedAt: Timestamp? = nil, clinician: Clinician,
        outcomes: [RegionOutcome] = [], sideEffects: [ObservedSideEffect] = [], sideEffectNotes: String = "",
        topUp: RecordID? = nil, notes: String = ""
    ) {
        self.patient = patient
        self.session = session
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.clinician = clinician
        self.outcomes = outcomes
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

    /// Whether the review has been done: at least one outcome scored. A top-up alone is not a review.
    public var isDone: Bool { outcomes.contains { !$0.isEmpty } }

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
        return nil
    }
}
