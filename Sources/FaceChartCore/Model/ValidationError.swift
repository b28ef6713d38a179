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
    /// Two vials (or other parts of one record) share an identifier.
    case duplicateIdentifier(String)
    /// A point names a vial the session does not hold.
    case unknownVial(String)
    /// A point's dose is on another scale than its vial's active ingredient.
    case doseScaleMismatch(point: String, scale: String, vialIngredient: String)
    /// Only a draft can be voided or have its header changed.
    case notADraft(String)
    /// A record could not be turned into JSON (a bug, never user input).
    case cannotEncode(String)

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
        case .duplicateIdentifier(let id): "The identifier \(id) is used twice in one record."
        case .unknownVial(let id): "A point names vial \(id), which the session does not hold."
        case .doseScaleMismatch(let point, let scale, let ingredient):
            "Point \(point) records a dose in \(scale) units, but its vial holds \(ingredient)."
        case .notADraft(let status): "This session is \(status): only a draft can be changed this way."
        case .cannotEncode(let what): "FaceChart could not write \(what) as JSON; nothing was saved."
        }
    }
}
