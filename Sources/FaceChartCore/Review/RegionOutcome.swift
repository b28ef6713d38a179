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

    /// Whether a scale's scores are kept in the outcome's own fields: the Facial Wrinkle Scale and symmetry.
    public static func keepsScale(_ scale: String) -> Bool { scale == "fws" || scale == "symmetry" }

    /// Sets (or clears) the field holding a Facial Wrinkle Scale or symmetry item; symmetry values are
    /// positions in `Symmetry.allCases` (0 even, 1 R higher, 2 L higher).
    mutating func set(_ value: Int?, scale: String, item: String) {
        switch (scale, item) {
        case ("fws", "rest"): wrinklesAtRest = value
        case ("fws", "maximum"): wrinklesAtMaximum = value
        case ("symmetry", _): symmetry = value.flatMap { Symmetry.allCases.indices.contains($0) ? Symmetry.allCases[$0] : nil }
        default: break
        }
    }

    /// Whether anything has been recorded.
    public var isEmpty: Bool {
        wrinklesAtRest == nil && wrinklesAtMaximum == nil && symmetry == nil && satisfaction == nil && note.isEmpty
    }
}
