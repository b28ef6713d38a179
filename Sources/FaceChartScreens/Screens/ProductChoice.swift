import FaceChartCore

/// A product offered in session setup, with the vial and dilution it usually comes with.
public struct ProductChoice: Hashable, Sendable {
    public var key: String
    public var name: String
    public var vialUnits: Units
    /// The usual saline volume, when the catalogue lists one.
    public var diluentHundredthsML: Int?
    /// Hours a reconstituted vial keeps, when known.
    public var useWithinHours: Int?
    /// The active ingredient, e.g. onabotulinumtoxinA for both Botox and Botox Cosmetic.
    public var genericName: String?

    public init(
        key: String, name: String, vialUnits: Units, diluentHundredthsML: Int?, useWithinHours: Int? = nil,
        genericName: String? = nil
    ) {
        self.genericName = genericName
        self.key = key
        self.name = name
        self.vialUnits = vialUnits
        self.diluentHundredthsML = diluentHundredthsML
        self.useWithinHours = useWithinHours
    }

    /// The scale its units are on: the active ingredient without a label suffix
    /// (`prabotulinumtoxinA-xvfs` -> `prabotulinumtoxinA`), or the key when the catalogue names none.
    public var ingredient: String { genericName.map(Product.ingredient(ofGenericName:)) ?? key }
}
