/// The figures a chart is read by: totals per region and per side, the R-L asymmetry, and the volume
/// to draw at the session's dilution.
public struct DoseSummary: Hashable, Sendable {
    public struct RegionTotal: Hashable, Sendable {
        public var region: Region
        public var right: Units
        public var left: Units
        public var midline: Units
        public var points: Int

        public var total: Units { right + left + midline }
    }

    public var total: Units
    public var right: Units
    public var left: Units
    public var midline: Units
    public var pointCount: Int
    /// Regions in the order they first appear, top of the face first.
    public var regions: [RegionTotal]

    /// Right minus left: positive when the patient's right side had more.
    public var asymmetry: Units { right - left }

    public init(points: [InjectionPoint]) {
        var byRegion: [Region: RegionTotal] = [:]
        var right = Units.zero, left = Units.zero, midline = Units.zero
        for point in points {
            var entry = byRegion[point.region]
                ?? RegionTotal(region: point.region, right: .zero, left: .zero, midline: .zero, points: 0)
            switch point.side {
            case .right: entry.right += point.units; right += point.units
            case .left: entry.left += point.units; left += point.units
            case .midline: entry.midline += point.units; midline += point.units
            }
            entry.points += 1
            byRegion[point.region] = entry
        }
        self.right = right
        self.left = left
        self.midline = midline
        total = right + left + midline
        pointCount = points.count
        let order = Region.allCases
        regions = byRegion.values.sorted { order.firstIndex(of: $0.region)! < order.firstIndex(of: $1.region)! }
    }

    /// Units for one region, all sides together.
    public func units(in region: Region) -> Units {
        regions.first { $0.region == region }?.total ?? .zero
    }
}

/// Volume maths at a dilution: vial units reconstituted in a volume of saline.
public struct Dilution: Hashable, Sendable {
    public var vialUnits: Units
    public var diluentHundredthsML: Int

    public init(vialUnits: Units, diluentHundredthsML: Int) {
        self.vialUnits = vialUnits
        self.diluentHundredthsML = diluentHundredthsML
    }

    public init(_ vial: Vial) {
        self.init(vialUnits: vial.vialUnits, diluentHundredthsML: vial.diluentHundredthsML)
    }

    /// Units in each 0.1 mL: vial units / mL / 10.
    public var unitsPerTenthML: Double {
        guard diluentHundredthsML > 0 else { return 0 }
        return vialUnits.value / (Double(diluentHundredthsML) / 100) / 10
    }

    /// The volume in mL that holds `units`.
    public func millilitres(for units: Units) -> Double {
        guard vialUnits > .zero else { return 0 }
        return units.value * (Double(diluentHundredthsML) / 100) / vialUnits.value
    }

    /// The marks on a U-100 insulin syringe (100 marks per mL) that hold `units`.
    public func syringeMarks(for units: Units) -> Double { millilitres(for: units) * 100 }
}
