import Testing
import FaceChartUI

@Suite struct CanvasTests {
    func row(_ canvas: Canvas, _ y: Int = 0) -> String { canvas.lines[y] }

    @Test func textThatDoesNotFitEndsInAnEllipsis() {
        var canvas = Canvas(width: 10, height: 1, fill: Canvas.Cell("x"))
        #expect(canvas.put("Lot C1234A", x: 0, y: 0, limit: 9) == 9)
        #expect(row(canvas) == "Lot C123…x")
    }

    @Test func cutSpacesNeedNoEllipsisAndWhatFitsIsWhole() {
        var canvas = Canvas(width: 8, height: 2, fill: Canvas.Cell("x"))
        canvas.put("C1234A    ", x: 0, y: 0, limit: 7)
        canvas.put("C1234A", x: 0, y: 1, limit: 6)
        #expect(row(canvas, 0) == "C1234A x")
        #expect(row(canvas, 1) == "C1234Axx")
    }

    @Test func aWideCharacterHalvedByTheCutGivesWay() {
        var canvas = Canvas(width: 6, height: 1, fill: Canvas.Cell("x"))
        canvas.put("ab日本", x: 0, y: 0, limit: 5)
        #expect(row(canvas) == "ab日…x")
        var fresh = Canvas(width: 6, height: 1, fill: Canvas.Cell("x"))
        fresh.put("a日本", x: 0, y: 0, limit: 4)
        #expect(row(fresh) == "a日…xx")
    }

    @Test func recordTextNeverReachesACellAsControl() {
        var canvas = Canvas(width: 20, height: 1)
        canvas.put("Ada\u{1B}]0;PWNED\u{07}\u{1B}[2J Ex", x: 0, y: 0)
        #expect(row(canvas) == "Ada Ex" + String(repeating: " ", count: 14))
    }

    @Test func anASCIICanvasDrawsTheASCIIFormsOfGlyphs() {
        var canvas = Canvas(width: 24, height: 3, glyphs: .ascii)
        canvas.put("Pen 4 U · IM … ◀ ▶", x: 0, y: 0, limit: 24)
        canvas.box(Rect(x: 0, y: 1, width: 4, height: 2))
        #expect(row(canvas, 0) == "Pen 4 U | IM ~ < >      ")
        #expect(row(canvas, 1).hasPrefix("+--+"))
        canvas.put("Lot C1234A", x: 0, y: 2, limit: 5)
        #expect(row(canvas, 2).hasPrefix("Lot ~"), "an ASCII canvas marks a cut with the ASCII ellipsis")
    }

    @Test func messagesWrapUpwardFromTheBottomRow() {
        var canvas = Canvas(width: 12, height: 4, fill: Canvas.Cell("x"))
        let top = canvas.putMessage("The lot number is required.", bottom: 3, style: .plain)
        #expect(top == 1)
        #expect(canvas.lines == ["xxxxxxxxxxxx", "The lot     ", "number is   ", "required.   "])
    }
}

@Suite struct FormatTests {
    @Test func fittedAndPaddedTextIsMarkedWhenCut() {
        #expect(Format.clipped("Orb. oculi (lateral)", 12) == "Orb. oculi…")
        #expect(Format.clipped("Orb. oculi (lateral)", 13) == "Orb. oculi (…")
        #expect(Format.clipped("Procerus", 12) == "Procerus")
        #expect(Format.pad("Orb. oculi (lateral)", 12) == "Orb. oculi… ")
        #expect(Format.pad("M", 3) == "M  ")
        #expect(Format.padLeft("12.25", 3) == "12.25", "figures are never cut")
    }

    @Test func aWordLongerThanALineIsBrokenNotCut() {
        #expect(Format.wrap("Lot ABCDEFGHIJKL exp", width: 6) == ["Lot", "ABCDEF", "GHIJKL", "exp"])
        #expect(Format.wrap("one two three", width: 7) == ["one two", "three"])
    }
}
