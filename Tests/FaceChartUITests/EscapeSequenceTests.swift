import Testing
import FaceChartUI

@Suite struct EscapeSequenceTests {
    func read(_ text: String) -> EscapeSequence.Reading { EscapeSequence.read(Array(text.unicodeScalars)) }

    @Test func altWithAKeyIsDropped() {
        #expect(read("x") == .drop)
        #expect(read("q") == .drop)
        #expect(read("\u{1B}") == .drop)
    }

    @Test func shiftTabAndArrowsAreKeys() {
        #expect(read("[Z") == .event(.key(.backTab)))
        #expect(read("[A") == .event(.key(.up)))
        #expect(read("[1;2B") == .event(.key(.shiftDown)))
        #expect(read("OD") == .event(.key(.left)))
        #expect(read("[3~") == .event(.key(.delete)))
    }

    @Test func unknownSequencesAreReadWholeThenDropped() {
        #expect(read("[") == .needMore)
        #expect(read("[1;3") == .needMore)
        #expect(read("[1;3A") == .drop, "Alt+Up")
        #expect(read("[99~") == .drop)
        #expect(read("[200~") == .drop, "a paste marker out of place")
        #expect(read("]0;title") == .needMore)
        #expect(read("]0;title\u{07}") == .drop)
        #expect(read("O") == .needMore)
        #expect(read("Oz") == .drop)
    }

    @Test func sgrMouseReports() {
        #expect(read("[<0;13;4M") == .event(.mouse(MouseEvent(kind: .press, x: 12, y: 3))))
        #expect(read("[<0;13;4m") == .event(.mouse(MouseEvent(kind: .release, x: 12, y: 3))))
        #expect(read("[<64;1;1M") == .event(.mouse(MouseEvent(kind: .scrollUp, x: 0, y: 0))))
        #expect(read("[<65;1;1M") == .event(.mouse(MouseEvent(kind: .scrollDown, x: 0, y: 0))))
        #expect(read("[<16;5;5M") == .event(.mouse(MouseEvent(kind: .press, x: 4, y: 4))), "Ctrl-click is a click")
        #expect(read("[<2;5;5M") == .drop, "the right button")
        #expect(read("[<32;5;5M") == .drop, "motion")
        #expect(read("[<0;13") == .needMore)
        #expect(read("[<0;x") == .drop)
    }

    @Test func x10MouseReports() {
        // Button, column and row are each 32 more than their value; columns and rows count from 1.
        #expect(read("[M -$") == .event(.mouse(MouseEvent(kind: .press, x: 12, y: 3))))
        #expect(read("[M#-$") == .event(.mouse(MouseEvent(kind: .release, x: 12, y: 3))))
        #expect(read("[M`!!") == .event(.mouse(MouseEvent(kind: .scrollUp, x: 0, y: 0))))
        #expect(read("[M -") == .needMore)
    }
}
