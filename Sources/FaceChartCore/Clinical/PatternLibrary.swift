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

    /// Patterns made of others, given together at one session: their sites in order, their doses as written.
    struct Combination: Decodable {
        var key: String
        var name: String
        var indication: Indication
        /// The keys of the patterns combined.
        var of: [String]
        var source: Source
        var note: String?
    }

    /// The file as written: the patterns, and the combinations built from them.
    private struct File: Decodable {
        var combinations: [Combination]?
    }

    /// Reads and checks a library from JSON: the patterns, then each combination built from them.
    public init(json: Data) throws(DataError) {
        self = try DataError.decode(PatternLibrary.self, from: json)
        for combination in try DataError.decode(File.self, from: json).combinations ?? [] {
            patterns.append(try combined(combination))
        }
        try validate()
    }

    /// One pattern of the parts of `combination`: every site, the total and count summed, in the products
    /// every part is written for, the weakest grade of the parts' site sources.
    private func combined(_ combination: Combination) throws(DataError) -> TreatmentPattern {
        var parts: [TreatmentPattern] = []
        for key in combination.of {
            guard let part = pattern(key) else { throw DataError("combination \(combination.key): no pattern \(key)") }
            parts.append(part)
        }
        guard let first = parts.first else { throw DataError("combination \(combination.key): combines nothing") }
        let products = first.products.filter { product in parts.allSatisfy { $0.products.contains(product) } }
        let siteSources = parts.compactMap(\.siteSource)
        return TreatmentPattern(
            key: combination.key, name: combination.name, indication: combination.indication, products: products,
            totalUnits: parts.map(\.totalUnits).total(), siteCount: parts.map(\.siteCount).reduce(0, +),
            source: combination.source,
            siteSource: siteSources.max { $0.grade < $1.grade }.map {
                Source(grade: $0.grade, reference: "each part's sites: " + siteSources.map(\.reference).joined(separator: "; "))
            },
            note: combination.note, sites: parts.flatMap(\.sites))
    }

    /// The pattern with `key`, if any.
    public func pattern(_ key: String) -> TreatmentPattern? { patterns.first { $0.key == key } }

    /// The patterns written in `productKey`'s units.
    public func patterns(for productKey: String) -> [TreatmentPattern] { patterns.filter { $0.applies(to: productKey) } }

    /// Throws the first problem: schema version, duplicate keys, totals that do not add up.
    public func validate() throws(DataError) {
        try DataError.requireSchemaVersion(schemaVersion, supported: Self.supportedSchemaVersion)
        try DataError.requireSound(patterns, named: "patterns", key: \.key, problem: \.problem)
    }
}
