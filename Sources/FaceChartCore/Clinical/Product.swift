/// A botulinum toxin product: names, vials, how long a reconstituted vial keeps, usual dilutions.
/// Units are product-specific and never interchangeable between products.
public struct Product: Hashable, Codable, Sendable, Identifiable {
    /// The catalogue key that `ProductUse.product` refers to, such as `botox-cosmetic`.
    public var key: String
    /// The brand name, such as `Botox Cosmetic`.
    public var name: String
    /// The non-proprietary name, such as `onabotulinumtoxinA`.
    public var genericName: String
    public var manufacturer: String
    /// Vial sizes supplied, in this product's units.
    public var vialSizes: [Units]
    public var vialSizesSource: Source
    /// Hours a reconstituted vial may be used (refrigerated).
    public var useWithinHours: Int
    public var useWithinSource: Source
    /// Usual saline volumes and the resulting strengths; empty when the reference table lists none.
    public var dilutions: [DilutionOption]
    /// Anything the user should know about the figures.
    public var note: String?

    public var id: String { key }

    public init(
        key: String, name: String, genericName: String, manufacturer: String, vialSizes: [Units],
        vialSizesSource: Source, useWithinHours: Int, useWithinSource: Source, dilutions: [DilutionOption],
        note: String? = nil
    ) {
        self.key = key
        self.name = name
        self.genericName = genericName
        self.manufacturer = manufacturer
        self.vialSizes = vialSizes
        self.vialSizesSource = vialSizesSource
        self.useWithinHours = useWithinHours
        self.useWithinSource = useWithinSource
        self.dilutions = dilutions
        self.note = note
    }

    /// The active ingredient whose scale the product's units are on (`genericName` without a suffix).
    public var ingredient: String { Self.ingredient(ofGenericName: genericName) }

    /// `prabotulinumtoxinA` for `prabotulinumtoxinA-xvfs`: US labels add a four-letter suffix to tell
    /// biologics apart; the scale belongs to the molecule.
    public static func ingredient(ofGenericName name: String) -> String {
        String(name.split(separator: "-", maxSplits: 1).first ?? Substring(name))
    }

    /// The usual dilutions for one vial size.
    public func dilutions(forVial units: Units) -> [DilutionOption] { dilutions.filter { $0.vialUnits == units } }

    /// The vial and saline a new session is set up with: the dilution marked default, else the first.
    public var defaultDilution: DilutionOption? { dilutions.first(where: \.isDefault) ?? dilutions.first }

    /// Why the entry is not usable, or `nil`.
    public var problem: String? {
        if key.isEmpty || name.isEmpty { return "key and name are required" }
        if vialSizes.isEmpty || vialSizes.contains(where: { $0 <= .zero }) { return "vialSizes must be positive" }
        if useWithinHours <= 0 { return "useWithinHours must be positive" }
        if dilutions.isEmpty { return "no dilution: every product needs a default diluent" }
        if dilutions.filter(\.isDefault).count > 1 { return "more than one dilution is marked default" }
        for (index, option) in dilutions.enumerated() {
            if !vialSizes.contains(option.vialUnits) {
                return "dilutions[\(index)]: a \(option.vialUnits) U vial is not among the vial sizes"
            }
            if option.diluentML <= 0 { return "dilutions[\(index)]: diluentML must be positive" }
            if !option.isConsistent {
                return "dilutions[\(index)]: \(option.vialUnits) U in \(option.diluentML) mL is "
                    + "\(option.dilution.unitsPerTenthML) U per 0.1 mL, not \(option.unitsPerTenthML)"
            }
        }
        return nil
    }
}
