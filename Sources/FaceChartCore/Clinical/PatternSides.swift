/// Which sides of a pattern to apply, from the patient's point of view.
public enum PatternSides: String, Codable, CaseIterable, Sendable {
    /// Every site, midline included.
    case both
    /// Only the sites on the patient's right (no midline sites).
    case right
    /// Only the sites on the patient's left (no midline sites).
    case left

    /// Whether a site on `side` is applied.
    public func includes(_ side: Side) -> Bool {
        switch self {
        case .both: true
        case .right: side == .right
        case .left: side == .left
        }
    }
}
