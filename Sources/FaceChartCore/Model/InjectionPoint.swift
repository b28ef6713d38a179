/// One injection: where, how much, how deep.
public struct InjectionPoint: Hashable, Sendable, Identifiable {
    public var id: RecordID
    public var view: ViewKind
    public var position: FacePoint
    public var region: Region
    /// From the patient's point of view.
    public var side: Side
    public var units: Units
    public var depth: Depth
    /// The session's vial the dose was drawn from (`Vial.id`); its ingredient is the dose's scale.
    public var vial: RecordID
    /// How the point was guided, when recorded.
    public var guidance: Guidance?
    public var note: String

    /// The largest dose one point may hold; anything above is a typing error, not a dose.
    public static let maximumUnits = Units(100)

    public init(
        id: RecordID, view: ViewKind, position: FacePoint, region: Region, side: Side, units: Units,
        depth: Depth, vial: RecordID = Session.firstVialID, guidance: Guidance? = nil, note: String = ""
    ) {
        self.id = id
        self.view = view
        self.position = position
        self.region = region
        self.side = side
        self.units = units
        self.depth = depth
        self.vial = vial
        self.guidance = guidance
        self.note = note
    }

    /// Why the point is not a possible injection, or `nil` when it is.
    public var problem: ValidationError? {
        if units <= .zero { return .unitsNotPositive(units) }
        if units > Self.maximumUnits { return .unitsTooLarge(units, maximum: Self.maximumUnits) }
        if !position.isOnDrawing { return .positionOffDrawing }
        return nil
    }
}
