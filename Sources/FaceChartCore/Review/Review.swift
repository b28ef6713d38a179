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

/// How one treated region answered at the review.
public struct RegionOutcome: Hashable, Codable, Sendable {
    /// Symmetry between the patient's sides after treatment.
    public enum Symmetry: String, Codable, CaseIterable, Sendable {
        case even
        case rightHigher
        case leftHigher

        /// `even`, `R higher`, `L higher`.
        public var label: String {
            switch self {
            case .even: "even"
            case .rightHigher: "R higher"
            case .leftHigher: "L higher"
            }
        }
    }

    public var region: Region
    /// Facial Wrinkle Scale 0 none, 1 mild, 2 moderate, 3 severe, at rest.
    public var wrinklesAtRest: Int?
    /// Facial Wrinkle Scale at maximum contraction.
    public var wrinklesAtMaximum: Int?
    public var symmetry: Symmetry?
    /// Patient satisfaction, 1 (very unhappy) to 5 (very happy).
    public var satisfaction: Int?
    public var note: String

    public init(
        region: Region, wrinklesAtRest: Int? = nil, wrinklesAtMaximum: Int? = nil, symmetry: Symmetry? = nil,
        satisfaction: Int? = nil, note: String = ""
    ) {
        self.region = region
        self.wrinklesAtRest = wrinklesAtRest
        self.wrinklesAtMaximum = wrinklesAtMaximum
        self.symmetry = symmetry
        self.satisfaction = satisfaction
        self.note = note
    }

    /// The Facial Wrinkle Scale's range.
    public static let wrinkleScale = 0...3
    /// The satisfaction scale's range.
    public static let satisfactionScale = 1...5

    public var problem: ValidationError? {
        for score in [wrinklesAtRest, wrinklesAtMaximum].compactMap({ $0 }) where !Self.wrinkleScale.contains(score) {
            return .scoreOutOfRange(score, scale: "Facial Wrinkle Scale 0-3")
        }
        if let satisfaction, !Self.satisfactionScale.contains(satisfaction) {
            return .scoreOutOfRange(satisfaction, scale: "satisfaction 1-5")
        }
        return nil
    }

    /// Whether anything has been recorded.
    public var isEmpty: Bool {
        wrinklesAtRest == nil && wrinklesAtMaximum == nil && symmetry == nil && satisfaction == nil && note.isEmpty
    }
}

/// A side effect asked about at the review.
public enum SideEffect: String, Codable, CaseIterable, Sendable, Comparable {
    case browPtosis
    case lidPtosis
    case asymmetry
    case headache
    case bruising
    case diplopia
    case dysphagia
    case smileChange

    public var name: String {
        switch self {
        case .browPtosis: "Brow ptosis"
        case .lidPtosis: "Lid ptosis"
        case .asymmetry: "Asymmetry"
        case .headache: "Headache"
        case .bruising: "Bruising"
        case .diplopia: "Diplopia"
        case .dysphagia: "Dysphagia"
        case .smileChange: "Smile change"
        }
    }

    public static func < (lhs: SideEffect, rhs: SideEffect) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
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
