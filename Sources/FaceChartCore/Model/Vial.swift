/// One vial a session drew doses from: which product, which batch, how it was mixed and when.
public struct Vial: Hashable, Sendable, Identifiable {
    /// Unique within the session (`v1`, `v2`, ...); each point names the vial it was drawn from.
    public var id: RecordID
    /// The catalogue key, such as `botox-cosmetic` or `dysport`.
    public var product: String
    /// The active ingredient, such as `onabotulinumtoxinA`: the scale the product's units are on.
    /// Units of different ingredients are never added together or compared.
    public var ingredient: String
    public var lot: String
    public var expiry: CalendarDate?
    /// Units in the vial as supplied.
    public var vialUnits: Units
    /// Saline added to reconstitute, in hundredths of a mL (2.5 mL is 250).
    public var diluentHundredthsML: Int
    /// When the vial was reconstituted, if recorded.
    public var reconstitutedAt: Timestamp?

    public init(
        id: RecordID = RecordID("v1")!, product: String, ingredient: String, lot: String, expiry: CalendarDate?,
        vialUnits: Units, diluentHundredthsML: Int, reconstitutedAt: Timestamp? = nil
    ) {
        self.id = id
        self.product = product
        self.ingredient = ingredient
        self.lot = lot
        self.expiry = expiry
        self.vialUnits = vialUnits
        self.diluentHundredthsML = diluentHundredthsML
        self.reconstitutedAt = reconstitutedAt
    }

    /// The diluent in mL.
    public var diluentML: Double { Double(diluentHundredthsML) / 100 }

    /// Why the vial record is not usable, or `nil`.
    public var problem: ValidationError? {
        if vialUnits <= .zero { return .vialUnitsNotPositive }
        if diluentHundredthsML <= 0 || diluentHundredthsML > 10_000 { return .diluentOutOfRange }
        if product.isEmpty || ingredient.isEmpty { return .emptyField("The vial's product") }
        return nil
    }

    /// Whether two vials are the same batch mixed the same way (identifier aside).
    public func isSameVial(as other: Vial) -> Bool {
        var copy = other
        copy.id = id
        return copy == self
    }
}
