/// How deep a point is injected.
public enum Depth: String, Codable, CaseIterable, Sendable {
    case intradermal
    case subcutaneous
    case intramuscular
    /// Deep, down to the periosteum (masseter, supraperiosteal glabella).
    case deep
    /// Into a gland (parotid, submandibular), as the sialorrhea label says.
    case intraglandular

    /// Two-letter abbreviation used in tables and the pen (`ID`, `SC`, `IM`, `DP`).
    public var abbreviation: String {
        switch self {
        case .intradermal: "ID"
        case .subcutaneous: "SC"
        case .intramuscular: "IM"
        case .deep: "DP"
        case .intraglandular: "IG"
        }
    }

    /// Full name for legends.
    public var name: String {
        switch self {
        case .intradermal: "intradermal"
        case .subcutaneous: "subcutaneous"
        case .intramuscular: "intramuscular"
        case .deep: "deep / supraperiosteal"
        case .intraglandular: "intraglandular"
        }
    }

    /// The next depth in the cycle ID -> SC -> IM -> DP -> IG -> ID.
    public var next: Depth {
        let all = Depth.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}
