/// Who a rule of `LimitCatalogue` is for: the active ingredients whose label (or paper) gives the figure,
/// and optionally the regions and indications it is limited to. A rule is never applied to an ingredient
/// it does not name.
public protocol IngredientScoped {
    /// Active ingredients (`Product.ingredient`), never empty.
    var ingredients: [String] { get }
    /// Indication keys the rule is limited to; `nil`: every indication.
    var indications: [String]? { get }
}

extension IngredientScoped {
    public func applies(to ingredient: String, indication: String) -> Bool {
        ingredients.contains(ingredient) && (indications?.contains(indication) ?? true)
    }
}

/// A dose limit: at one site, in a region, in a session, or over a window of days.
public struct DoseLimit: Hashable, Codable, Sendable, IngredientScoped {
    public enum Scope: String, Hashable, Codable, Sendable {
        /// Each point on its own (units, or volume at its vial's dilution).
        case site
        /// The points of one session in `regions` (per side when `perSide`).
        case region
        /// All the points of one session.
        case session
        /// Every session within `days` consecutive days.
        case window
    }

    /// The rule key findings and overrides use, e.g. `site.maximum`.
    public var rule: String
    public var scope: Scope
    public var ingredients: [String]
    /// Region names or group names (`LimitCatalogue.regionGroups`); `nil`: every region.
    public var regions: [String]?
    public var indications: [String]?
    /// For `region`: each side counted on its own.
    public var perSide: Bool?
    public var units: Units?
    /// For `site`: the most volume at one site, in mL.
    public var millilitres: Double?
    /// For `window`: its length in days.
    public var days: Int?
    public var severity: SafetyFinding.Severity
    /// How the limit reads in a message: "the Botox label allows at most 50 U per site".
    public var text: String
    public var source: SafetySource

    public init(
        rule: String, scope: Scope, ingredients: [String], regions: [String]? = nil, indications: [String]? = nil,
        perSide: Bool? = nil, units: Units? = nil, millilitres: Double? = nil, days: Int? = nil,
        severity: SafetyFinding.Severity, text: String, source: SafetySource
    ) {
        self.rule = rule
        self.scope = scope
        self.ingredients = ingredients
        self.regions = regions
        self.indications = indications
        self.perSide = perSide
        self.units = units
        self.millilitres = millilitres
        self.days = days
        self.severity = severity
        self.text = text
        self.source = source
    }

    /// What the rule lacks for its scope, or `nil`.
    var problem: String? {
        if ingredients.isEmpty { return "no ingredient" }
        if rule.isEmpty || text.isEmpty { return "rule and text are required" }
        if let units, units <= .zero { return "units must be positive" }
        if let millilitres, millilitres <= 0 { return "millilitres must be positive" }
        switch scope {
        case .site: if units == nil && millilitres == nil { return "a site limit needs units or millilitres" }
        case .region: if units == nil || regions == nil { return "a region limit needs units and regions" }
        case .session: if units == nil { return "a session limit needs units" }
        case .window: if units == nil || (days ?? 0) <= 0 { return "a window limit needs units and days" }
        }
        if scope != .site, millilitres != nil { return "only site limits take millilitres" }
        return nil
    }
}

/// The usual session dose for a region by the label or a standard pattern; the plausibility check
/// flags a session above `LimitCatalogue.regionDoseMultiple` times it.
public struct RegionDose: Hashable, Codable, Sendable, IngredientScoped {
    /// What the region is called in a message, e.g. "the glabella".
    public var name: String
    public var ingredients: [String]
    public var regions: [String]
    public var indications: [String]?
    public var units: Units
    public var source: SafetySource
}

/// A number a threshold is built from (a multiple, a ratio), with where it comes from.
public struct Threshold: Hashable, Codable, Sendable {
    public var value: Double
    public var source: SafetySource
}

/// Right and left doses of one region too far apart when the indication does not call for asymmetry.
public struct AsymmetryRule: Hashable, Codable, Sendable {
    /// The larger side above `ratio` times the smaller one.
    public var ratio: Double
    /// And more than this many units apart (small figures are ignored).
    public var minimumDifference: Units
    /// Indications treated asymmetrically by nature (cervical dystonia, hemifacial spasm...).
    public var exemptIndications: [String]
    public var source: SafetySource
}

/// The usual first dose for a patient who never had toxin; above it a toxin-naive patient is warned.
public struct NaiveStart: Hashable, Codable, Sendable, IngredientScoped {
    public var ingredients: [String]
    public var indications: [String]?
    public var units: Units
    /// "the Dysport label starts at 500 U".
    public var text: String
    public var source: SafetySource
}

/// A label age limit for an ingredient (and indication).
public struct AgeLimit: Hashable, Codable, Sendable, IngredientScoped {
    public var ingredients: [String]
    public var indications: [String]?
    /// Youngest age in full years the label covers.
    public var minimumAge: Int?
    /// Oldest age in full years the label covers.
    public var maximumAge: Int?
    public var severity: SafetyFinding.Severity
    /// "the Dysport label covers glabellar lines in adults under 65".
    public var text: String
    public var source: SafetySource

    /// Whether a patient aged `age` lies outside the limit.
    public func excludes(age: Int) -> Bool {
        (minimumAge.map { age < $0 } ?? false) || (maximumAge.map { age > $0 } ?? false)
    }
}

/// A patient flag that bears on some ingredients more than its general severity says (cow's-milk
/// protein allergy contraindicates abobotulinumtoxinA only).
public struct FlagRule: Hashable, Codable, Sendable {
    public var flag: ClinicalFlag
    public var ingredients: [String]
    public var severity: SafetyFinding.Severity
    /// "the Dysport label contraindicates it (the product contains cow's-milk protein)".
    public var text: String
    public var source: SafetySource
}

/// Both sides of a paired muscle injected in one session (bilateral SCM: dysphagia).
public struct BilateralRule: Hashable, Codable, Sendable {
    public var rule: String
    public var regions: [String]
    public var ingredients: [String]
    public var severity: SafetyFinding.Severity
    public var text: String
    public var source: SafetySource
}
