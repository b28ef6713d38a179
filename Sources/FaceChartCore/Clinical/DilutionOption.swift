/// One usual way to reconstitute a vial: saline added and the resulting strength.
public struct DilutionOption: Hashable, Codable, Sendable {
    public var vialUnits: Units
    /// Saline added, in mL (2.5 for 2.5 mL).
    public var diluentML: Double
    /// Units in each 0.1 mL as the reference table states it.
    public var unitsPerTenthML: Double
    public var source: Source
    /// Whether a new session of the product starts with this vial and saline.
    public var isDefault: Bool

    public init(vialUnits: Units, diluentML: Double, unitsPerTenthML: Double, source: Source, isDefault: Bool = false) {
        self.vialUnits = vialUnits
        self.diluentML = diluentML
        self.unitsPerTenthML = unitsPerTenthML
        self.source = source
        self.isDefault = isDefault
    }

    private enum CodingKeys: String, CodingKey {
        case vialUnits, diluentML, unitsPerTenthML, source
        case isDefault = "default"
    }

    /// `"default": true` marks the product's default; it may be left out.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        vialUnits = try container.decode(Units.self, forKey: .vialUnits)
        diluentML = try container.decode(Double.self, forKey: .diluentML)
        unitsPerTenthML = try container.decode(Double.self, forKey: .unitsPerTenthML)
        source = try container.decode(Source.self, forKey: .source)
        isDefault = try container.decodeIfPresent(Bool.self, forKey: .isDefault) ?? false
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(vialUnits, forKey: .vialUnits)
        try container.encode(diluentML, forKey: .diluentML)
        try container.encode(unitsPerTenthML, forKey: .unitsPerTenthML)
        try container.encode(source, forKey: .source)
        if isDefault { try container.encode(true, forKey: .isDefault) }
    }

    /// The diluent in hundredths of a mL, as `ProductUse` stores it.
    public var diluentHundredthsML: Int { Int((diluentML * 100).rounded()) }

    /// The volume maths for this option.
    public var dilution: Dilution { Dilution(vialUnits: vialUnits, diluentHundredthsML: diluentHundredthsML) }

    /// Whether the stated strength agrees with vial units / mL / 10.
    public var isConsistent: Bool { abs(dilution.unitsPerTenthML - unitsPerTenthML) < 1e-9 }
}
