import FaceChartScreens
import FaceChartUI
import Testing

@Suite struct TextFieldTests {
    @Test func aPasteIsOneLineAtTheCursor() {
        var field = TextField("Ada ", maximumLength: 60)
        field.paste("Lovelace\n1815-12-10\r\nLondon\tUK\u{1B}[2J")
        #expect(field.text == "Ada Lovelace 1815-12-10 London UK")
        #expect(field.cursor == field.text.count)
        #expect(field.limitNotice == nil)
        field.handle(.home)
        field.paste("Dr ")
        #expect(field.text == "Dr Ada Lovelace 1815-12-10 London UK")
        #expect(field.cursor == 3)
    }

    @Test func aFullFieldRefusesMoreAndSaysSo() {
        var field = TextField(maximumLength: 10)
        field.paste("C1234A-LONG-LOT")
        #expect(field.text == "C1234A-LON")
        #expect(field.refused == 5)
        #expect(field.limitNotice == "The field is full: it holds at most 10 characters; 5 pasted characters were left out.")
        field.handle(.character("X"))
        #expect(field.text == "C1234A-LON")
        #expect(field.limitNotice == "The field is full: it holds at most 10 characters.")
        field.handle(.backspace)
        #expect(field.limitNotice == nil)
        field.handle(.character("X"))
        #expect(field.text == "C1234A-LOX")
        #expect(field.limitNotice == nil)
    }

    @Test func aLongTextScrollsWithMarksOnTheSidesOutOfSight() {
        var field = TextField(String(repeating: "abcdefghij", count: 3), maximumLength: 100)
        var canvas = Canvas(width: 12, height: 1)
        field.render(into: &canvas, x: 0, y: 0, width: 12, focused: true)
        #expect(canvas.lines[0] == "…abcdefghij ")
        #expect(canvas.cursor?.x == 11, "the cursor after the last character stays inside the field")
        field.handle(.home)
        canvas = Canvas(width: 12, height: 1)
        field.render(into: &canvas, x: 0, y: 0, width: 12, focused: true)
        #expect(canvas.lines[0] == "abcdefghija…")
        #expect(canvas.cursor?.x == 0)
    }
}
