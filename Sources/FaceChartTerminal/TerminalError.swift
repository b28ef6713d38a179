/// Why the terminal could not be started, worded for the person at the keyboard.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// TERM is missing or empty.
    case termNotSet
    /// Standard input or output is not a terminal (a pipe or a file).
    case notATerminal(stream: String)
    /// ncurses has no description for this TERM value.
    case unknownTerminal(term: String)
    /// The terminal cannot move the cursor (TERM=dumb, a printing terminal), so a chart cannot be drawn.
    case noCursorAddressing(term: String)

    public var description: String {
        switch self {
        case .termNotSet:
            "TERM is not set: FaceChart needs a terminal (try TERM=xterm-256color)"
        case .notATerminal(let stream):
            "standard \(stream) is not a terminal: FaceChart needs an interactive terminal"
        case .unknownTerminal(let term):
            "unknown terminal type '\(term)' (TERM): FaceChart cannot draw on it (try TERM=xterm-256color)"
        case .noCursorAddressing(let term):
            "the terminal type '\(term)' (TERM) cannot move the cursor, so FaceChart cannot draw its screens on it "
                + "(try TERM=xterm-256color; 'facechart show' prints a chart as plain text)"
        }
    }
}
