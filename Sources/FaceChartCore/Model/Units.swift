import Foundation

/// A dose in product units, held exactly in hundredths (1.25 U is 125).
///
/// Units of different products are not interchangeable; a `Units` value means nothing without the
/// product it was drawn from.
public struct Units: Hashable, Comparable, Sendable, CustomStringConvertible, AdditiveArithmetic {
    /// The dose in hundredths of a unit.
    public var hundredths: Int

    public init(hundredths: Int) { self.hundredths = hundredths }

    /// Whole units.
    public init(_ whole: Int) { hundredths = whole * 100 }

    /// From a decimal figure; `nil` when it is not finite or finer than 0.01 U.
    public init?(exactly value: Double) {
        guard value.isFinite, abs(value) < 1_000_000 else { return nil }
        let scaled = (value * 100).rounded()
        guard abs(scaled - value * 100) < 1e-6 else { return nil }
        hundredths = Int(scaled)
    }

    /// Parses a typed dose such as `4`, `2.5`, `1.25` or `.5`.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              trimmed.filter({ $0 == "." }).count <= 1, trimmed != "."
        else { return nil }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts[0].isEmpty ? 0 : Int(parts[0])
        guard let whole, whole < 100_000 else { return nil }
        var fraction = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard digits.count <= 2 else { return nil }
            fraction = digits.isEmpty ? 0 : Int(digits.padding(toLength: 2, withPad: "0", startingAt: 0))!
        }
        hundredths = whole * 100 + fraction
    }

    public static let zero = Units(hundredths: 0)

    /// The figure as a Double, for display and volume maths.
    public var value: Double { Double(hundredths) / 100 }

    /// `4`, `2.5`, `1.25`: no trailing zeros.
    public var description: String {
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Rounded to the nearest half unit (halves round up), as scaled patterns are.
    public var roundedToHalf: Units {
        Units(hundredths: Int((Double(hundredths) / 50).rounded(.toNearestOrAwayFromZero)) * 50)
    }

    /// This dose multiplied by `factor`.
    public func scaled(by factor: Double) -> Units {
        Units(hundredths: Int((Double(hundredths) * factor).rounded()))
    }

    public static func + (lhs: Units, rhs: Units) -> Units { Units(hundredths: lhs.hundredths + rhs.hundredths) }
    public static func - (lhs: Units, rhs: Units) -> Units { Units(hundredths: lhs.hundredths - rhs.hundredths) }
    public static func < (lhs: Units, rhs: Units) -> Bool { lhs.hundredths < rhs.hundredths }
}

extension Units: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let value = try container.decode(Double.self)
        guard let units = Units(exactly: value) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "units must be a figure to 0.01 U")
        }
        self = units
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

extension Sequence where Element == Units {
    /// The sum of the doses.
    public func total() -> Units { reduce(.zero, +) }
}
