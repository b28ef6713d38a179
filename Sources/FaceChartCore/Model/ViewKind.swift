/// Which drawing of the patient a point sits on.
public enum ViewKind: String, Codable, CaseIterable, Sendable {
    /// The face and neck from the front.
    case anterior
    /// The back of the head, neck and upper shoulders.
    case posterior

    /// `Anterior` or `Posterior`.
    public var title: String { self == .anterior ? "Anterior" : "Posterior" }

    /// The other view.
    public var other: ViewKind { self == .anterior ? .posterior : .anterior }
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
