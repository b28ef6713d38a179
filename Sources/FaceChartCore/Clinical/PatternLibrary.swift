import Foundation

/// The built-in treatment patterns, read from `clinical/patterns.json`.
public struct PatternLibrary: Hashable, Codable, Sendable {
    /// The file format this build reads.
    public static let supportedSchemaVersion = 1

    public var schemaVersion: Int
    public var patterns: [TreatmentPattern]

    public init(schemaVersion: Int = PatternLibrary.supportedSchemaVersion, patterns: [TreatmentPattern]) {
        self.schemaVersion = schemaVersion
        self.patterns = patterns
    }

    /// Reads and checks a library from JSON.
    public init(json: Data) throws(DataError) {
        self = try DataError.decode(PatternLibrary.self, from: json)
        try validate()
    }

    /// The pattern with `key`, if any.
    public func pattern(_ key: String) -> TreatmentPattern? { patterns.first { $0.key == key } }

    /// The patterns written in `productKey`'s units.
    public func patterns(for productKey: String) -> [TreatmentPattern] { patterns.filter { $0.applies(to: productKey) } }

    /// Throws the first problem: schema version, duplicate keys, totals that do not add up.
    public func validate() throws(DataError) {
        try DataError.requireSchemaVersion(schemaVersion, supported: Self.supportedSchemaVersion)
        var seen = Set<String>()
        for (index, pattern) in patterns.enumerated() {
            guard seen.insert(pattern.key).inserted else { throw DataError("patterns[\(index)]: duplicate key \(pattern.key)") }
            if let problem = pattern.problem { throw DataError("patterns[\(index)] (\(pattern.key)): \(problem)") }
        }
    }
}
