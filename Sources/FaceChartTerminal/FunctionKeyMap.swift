import CNcursesw
import FaceChartUI

/// Maps the key codes ncurses reports with KEY_CODE_YES to `Key`s, including the shifted arrows
/// that xterm-style terminals describe only as extended capabilities (kUP, kDN, kLFT, kRIT), and
/// the two codes that bracket a paste.
struct FunctionKeyMap {
    private var extended: [Int32: Key] = [:]
    /// The codes taught to ncurses for the start and end of a bracketed paste (ESC [ 200 ~ and ESC [ 201 ~).
    private(set) var pasteBegins: Int32 = 0
    private(set) var pasteEnds: Int32 = 0

    /// Sequences the common terminals send that their terminfo entries may not name. Terminals and
    /// multiplexers disagree about Home and End (tmux sends ESC [1~ for Home whatever TERM says), and
    /// vt100's entry has no Shift-Tab although the terminals that claim to be one send ESC [Z.
    private static let alternateSequences: [(String, Int32)] = [
        ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME),
        ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END), ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END),
        ("\u{1B}[Z", KEY_BTAB),
    ]

    /// Reads the terminal's extended key capabilities and teaches ncurses the sequences it does not
    /// know yet; call after the screen is set up with keypad on.
    static func forCurrentTerminal() -> FunctionKeyMap {
        for (sequence, code) in alternateSequences where key_defined(sequence) == 0 {
            define_key(sequence, code)
        }
        var map = FunctionKeyMap()
        let shifted: [(String, Key)] = [("kUP", .shiftUp), ("kDN", .shiftDown), ("kLFT", .shiftLeft), ("kRIT", .shiftRight)]
        for (capability, key) in shifted {
            let code = capability.withCString { facechart_key_code_for_capability($0) }
            if code > 0 { map.extended[code] = key }
        }
        // Codes well above the ones ncurses numbers its extended keys with, checked to be free.
        var free = (KEY_MAX + 0x400...KEY_MAX + 0x500).lazy.filter { keybound($0, 0) == nil }.makeIterator()
        if let begins = free.next(), let ends = free.next() {
            define_key("\u{1B}[200~", begins)
            define_key("\u{1B}[201~", ends)
            map.pasteBegins = begins
            map.pasteEnds = ends
        }
        return map
    }

    /// The key for a function key code, or nil for codes FaceChart does not use.
    func key(for code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        // Standard terminfo names for shifted arrows: scroll reverse/forward and shifted left/right.
        case KEY_SR: return .shiftUp
        case KEY_SF: return .shiftDown
        case KEY_SLEFT: return .shiftLeft
        case KEY_SRIGHT: return .shiftRight
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_ENTER: return .enter
        case facechart_key_f(1)...facechart_key_f(63): return .function(Int(code - facechart_key_f(0)))
        default: return extended[code]
        }
    }
}
