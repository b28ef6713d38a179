import Foundation

/// The products FaceChart knows, read from `clinical/products.json`.
public struct ProductCatalogue: Hashable, Codable, Sendable {
    /// The file format this build reads.
    public static let supportedSchemaVersion = 1

    public var schemaVersion: Int
    /// Where the figures come from, in general.
    public var source: String
    public var products: [Product]

    public init(schemaVersion: Int = ProductCatalogue.supportedSchemaVersion, source: String, products: [Product]) {
        self.schemaVersion = schemaVersion
        self.source = source
        self.products = products
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
        guard schemaVersion == Self.supportedSchemaVersion else {
            throw DataError("schemaVersion \(schemaVersion) is not supported (expected \(Self.supportedSchemaVersion))")
        }
        var seen = Set<String>()
        for (index, product) in products.enumerated() {
            guard seen.insert(product.key).inserted else { throw DataError("products[\(index)]: duplicate key \(product.key)") }
            if let problem = product.problem { throw DataError("products[\(index)] (\(product.key)): \(problem)") }
        }
    }
}
