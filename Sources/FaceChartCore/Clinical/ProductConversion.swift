/// A published rough equivalence between two products' units. Off-label guidance only: units of
/// different products are not interchangeable, and a conversion is never applied to a dose.
public struct ProductConversion: Hashable, Codable, Sendable {
    /// The product on the left of the ratio, such as `dysport`.
    public var product: String
    /// The products on the right (one molecule may be sold under several keys).
    public var reference: [String]
    /// The ratio as published, e.g. `Dysport : Botox 2.5-3 : 1`.
    public var ratio: String
    /// The ratio as figures: `product` units per one `reference` unit, lowest to highest (2.5...3 for
    /// Dysport : Botox). Absent when the published ratio gives no figures.
    public var productUnitsPerReferenceUnit: ClosedRange<Double>?
    public var source: Source

    public init(
        product: String, reference: [String], ratio: String, productUnitsPerReferenceUnit: ClosedRange<Double>? = nil,
        source: Source
    ) {
        self.product = product
        self.reference = reference
        self.ratio = ratio
        self.productUnitsPerReferenceUnit = productUnitsPerReferenceUnit
        self.source = source
    }

    /// Whether this conversion relates the two products, in either direction.
    public func relates(_ first: String, _ second: String) -> Bool {
        (product == first && reference.contains(second)) || (product == second && reference.contains(first))
    }

    /// The line shown to users, labelled as guidance.
    public var guidance: String {
        "Off-label guidance only, never a dose: \(ratio) (\(source.grade.letter): \(source.reference); \(source.grade.note))"
    }
}
