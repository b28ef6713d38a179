import Testing
import FaceChartUI

@Suite struct TerminalTextTests {
    @Test(arguments: [
        ("Ada\u{1B}]0;PWNED\u{07} Example", "Ada Example"),
        ("Ada\u{1B}]2;title\u{1B}\\ Example", "Ada Example"),
        ("\u{1B}[2J\u{1B}[HAda", "Ada"),
        ("Ada\u{9B}31mRed", "AdaRed"),
        ("Ada\u{1B}cReset", "AdaReset"),
        ("C1234A\u{1B}[1;31m", "C1234A"),
        ("bell\u{07}\u{08}\u{7F}", "bell"),
        ("line one\nline two\r\nthree\tfour", "line one line two three four"),
        ("abc\u{202E}fed", "abcfed"),
        ("Zoë Ångström ✅ 🚀", "Zoë Ångström ✅ 🚀"),
    ])
    func controlCharactersAndEscapeSequencesAreRemovedWhole(text: String, shown: String) {
        #expect(TerminalText.sanitized(text) == shown)
        #expect(!TerminalText.needsSanitizing(shown))
    }

    @Test func anUnterminatedSequenceTakesTheRestButNothingBefore() {
        #expect(TerminalText.sanitized("Ada\u{1B}]0;no end") == "Ada")
        #expect(TerminalText.sanitized("Ada\u{1B}") == "Ada")
    }
}
