/// One injection site of a treatment pattern, placed on a view in 0...1 coordinates.
public struct PatternSite: Hashable, Codable, Sendable {
    public var view: ViewKind
    public var x: Double
    public var y: Double
    /// The muscle or gland the site is meant for; the face view's mask must agree.
    public var region: Region
    /// From the patient's point of view; must agree with the side of `x` on the view.
    public var side: Side
    public var units: Units
    public var depth: Depth
    /// Technique note for this site, if any.
    public var note: String?

    public init(
        view: ViewKind, x: Double, y: Double, region: Region, side: Side, units: Units, depth: Depth, note: String? = nil
    ) {
        self.view = view
        self.x = x
        self.y = y
        self.region = region
        self.side = side
        self.units = units
        self.depth = depth
        self.note = note
    }

    /// The site as a position on its view.
    public var position: FacePoint { FacePoint(x: x, y: y) }

    /// The same site reflected across the midline, on the other side.
    public var mirrored: PatternSite {
        var site = self
        site.x = 1 - x
        site.side = side.mirrored
        return site
    }
}
