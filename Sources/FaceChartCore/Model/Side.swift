/// A side of the body from the PATIENT's point of view. On screen the patient's right is on the left.
public enum Side: String, Codable, CaseIterable, Sendable {
    case right
    case left
    case midline

    /// `R`, `L` or `M`.
    public var letter: String {
        switch self {
        case .right: "R"
        case .left: "L"
        case .midline: "M"
        }
    }

    /// The side a mirrored point lands on.
    public var mirrored: Side {
        switch self {
        case .right: .left
        case .left: .right
        case .midline: .midline
        }
    }
}
