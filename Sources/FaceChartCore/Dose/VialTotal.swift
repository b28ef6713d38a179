/// What one vial of a session gave: units, points and the volume drawn at its own dilution.
public struct VialTotal: Hashable, Sendable {
    public var vial: Vial
    public var units: Units
    public var points: Int

    public init(vial: Vial, units: Units, points: Int) {
        self.vial = vial
        self.units = units
        self.points = points
    }

    /// The volume drawn from the vial, in mL.
    public var millilitres: Double { Dilution(vial).millilitres(for: units) }

    /// Whether more was charted from the vial than it holds.
    public var isOverdrawn: Bool { units > vial.vialUnits }
}

extension Session {
    /// Per vial, in the order they were opened (a vial no point drew from included, with nothing).
    public var vialTotals: [VialTotal] {
        vials.map { vial in
            let drawn = points.filter { self.vial(for: $0).id == vial.id }
            return VialTotal(vial: vial, units: drawn.map(\.units).total(), points: drawn.count)
        }
    }

    /// The volume of every point at its own vial's dilution, in mL.
    public var totalMillilitres: Double { vialTotals.map(\.millilitres).reduce(0, +) }

    /// Whether every vial is on one scale, so that units may be added across them.
    public var isSingleIngredient: Bool { Set(vials.map(\.ingredient)).count <= 1 }
}
