import Foundation

/// Every dose limit and plausibility threshold, read from `clinical/limits.json`, each keyed to the
/// active ingredients it was read for and carrying its source and grade.
public struct LimitCatalogue: Hashable, Codable, Sendable {
    /// The file format this build reads.
    public static let supportedSchemaVersion = 1

    public var schemaVersion: Int
    public var source: String
    /// Named sets of regions that rules refer to by name (`face`, `glabella`, `neck`).
    public var regionGroups: [String: [Region]]
    public var doseLimits: [DoseLimit]
    public var regionDoses: [RegionDose]
    /// A session's region dose above this multiple of its `RegionDose` is flagged.
    public var regionDoseMultiple: Threshold
    public var asymmetry: AsymmetryRule
    /// Where "a vial holds no more than its units" comes from, for the session-total check.
    public var vialTotal: SafetySource
    public var bilateral: [BilateralRule]
    public var naiveStarts: [NaiveStart]
    public var ageLimits: [AgeLimit]
    public var flagRules: [FlagRule]

    public init(
        schemaVersion: Int = LimitCatalogue.supportedSchemaVersion, source: String, regionGroups: [String: [Region]] = [:],
        doseLimits: [DoseLimit] = [], regionDoses: [RegionDose] = [], regionDoseMultiple: Threshold,
        asymmetry: AsymmetryRule, vialTotal: SafetySource, bilateral: [BilateralRule] = [], naiveStarts: [NaiveStart] = [],
        ageLimits: [AgeLimit] = [], flagRules: [FlagRule] = []
    ) {
        self.schemaVersion = schemaVersion
        self.source = source
        self.regionGroups = regionGroups
        self.doseLimits = doseLimits
        self.regionDoses = regionDoses
        self.regionDoseMultiple = regionDoseMultiple
        self.asymmetry = asymmetry
        self.vialTotal = vialTotal
        self.bilateral = bilateral
        self.naiveStarts = naiveStarts
        self.ageLimits = ageLimits
        self.flagRules = flagRules
    }

    /// Reads and checks a catalogue from JSON.
    public init(json: Data) throws(DataError) {
        self = try DataError.decode(LimitCatalogue.self, from: json)
        try validate()
    }

    /// The regions a list of region or group names stands for; `nil` (no list) is every region.
    public func regions(_ names: [String]?) -> Set<Region> {
        guard let names else { return Set(Region.allCases) }
        return Set(names.flatMap { name in regionGroups[name] ?? Region(rawValue: name).map { [$0] } ?? [] })
    }

    /// The per-site limits for a point of `ingredient` in `region`, for an indication: the lowest unit figure
    /// is the one a typed dose must be confirmed above.
    public func siteLimits(ingredient: String, region: Region, indication: String) -> [DoseLimit] {
        doseLimits.filter {
            $0.scope == .site && $0.applies(to: ingredient, indication: indication) && regions($0.regions).contains(region)
        }
    }

    /// The dose above which a typed figure needs confirming: the lowest per-site figure for the ingredient in
    /// the region; where none applies, the ingredient's lowest per-site figure anywhere (never silent).
    public func confirmThreshold(ingredient: String, region: Region, indication: String) -> DoseLimit? {
        let here = siteLimits(ingredient: ingredient, region: region, indication: indication).filter { $0.units != nil }
        let candidates = here.isEmpty
            ? doseLimits.filter { $0.scope == .site && $0.units != nil && $0.ingredients.contains(ingredient) && $0.indications == nil }
            : here
        return candidates.min { $0.units! < $1.units! }
    }

    /// Throws the first problem: schema version, unknown region names, incomplete rules.
    public func validate() throws(DataError) {
        guard schemaVersion == Self.supportedSchemaVersion else {
            throw DataError("schemaVersion \(schemaVersion) is not supported (expected \(Self.supportedSchemaVersion))")
        }
        func check(_ names: [String]?, _ place: String) throws(DataError) {
            for name in names ?? [] where regionGroups[name] == nil && Region(rawValue: name) == nil {
                throw DataError("\(place): \"\(name)\" is neither a region nor a region group")
            }
        }
        for (index, limit) in doseLimits.enumerated() {
            if let problem = limit.problem { throw DataError("doseLimits[\(index)] (\(limit.rule)): \(problem)") }
            try check(limit.regions, "doseLimits[\(index)]")
        }
        for (index, dose) in regionDoses.enumerated() {
            if dose.ingredients.isEmpty || dose.units <= .zero { throw DataError("regionDoses[\(index)]: ingredients and units are required") }
            try check(dose.regions, "regionDoses[\(index)]")
        }
        for (index, rule) in bilateral.enumerated() { try check(rule.regions, "bilateral[\(index)]") }
        if regionDoseMultiple.value <= 1 { throw DataError("regionDoseMultiple must be above 1") }
        if asymmetry.ratio <= 1 { throw DataError("asymmetry.ratio must be above 1") }
        for (index, limit) in ageLimits.enumerated() where limit.minimumAge == nil && limit.maximumAge == nil || limit.ingredients.isEmpty {
            throw DataError("ageLimits[\(index)]: needs ingredients and a minimum or maximum age")
        }
        if let index = (naiveStarts.map(\.ingredients) + flagRules.map(\.ingredients) + bilateral.map(\.ingredients))
            .firstIndex(where: \.isEmpty) {
            throw DataError("rule \(index) of naiveStarts, flagRules and bilateral names no ingredient")
        }
    }
}
