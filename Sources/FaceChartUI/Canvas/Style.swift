/// What a cell is for. The terminal backend turns each role into colours (or none under NO_COLOR);
/// screens never name colours.
public enum Role: String, CaseIterable, Hashable, Sendable {
    case normal
    case muted
    case title
    case accent
    case drawing
    case label
    case danger
    case warning
    case ok
    case intradermal
    case subcutaneous
    case intramuscular
    case deep
    case topUp
}

/// How a cell is drawn: its role and the attributes that survive without colour.
public struct Style: Hashable, Sendable {
    public var role: Role
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(_ role: Role = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()
    public static let muted = Style(.muted)
    public static let title = Style(.title, bold: true)
    public static let selected = Style(.accent, reverse: true)
    public static let danger = Style(.danger, bold: true)
    public static let warning = Style(.warning, bold: true)

    public func with(bold: Bool? = nil, reverse: Bool? = nil, underline: Bool? = nil) -> Style {
        Style(role, bold: bold ?? self.bold, reverse: reverse ?? self.reverse, underline: underline ?? self.underline)
    }
}
