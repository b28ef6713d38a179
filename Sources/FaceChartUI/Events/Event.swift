/// Something that happened at the terminal, named for what happened.
public enum Event: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    /// Text pasted in one piece (bracketed paste): line breaks as `\n`, no other control characters.
    case paste(String)
    /// The terminal now has this many columns and rows.
    case resized(width: Int, height: Int)
    /// Standard input ended (the terminal went away).
    case inputEnded
    /// Time passed with no input: sent only while a screen waits on the clock (`App.wantsTicks`), so that
    /// timeouts are driven by events and tested without sleeping.
    case tick
}

/// A key press, decoded.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Ctrl with a letter, given in lowercase (`.control("r")` for Ctrl-R).
    case control(Character)
    case up, down, left, right
    case shiftUp, shiftDown, shiftLeft, shiftRight
    case enter, escape, tab, backTab, backspace, delete
    case home, end, pageUp, pageDown
    case function(Int)
}

/// A mouse button event at a cell (0-based column and row).
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case press, release, scrollUp, scrollDown
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
