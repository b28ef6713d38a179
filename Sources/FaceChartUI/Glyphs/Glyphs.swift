/// Every character FaceChart draws beyond plain ASCII text, as one table with two sets: Unicode for
/// terminals whose locale can draw UTF-8, and ASCII for the rest. Each set keeps every distinction
/// (five depths, stacked points, separators, arrows, borders, danger marks) and every glyph takes
/// exactly one column in both, so a layout is the same whichever set draws it.
///
/// Screens name the glyphs they draw (`canvas.glyphs.intramuscular`). Running text may hold the
/// Unicode separator, ellipsis and arrows; a canvas drawn in ASCII maps them through this table.
public struct Glyphs: Hashable, Sendable {
    /// A point injected intradermally.
    public var intradermal: Character
    /// A point injected subcutaneously.
    public var subcutaneous: Character
    /// A point injected intramuscularly.
    public var intramuscular: Character
    /// A point injected deep, down to the periosteum.
    public var deep: Character
    /// A point injected into a gland (parotid, submandibular).
    public var intraglandular: Character
    /// Between items on one line: `Pen 4 U · IM`.
    public var separator: Character
    /// Where text was cut to fit: `Orb. oculi (pretar…`.
    public var ellipsis: Character
    /// Before a choice that arrows change: `◀ Botox Cosmetic ▶`.
    public var previous: Character
    /// After a choice that arrows change.
    public var next: Character
    /// From one figure to the next in a trend: `4 → 8`.
    public var arrow: Character
    /// More lines above a scrolled list.
    public var moreAbove: Character
    /// More lines below a scrolled list.
    public var moreBelow: Character
    /// Before a danger-zone warning.
    public var danger: Character
    /// A chart's vertical axis where a bar row meets it: `┤`.
    public var axis: Character
    /// Box edges and corners (the bottom-left also closes a chart's axes).
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    /// The eight sparkline levels, lowest first.
    public var sparkLevels: [Character]
    /// A sparkline's mark for a treatment that gave nothing.
    public var untreated: Character

    /// For terminals whose locale draws UTF-8.
    public static let unicode = Glyphs(
        intradermal: "·", subcutaneous: "○", intramuscular: "●", deep: "◆", intraglandular: "◇",
        separator: "·", ellipsis: "…", previous: "◀", next: "▶", arrow: "→", moreAbove: "▲", moreBelow: "▼",
        danger: "⚠", axis: "┤", horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        sparkLevels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], untreated: "·")

    /// For every other terminal. The depth marks avoid the characters the face drawings use
    /// (`. - ~ ' / \ | ( ) @ _ < > = v V : ,`), the cursor's `+` and the digits of stacked points.
    public static let ascii = Glyphs(
        intradermal: "i", subcutaneous: "o", intramuscular: "*", deep: "#", intraglandular: "g",
        separator: "|", ellipsis: "~", previous: "<", next: ">", arrow: ">", moreAbove: "^", moreBelow: "v",
        danger: "!", axis: "|", horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        sparkLevels: [".", ":", "-", "=", "+", "*", "#", "@"], untreated: "_")

    /// Whether every glyph is plain ASCII.
    public var isASCII: Bool { all.allSatisfy { $0.glyph.isASCII } }

    /// Every glyph with its name, in one order for both sets: those met in running text first.
    public var all: [(name: String, glyph: Character)] {
        [
            ("separator", separator), ("ellipsis", ellipsis), ("previous", previous), ("next", next), ("arrow", arrow),
            ("moreAbove", moreAbove), ("moreBelow", moreBelow), ("danger", danger), ("axis", axis),
            ("horizontal", horizontal), ("vertical", vertical), ("topLeft", topLeft), ("topRight", topRight),
            ("bottomLeft", bottomLeft), ("bottomRight", bottomRight),
            ("intradermal", intradermal), ("subcutaneous", subcutaneous), ("intramuscular", intramuscular), ("deep", deep),
            ("intraglandular", intraglandular),
            ("untreated", untreated),
        ] + sparkLevels.enumerated().map { ("sparkLevel\($0.offset + 1)", $0.element) }
    }

    /// The ASCII glyph for a Unicode glyph met in running text (the first name it has in `all` wins:
    /// `·` in text is the separator, not the intradermal mark), or nil for characters that are not glyphs.
    public static func asciiForm(of character: Character) -> Character? { asciiForms[character] }

    private static let asciiForms: [Character: Character] = {
        var forms: [Character: Character] = [:]
        for (unicode, ascii) in zip(Glyphs.unicode.all, Glyphs.ascii.all) where forms[unicode.glyph] == nil {
            forms[unicode.glyph] = ascii.glyph
        }
        return forms
    }()
}
