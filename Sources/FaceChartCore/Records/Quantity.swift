/// An amount with its unit, as record files write it: `{"value": 4, "unit": "U", "scale":
/// "onabotulinumtoxinA"}` for a dose (units are only meaningful on their ingredient's scale) or
/// `{"value": 2.5, "unit": "mL"}` for a volume.
public struct Quantity: Hashable, Codable, Sendable {
    public var value: Double
    public var unit: String
    /// For toxin units: the active ingredient whose scale the units are on.
    public var scale: String?

    public init(value: Double, unit: String, scale: String? = nil) {
        self.value = value
        self.unit = unit
        self.scale = scale
    }

    /// The unit of toxin doses (product-specific biological units).
    public static let toxinUnit = "U"
    /// The unit of volumes.
    public static let millilitre = "mL"

    /// `units` on the scale of `ingredient`.
    public static func dose(_ units: Units, scale ingredient: String) -> Quantity {
        Quantity(value: units.value, unit: toxinUnit, scale: ingredient)
    }

    /// A volume in hundredths of a mL.
    public static func volume(hundredthsML: Int) -> Quantity {
        Quantity(value: Double(hundredthsML) / 100, unit: millilitre)
    }

    /// The dose in units, checking its unit and scale; the problem in words otherwise.
    public func units(expectingScale ingredient: String?) throws(RecordProblem) -> Units {
        guard unit == Self.toxinUnit else { throw RecordProblem("a dose is in \"\(unit)\", not \"U\"") }
        guard let scale, !scale.isEmpty else { throw RecordProblem("a dose does not name its scale") }
        if let ingredient, scale != ingredient {
            throw RecordProblem("a dose is on the \(scale) scale but its vial holds \(ingredient)")
        }
        guard let units = Units(exactly: value) else { throw RecordProblem("a dose is not a figure to 0.01 U") }
        return units
    }

    /// The volume in hundredths of a mL, checking its unit; the problem in words otherwise.
    public func hundredthsML() throws(RecordProblem) -> Int {
        guard unit == Self.millilitre else { throw RecordProblem("a volume is in \"\(unit)\", not \"mL\"") }
        guard let hundredths = Units(exactly: value)?.hundredths else {
            throw RecordProblem("a volume is not a figure to 0.01 mL")
        }
        return hundredths
    }
}

/// Why a record read from a file does not hold together, in words naming the field (never its value
/// when that could be patient data).
public struct RecordProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }
}
