/// One usual way to reconstitute a vial: saline added and the resulting strength.
public struct DilutionOption: Hashable, Codable, Sendable {
    public var vialUnits: Units
    /// Saline added, in mL (2.5 for 2.5 mL).
    public var diluentML: Double
    /// Units in each 0.1 mL as the reference table states it.
    public var unitsPerTenthML: Double
    public var source: Source

    public init(vialUnits: Units, diluentML: Double, unitsPerTenthML: Double, source: Source) {
        self.vialUnits = vialUnits
        self.diluentML = diluentML
        self.unitsPerTenthML = unitsPerTenthML
        self.source = source
    }

    /// The diluent in hundredths of a mL, as `ProductUse` stores it.
    public var diluentHundredthsML: Int { Int((diluentML * 100).rounded()) }

    /// The volume maths for this option.
    public var dilution: Dilution { Dilution(vialUnits: vialUnits, diluentHundredthsML: diluentHundredthsML) }

    /// Whether the stated strength agrees with vial units / mL / 10.
    public var isConsistent: Bool { abs(dilution.unitsPerTenthML - unitsPerTenthML) < 1e-9 }
}
