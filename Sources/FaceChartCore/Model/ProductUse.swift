import Foundation

/// The vial a dose was drawn from: which product, which batch, how it was mixed.
public struct ProductUse: Hashable, Codable, Sendable {
    /// The catalogue key, such as `botox-cosmetic` or `dysport`.
    public var product: String
    public var lot: String
    public var expiry: CalendarDate?
    /// Units in the vial as supplied.
    public var vialUnits: Units
    /// Saline added to reconstitute, in hundredths of a mL (2.5 mL is 250).
    public var diluentHundredthsML: Int
    /// When the vial was reconstituted, if recorded.
    public var reconstitutedAt: Date?

    public init(
        product: String, lot: String, expiry: CalendarDate?, vialUnits: Units, diluentHundredthsML: Int,
        reconstitutedAt: Date? = nil
    ) {
        self.product = product
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
        return nil
    }
}
