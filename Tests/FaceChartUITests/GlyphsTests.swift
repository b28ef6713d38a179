import Testing
import FaceChartUI

@Suite struct GlyphsTests {
    static let sets: [(String, Glyphs)] = [("unicode", .unicode), ("ascii", .ascii)]

    @Test(arguments: sets) func everyGlyphTakesOneColumn(name: String, glyphs: Glyphs) {
        for (glyphName, glyph) in glyphs.all {
            #expect(ColumnWidth.of(glyph) == 1, "\(name).\(glyphName) '\(glyph)'")
        }
    }

    @Test(arguments: sets) func eachDistinctionIsKept(name: String, glyphs: Glyphs) {
        let depths = [glyphs.intradermal, glyphs.subcutaneous, glyphs.intramuscular, glyphs.deep, glyphs.intraglandular]
        #expect(Set(depths).count == 5, "five depths, five marks in \(name)")
        #expect(Set(glyphs.sparkLevels + [glyphs.untreated]).count == 9, "eight levels and 'none' in \(name)")
        #expect(glyphs.previous != glyphs.next && glyphs.moreAbove != glyphs.moreBelow)
        // Points must not be mistaken for the drawing, the cursor's '+' or a stacked count.
        let drawing = Set(". - ~ ' / \\ | ( ) @ _ < > = v V : , R L + 0 1 2 3 4 5 6 7 8 9".split(separator: " ").map { Character(String($0)) })
        #expect(drawing.isDisjoint(with: depths), "\(name): \(depths)")
    }

    @Test func theASCIISetIsASCIIAndTheUnicodeSetIsNot() {
        #expect(Glyphs.ascii.isASCII)
        #expect(Glyphs.ascii.all.allSatisfy { $0.glyph.isASCII })
        #expect(!Glyphs.unicode.isASCII)
        #expect(Glyphs.ascii.all.map(\.name) == Glyphs.unicode.all.map(\.name), "one table: the same names in both sets")
    }

    @Test func unicodeGlyphsInTextHaveASCIIForms() {
        #expect(Glyphs.asciiForm(of: "·") == "|", "in running text the middle dot separates")
        #expect(Glyphs.asciiForm(of: "…") == "~")
        #expect(Glyphs.asciiForm(of: "◀") == "<")
        #expect(Glyphs.asciiForm(of: "●") == "*")
        #expect(Glyphs.asciiForm(of: "┌") == "+")
        #expect(Glyphs.asciiForm(of: "a") == nil)
        for (unicode, ascii) in zip(Glyphs.unicode.all, Glyphs.ascii.all) where unicode.glyph != Glyphs.unicode.separator {
            #expect(Glyphs.asciiForm(of: unicode.glyph) == ascii.glyph, "\(unicode.name)")
        }
    }

    @Test func anyCharacterHasASCIITextOfTheSameWidth() {
        #expect(Glyphs.asciiText(for: "ë") == "e")
        #expect(Glyphs.asciiText(for: "Å") == "A")
        #expect(Glyphs.asciiText(for: "ø") == "o")
        #expect(Glyphs.asciiText(for: "e\u{301}") == "e")
        #expect(Glyphs.asciiText(for: "日") == "??")
        #expect(Glyphs.asciiText(for: "🚀") == "??")
        #expect(Glyphs.asciiText(for: "●") == "*")
        #expect(Glyphs.asciiText(for: "x") == "x")
    }
}
