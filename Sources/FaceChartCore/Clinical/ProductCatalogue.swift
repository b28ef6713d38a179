import Foundation

/// The products FaceChart knows, read from `clinical/products.json`.
public struct ProductCatalogue: Hashable, Codable, Sendable {
    /// The file format this build reads.
    public static let supportedSchemaVersion = 1

    public var schemaVersion: Int
    /// Where the figures come from, in general.
    public var source: String
    public var products: [Product]
    /// Rough equivalences between products' units, shown only as labelled off-label guidance.
    public var conversions: [ProductConversion]

    public init(
        schemaVersion: Int = ProductCatalogue.supportedSchemaVersion, source: String, products: [Product],
        conversions: [ProductConversion] = []
    ) {
        self.schemaVersion = schemaVersion
        self.source = source
        self.products = products
        self.conversions = conversions
    }

    private enum CodingKeys: String, CodingKey {
        case schemaVersion, source, products, conversions
    }

    /// A catalogue may leave out `conversions`: none is then shown.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
        source = try container.decode(String.self, forKey: .source)
        products = try container.decode([Product].self, forKey: .products)
        conversions = try container.decodeIfPresent([ProductConversion].self, forKey: .conversions) ?? []
    }

    /// The published conversion between two products, if there is one.
    public func conversion(between first: String, and second: String) -> ProductConversion? {
        conversions.first { $0.relates(first, second) }
    }

    /// Reads and checks a catalogue from JSON.
    public init(json: Data) throws(DataError) {
        self = try DataError.decode(ProductCatalogue.self, from: json)
        try validate()
    }

    /// The product with `key`, if any.
    public func product(_ key: String) -> Product? { products.first { $0.key == key } }

    /// Throws the first problem: schema version, duplicate keys, inconsistent figures.
    public func validate() throws(DataError) {
        try DataError.requireSchemaVersion(schemaVersion, supported: Self.supportedSchemaVersion)
        try DataError.requireSound(products, named: "products", key: \.key, problem: \.problem)
    }
}
