/// Which drawing of the patient a point sits on.
public enum ViewKind: String, Codable, CaseIterable, Sendable {
    /// The face and neck from the front.
    case anterior
    /// The back of the head, neck and upper shoulders.
    case posterior
    /// Both axillae with the arms raised, seen from the front (patient's right on the screen's left).
    case axilla

    /// `Anterior`, `Posterior` or `Axilla`.
    public var title: String {
        switch self {
        case .anterior: "Anterior"
        case .posterior: "Posterior"
        case .axilla: "Axilla"
        }
    }

    /// A short tag for point lists: `ant`, `post`, `ax`.
    public var abbreviation: String {
        switch self {
        case .anterior: "ant"
        case .posterior: "post"
        case .axilla: "ax"
        }
    }

    /// Whether the screen's left is the patient's right (drawn face to face) rather than the patient's left
    /// (drawn from behind).
    public var isSeenFromTheFront: Bool { self != .posterior }

    /// The view after this one among `available` in the order of `allCases`, wrapping round; `self` when no
    /// other view is available.
    public func next(among available: some Collection<ViewKind>) -> ViewKind {
        let all = ViewKind.allCases
        let start = all.firstIndex(of: self)!
        for offset in 1..<all.count {
            let candidate = all[(start + offset) % all.count]
            if available.contains(candidate) { return candidate }
        }
        return self
    }
}

/// A position on a view in resolution-independent coordinates: `x` and `y` run from 0 to 1 across the
/// drawing, `x` from the screen's left (the patient's right on the anterior view) and `y` from the top.
public struct FacePoint: Hashable, Codable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// Whether both coordinates lie within 0...1.
    public var isOnDrawing: Bool { (0...1).contains(x) && (0...1).contains(y) }

    /// The same point reflected across the vertical midline.
    public var mirrored: FacePoint { FacePoint(x: 1 - x, y: y) }
}
