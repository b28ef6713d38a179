import Foundation

extension Glyphs {
    /// What an ASCII-only terminal shows for any character, in the same number of columns: the
    /// character itself when ASCII, a glyph's ASCII form, a letter without its accents (`ë` is `e`),
    /// else one `?` per column (`日` is `??`), so names stay legible and layouts stay aligned.
    public static func asciiText(for character: Character) -> String {
        if character.isASCII { return String(character) }
        if let glyph = asciiForm(of: character) { return String(glyph) }
        let columns = ColumnWidth.of(character)
        if columns == 0 { return "" }
        if columns == 1, let base = baseLetter(of: character) { return String(base) }
        return String(repeating: "?", count: columns)
    }

    /// The ASCII letter beneath accents and other marks, when there is one.
    private static func baseLetter(of character: Character) -> Character? {
        if let letter = lettersWithoutDecomposition[character] { return letter }
        let decomposed = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
        guard let first = decomposed.first, first.isASCII, first.properties.isAlphabetic else { return nil }
        return Character(first)
    }

    /// Latin letters whose accents Unicode does not decompose.
    private static let lettersWithoutDecomposition: [Character: Character] = [
        "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H", "ı": "i", "ŧ": "t", "Ŧ": "T",
    ]
}
