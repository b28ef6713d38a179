import Foundation

/// The indications FaceChart knows, read from `clinical/indications.json`: each with its stable key, the
/// words that identify it in a free-text concern, and the shortest retreatment interval by active
/// ingredient with the source of each figure. The one place retreatment intervals come from.
public struct IndicationCatalogue: Hashable, Codable, Sendable {
    /// The file format this build reads.
    public static let supportedSchemaVersion = 1

    /// A shortest interval between full treatments, for the ingredients it names (every ingredient when empty).
    public struct RetreatmentRule: Hashable, Codable, Sendable {
        /// Active ingredients the figure was read for; empty: any ingredient.
        public var ingredients: [String]
        public var days: Int
        public var source: SafetySource

        public init(ingredients: [String] = [], days: Int, source: SafetySource) {
            self.ingredients = ingredients
            self.days = days
            self.source = source
        }

        public func applies(to ingredient: String) -> Bool { ingredients.isEmpty || ingredients.contains(ingredient) }
    }

    /// One indication.
    public struct Entry: Hashable, Codable, Sendable, Identifiable {
        /// Stable kebab-case key, as written in files (`glabellar-lines`).
        public var key: String
        public var name: String
        public var kind: Indication.Kind
        /// Lower-case text found anywhere in a concern that names this indication ("sialorrh").
        public var words: [String]
        /// Intervals by ingredient; the first that applies wins.
        public var retreatment: [RetreatmentRule]

        public var id: String { key }

        public init(key: String, name: String, kind: Indication.Kind, words: [String], retreatment: [RetreatmentRule] = []) {
            self.key = key
            self.name = name
            self.kind = kind
            self.words = words
            self.retreatment = retreatment
        }
    }

    /// The answer to "how soon may this be given again": days, what rule, where it was read.
    public struct MinimumInterval: Hashable, Sendable {
        public var days: Int
        /// The indication the interval is for, e.g. `Chronic migraine`.
        public var indication: String
        public var ingredient: String
        public var source: SafetySource
        /// False when no figure was read for this indication and the general interval stands in.
        public var isIndicationSpecific: Bool
    }

    public var schemaVersion: Int
    public var source: String
    /// The intervals used when an indication gives none for the ingredient; the first that applies wins.
    public var defaultRetreatment: [RetreatmentRule]
    /// Another active ingredient within this many days is flagged (effects may add up; units differ).
    public var otherToxinWithin: RetreatmentRule
    public var indications: [Entry]

    public init(
        schemaVersion: Int = IndicationCatalogue.supportedSchemaVersion, source: String,
        defaultRetreatment: [RetreatmentRule], otherToxinWithin: RetreatmentRule, indications: [Entry]
    ) {
        self.schemaVersion = schemaVersion
        self.source = source
        self.defaultRetreatment = defaultRetreatment
        self.otherToxinWithin = otherToxinWithin
        self.indications = indications
    }

    /// Reads and checks a catalogue from JSON.
    public init(json: Data) throws(DataError) {
        self = try DataError.decode(IndicationCatalogue.self, from: json)
        try validate()
    }

    /// The key for what is not otherwise recognised, by kind.
    public static func otherKey(_ kind: Indication.Kind) -> String { Indication.otherKey(kind) }

    public func entry(_ key: String) -> Entry? { indications.first { $0.key == key } }

    /// The key of the indication a concern names: the first entry of the same kind whose words it contains,
    /// else the first entry of any kind, else `other-aesthetic` / `other-medical`.
    public func key(forConcern concern: String, kind: Indication.Kind) -> String {
        let text = concern.lowercased()
        let matching = indications.filter { entry in entry.words.contains { text.contains($0) } }
        return (matching.first { $0.kind == kind } ?? matching.first)?.key ?? Self.otherKey(kind)
    }

    /// The key of an indication: its recorded key when the catalogue lists it and it says more than
    /// `other-*`; else the key its concern's words name.
    public func key(of indication: Indication) -> String {
        if indication.key != Self.otherKey(indication.kind), entry(indication.key) != nil { return indication.key }
        return key(forConcern: indication.concern, kind: indication.kind)
    }

    /// THE shortest interval before the next full treatment of `indicationKey` with `ingredient`: the
    /// indication's own figure for that ingredient, else the general one.
    public func minimumInterval(forIndication indicationKey: String, ingredient: String) -> MinimumInterval {
        let entry = entry(indicationKey)
        let name = entry?.name ?? indicationKey
        if let rule = entry?.retreatment.first(where: { $0.applies(to: ingredient) }) {
            return MinimumInterval(days: rule.days, indication: name, ingredient: ingredient, source: rule.source, isIndicationSpecific: true)
        }
        let rule = defaultRetreatment.first { $0.applies(to: ingredient) }
            ?? RetreatmentRule(days: 90, source: SafetySource(.unconfirmed, text: "no interval on file"))
        return MinimumInterval(days: rule.days, indication: name, ingredient: ingredient, source: rule.source, isIndicationSpecific: false)
    }

    /// Throws the first problem: schema version, duplicate or malformed keys, intervals that are not positive.
    public func validate() throws(DataError) {
        guard schemaVersion == Self.supportedSchemaVersion else {
            throw DataError("schemaVersion \(schemaVersion) is not supported (expected \(Self.supportedSchemaVersion))")
        }
        guard defaultRetreatment.contains(where: \.ingredients.isEmpty) else {
            throw DataError("defaultRetreatment needs a rule for any ingredient (no ingredients listed)")
        }
        var seen = Set<String>()
        for (index, entry) in indications.enumerated() {
            guard seen.insert(entry.key).inserted else { throw DataError("indications[\(index)]: duplicate key \(entry.key)") }
            guard !entry.key.isEmpty, entry.key.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
                throw DataError("indications[\(index)]: key \"\(entry.key)\" must be lower-case kebab-case")
            }
            if let word = entry.words.first(where: { $0.isEmpty || $0 != $0.lowercased() }) {
                throw DataError("indications[\(index)] (\(entry.key)): word \"\(word)\" must be lower-case and not empty")
            }
        }
        for kind in Indication.Kind.allCases where entry(Self.otherKey(kind)) == nil {
            throw DataError("indications: \(Self.otherKey(kind)) is missing")
        }
        let rules = defaultRetreatment + [otherToxinWithin] + indications.flatMap(\.retreatment)
        if let bad = rules.first(where: { $0.days <= 0 }) { throw DataError("an interval of \(bad.days) days is not positive") }
    }
}
