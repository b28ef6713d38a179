import FaceChartCore

/// A product offered in session setup, with the vial and dilution it usually comes with.
public struct ProductChoice: Hashable, Sendable {
    public var key: String
    public var name: String
    public var vialUnits: Units
    /// The usual saline volume, when the catalogue lists one.
    public var diluentHundredthsML: Int?
    /// The active ingredient, e.g. onabotulinumtoxinA for both Botox and Botox Cosmetic.
    public var genericName: String?

    public init(key: String, name: String, vialUnits: Units, diluentHundredthsML: Int?, genericName: String? = nil) {
        self.genericName = genericName
        self.key = key
        self.name = name
        self.vialUnits = vialUnits
        self.diluentHundredthsML = diluentHundredthsML
    }

    /// A catalogue product with its default vial and saline.
    public init(_ product: Product) {
        let dilution = product.defaultDilution
        self.init(
            key: product.key, name: product.name, vialUnits: dilution?.vialUnits ?? product.vialSizes[0],
            diluentHundredthsML: dilution?.diluentHundredthsML, genericName: product.genericName)
    }

    /// The scale its units are on: the active ingredient without a label suffix
    /// (`prabotulinumtoxinA-xvfs` -> `prabotulinumtoxinA`), or the key when the catalogue names none.
    public var ingredient: String { genericName.map(Product.ingredient(ofGenericName:)) ?? key }
}
