/// Why a face drawing could not be read.
public enum FaceViewError: Error, Hashable, Sendable {
    case empty
    case shapeMismatch(row: Int)
    case ragged(layer: String, row: Int)
    case unknownMaskCharacter(Character, row: Int)

    public var message: String {
        switch self {
        case .empty: "the drawing has no rows"
        case .shapeMismatch(let row): "art and mask differ in height (at row \(row + 1))"
        case .ragged(let layer, let row): "\(layer) row \(row + 1) differs in width from the first row"
        case .unknownMaskCharacter(let character, let row): "mask character '\(character)' on row \(row + 1) is not in the legend"
        }
    }
}
