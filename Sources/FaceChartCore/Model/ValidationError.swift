/// Why a value entered by a user or read from a file is not acceptable.
public enum ValidationError: Error, Hashable, Sendable {
    case emptyName
    case nameTooLong
    case unitsNotPositive(Units)
    case unitsTooLarge(Units, maximum: Units)
    case positionOffDrawing
    case vialUnitsNotPositive
    case diluentOutOfRange
    case signedSessionIsReadOnly
    case lotExpired(lot: String, expiry: CalendarDate)
    case emptyField(String)
    case scoreOutOfRange(Int, scale: String)
    /// A treatment pattern whose sites, totals or key do not hold together.
    case invalidPattern(String)

    /// One sentence for the user.
    public var message: String {
        switch self {
        case .emptyName: "A name is required."
        case .nameTooLong: "The name is longer than 120 characters."
        case .unitsNotPositive(let units): "A dose must be more than 0 U (got \(units) U)."
        case .unitsTooLarge(let units, let maximum): "\(units) U at one point is more than \(maximum) U: check the figure."
        case .positionOffDrawing: "The point lies outside the drawing."
        case .vialUnitsNotPositive: "The vial must hold more than 0 U."
        case .diluentOutOfRange: "The diluent must be more than 0 mL and at most 100 mL."
        case .signedSessionIsReadOnly: "This session is signed: add a dated addendum instead of editing it."
        case .lotExpired(let lot, let expiry): "Lot \(lot) expired on \(expiry): use an unexpired vial."
        case .emptyField(let field): "\(field) is required."
        case .scoreOutOfRange(let score, let scale): "\(score) is outside the \(scale)."
        case .invalidPattern(let reason): "The pattern does not hold together: \(reason)."
        }
    }
}
