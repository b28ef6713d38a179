/// A standard injection pattern (a template): the sites and doses of one protocol for one or more products.
/// Applying it gives ordinary, editable injection points.
public struct TreatmentPattern: Hashable, Codable, Sendable, Identifiable {
    public var key: String
    /// Menu name, such as `Glabellar lines (Botox Cosmetic 20 U)`.
    public var name: String
    public var indication: Indication
    /// Catalogue keys of the products whose units this pattern is written in.
    public var products: [String]
    /// The declared total; the sites must add up to it.
    public var totalUnits: Units
    /// The declared number of sites.
    public var siteCount: Int
    /// The source of the dose and site count.
    public var source: Source
    /// A separate source for how the dose is split across sites, when weaker than `source`.
    public var siteSource: Source?
    /// Cautions and context for the user (interval, caps, danger zones).
    public var note: String?
    /// Whether the sites are written for one side only (hemifacial spasm, brow asymmetry): applying the
    /// pattern to the other side mirrors them. `totalUnits` is then the dose for that one side.
    public var oneSided: Bool?
    public var sites: [PatternSite]

    public var id: String { key }

    public init(
        key: String, name: String, indication: Indication, products: [String], totalUnits: Units, siteCount: Int,
        source: Source, siteSource: Source? = nil, note: String? = nil, oneSided: Bool? = nil, sites: [PatternSite]
    ) {
        self.key = key
        self.name = name
        self.indication = indication
        self.products = products
        self.totalUnits = totalUnits
        self.siteCount = siteCount
        self.source = source
        self.siteSource = siteSource
        self.note = note
        self.oneSided = oneSided
        self.sites = sites
    }

    /// The weakest grade among the pattern's figures: what the user is shown.
    public var grade: Grade { max(source.grade, siteSource?.grade ?? source.grade) }

    /// The sum of the site doses.
    public var sitesTotal: Units { sites.map(\.units).total() }

    /// Whether the pattern is written for `productKey`'s units.
    public func applies(to productKey: String) -> Bool { products.contains(productKey) }

    /// The injection points of this pattern.
    ///
    /// - Parameters:
    ///   - sides: `.both` for every site; `.right` or `.left` for that side's sites only (midline sites dropped).
    ///     A one-sided pattern asked for its other side gives its sites mirrored.
    ///   - scale: dose factor; scaled doses are rounded to the nearest 0.5 U and never below 0.5 U. At 1 the
    ///     doses are kept exactly as written.
    ///   - makeID: a fresh identifier for each point.
    public func points(sides: PatternSides = .both, scale: Double = 1, makeID: () -> RecordID) -> [InjectionPoint] {
        var chosen = sites
        if oneSided == true, sides != .both, !sites.contains(where: { sides.includes($0.side) }) {
            chosen = sites.map(\.mirrored)
        }
        return chosen.filter { sides.includes($0.side) }.map { site in
            var units = site.units
            if scale != 1 { units = max(site.units.scaled(by: scale).roundedToHalf, Units(hundredths: 50)) }
            return InjectionPoint(
                id: makeID(), view: site.view, position: site.position, region: site.region, side: site.side,
                units: units, depth: site.depth, note: site.note ?? "")
        }
    }

    /// Why the pattern does not hold together, or `nil`.
    public var problem: String? {
        if sites.count != siteCount { return "\(sites.count) sites, but siteCount says \(siteCount)" }
        if sitesTotal != totalUnits { return "sites add up to \(sitesTotal) U, but totalUnits says \(totalUnits) U" }
        if products.isEmpty { return "no product" }
        if oneSided == true, Set(sites.map(\.side)).count != 1 || sites.contains(where: { $0.side == .midline }) {
            return "a one-sided pattern's sites must all be on one side (right or left)"
        }
        for (index, site) in sites.enumerated() {
            if !site.position.isOnDrawing { return "sites[\(index)]: x and y must lie within 0...1" }
            if site.units <= .zero || site.units > InjectionPoint.maximumUnits {
                return "sites[\(index)]: \(site.units) U is not a possible dose"
            }
        }
        return nil
    }
}
