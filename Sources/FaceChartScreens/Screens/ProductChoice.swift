import FaceChartCore

/// A product offered in session setup, with the vial and dilution it usually comes with.
public struct ProductChoice: Hashable, Sendable {
    public var key: String
    public var name: String
    public var vialUnits: Units
    /// The usual saline volume, when the catalogue lists one.
    public var diluentHundredthsML: Int?

    public init(key: String, name: String, vialUnits: Units, diluentHundredthsML: Int?) {
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
            diluentHundredthsML: dilution?.diluentHundredthsML)
    }
}
