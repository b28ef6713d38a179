extension TreatmentPattern {
    /// The source of every pattern a user saves from a map.
    public static let savedByUser = Source(grade: .unconfirmed, reference: "saved by the user")

    /// Whether the user saved this pattern from a map (the user's own, bound to a function key).
    public var isUsersOwn: Bool { source == Self.savedByUser }

    /// A pattern made from charted points, so a map can be reused: one site per point, total and site
    /// count from the points, graded "?" as "saved by the user".
    ///
    /// Per-point products are not kept: the pattern is written in `product`'s units.
    public static func fromPoints(
        _ points: [InjectionPoint], key: String, name: String, indication: Indication, product: String
    ) -> TreatmentPattern {
        let sites = points.map { point in
            PatternSite(
                view: point.view, x: point.position.x, y: point.position.y, region: point.region, side: point.side,
                units: point.units, depth: point.depth, note: point.note.isEmpty ? nil : point.note)
        }
        return TreatmentPattern(
            key: key, name: name, indication: indication, products: [product], totalUnits: sites.map(\.units).total(),
            siteCount: sites.count, source: Self.savedByUser, sites: sites)
    }
}
